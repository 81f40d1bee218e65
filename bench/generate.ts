import type { Kysely } from 'kysely';
import { PARTNER_TYPES } from '../src/domain/partner.js';
import { DEFAULT_PROFILE } from '../src/domain/profile.js';
import { STAGES, type Stage } from '../src/domain/stage.js';
import type { DB } from '../src/store/schema.js';
import { idAt, Rng } from './rng.js';

export interface Scale {
  partners: number;
  referrals: number;
  activities: number;
}

export const REFERENCE: Scale = { partners: 10_000, referrals: 1_000_000, activities: 2_000_000 };
export const SMOKE: Scale = { partners: 200, referrals: 2_000, activities: 4_000 };

const DAY = 86_400_000;
/** Five years of history ending on the reference date. */
export const END = Date.UTC(2026, 10, 24);
export const START = END - 5 * 365 * DAY;
const BATCH = 1_000;

export interface Generated {
  workspaceId: string;
  partnerIds: string[];
}

type Progress = (what: string, done: number, total: number) => void;

/**
 * Writes the reference workspace through the project's own schema, in batched transactions so
 * memory stays flat whatever the scale. The same seed always gives the same rows.
 */
export async function generate(db: Kysely<DB>, scale: Scale, seed: number, progress: Progress): Promise<Generated> {
  const rng = new Rng(seed);
  const workspaceId = idAt(START, rng);
  const iso = (ms: number) => new Date(ms).toISOString();
  await db
    .insertInto('workspaces')
    .values({
      id: workspaceId,
      ...DEFAULT_PROFILE,
      name: 'Reference Agency',
      createdAt: iso(START),
      updatedAt: iso(START),
    })
    .execute();

  const partnerIds: string[] = [];
  const partnerStart: number[] = [];
  await batched(db, scale.partners, progress, 'partners', async (trx, from, to) => {
    const rows = [];
    const events = [];
    for (let i = from; i < to; i++) {
      const created = START + Math.floor(rng.next() * (END - START - DAY));
      const id = idAt(created, rng);
      const type = rng.pick(PARTNER_TYPES);
      const stage = rng.pick(STAGES);
      const updated = created + rng.int(0, 200) * DAY;
      partnerIds.push(id);
      partnerStart.push(created);
      rows.push({
        id,
        workspaceId,
        name: `Partner ${i + 1}`,
        company: `Company ${i + 1}`,
        contactName: `Contact ${i + 1}`,
        email: `partner${i + 1}@example.com`,
        linkedinUrl: null,
        website: null,
        emailKey: `partner${i + 1}@example.com`,
        linkedinKey: null,
        websiteKey: null,
        type,
        subtype: type === 'agency' ? rng.pick(['marketing', 'pr', 'web', 'branding']) : null,
        audience: 'Professional-services firms',
        stage,
        owner: null,
        notes: rng.chance(0.3) ? 'Met at an industry event' : null,
        nextAction: null,
        nextActionDate: rng.chance(0.7) ? iso(END + rng.int(-30, 60) * DAY).slice(0, 10) : null,
        archivedAt: rng.chance(0.05) ? iso(Math.min(updated, END)) : null,
        createdAt: iso(created),
        updatedAt: iso(Math.min(updated, END)),
      });
      // A plausible path to the partner's stage, for the review's funnel.
      const path = pathTo(stage);
      let t = created;
      events.push({ id: idAt(t, rng), workspaceId, partnerId: id, stage: 'identified', at: iso(t) });
      for (const s of path) {
        t += rng.int(1, 10) * DAY;
        events.push({ id: idAt(t, rng), workspaceId, partnerId: id, stage: s, at: iso(Math.min(t, END)) });
      }
    }
    await trx.insertInto('partners').values(rows).execute();
    for (let i = 0; i < events.length; i += BATCH) {
      await trx
        .insertInto('stageEvents')
        .values(events.slice(i, i + BATCH))
        .execute();
    }
  });

  await batched(db, scale.activities, progress, 'activities', async (trx, from, to) => {
    const rows = [];
    for (let i = from; i < to; i++) {
      const p = rng.int(0, partnerIds.length - 1);
      const at = partnerStart[p]! + Math.floor(rng.next() * (END - partnerStart[p]!));
      rows.push({
        id: idAt(at, rng),
        workspaceId,
        partnerId: partnerIds[p]!,
        kind: 'note',
        summary: rng.pick(['Called to check in', 'Sent a case study', 'Shared a lead list', 'Coffee catch-up']),
        data: '{}',
        at: iso(at),
      });
    }
    await trx.insertInto('activities').values(rows).execute();
  });

  return { workspaceId, partnerIds };
}

const HAPPY: Stage[] = ['contacted', 'followed_up', 'replied', 'call_booked', 'call_done', 'agreement'];

function pathTo(stage: Stage): Stage[] {
  if (stage === 'identified') return [];
  const i = HAPPY.indexOf(stage);
  if (i >= 0) return HAPPY.slice(0, i + 1);
  if (stage === 'declined' || stage === 'no_response') return ['contacted', 'followed_up', stage];
  return [...HAPPY, stage];
}

async function batched(
  db: Kysely<DB>,
  total: number,
  progress: Progress,
  what: string,
  write: (trx: Kysely<DB>, from: number, to: number) => Promise<void>,
) {
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    await db.transaction().execute((trx) => write(trx, from, to));
    progress(what, to, total);
  }
}
