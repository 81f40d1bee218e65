import { type IdKind, type IdPool, kindOfField } from './ids.js';

/** What kind of record the `id` fields under a key are. null: not one the fuzzer names in paths. */
const KEY_KINDS: Record<string, IdKind | null> = {
  partner: 'partner',
  partners: 'partner',
  template: 'template',
  templates: 'template',
  call: 'call',
  calls: 'call',
  agreement: 'agreement',
  agreements: 'agreement',
  referral: 'referral',
  referrals: 'referral',
  feeLines: 'fee',
  fees: 'fee',
  feesDue: 'fee',
  reviews: 'review',
  review: 'review',
  messages: 'message',
  message: 'message',
  outreach: 'message',
  replies: null,
  reply: null,
  activities: null,
  flags: null,
  reciprocity: null,
  today: null,
  followups: null,
};

/** The kind of record a route answers with: its last path word that names one. */
export function kindOfRoute(path: string): IdKind | null {
  const words = path.split('/').filter((w) => w && !w.startsWith('{'));
  for (const w of words.reverse()) {
    const k = KEY_KINDS[w.replace(/\.\w+$/, '')];
    if (k !== undefined) return k;
  }
  return null;
}

/** Adds every id a 2xx answer names to the pool, so later inputs can name those records. */
export function harvestIds(value: unknown, kind: IdKind | null, pool: IdPool) {
  if (Array.isArray(value)) {
    for (const v of value) harvestIds(v, kind, pool);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id') {
      if (kind) pool.add(kind, v);
      continue;
    }
    const field = kindOfField(k);
    if (field) {
      pool.add(field, v);
      continue;
    }
    if (v && typeof v === 'object') harvestIds(v, k === 'items' ? kind : (KEY_KINDS[k] ?? null), pool);
  }
}
