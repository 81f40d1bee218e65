import type { Kysely } from 'kysely';
import { refreshBadFit } from '../src/app/referrals.js';
import { deriveFeeLines } from '../src/domain/fees.js';
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
 * memory stays flat whatever the scale. The same seed always gives the same rows. `settle` runs
 * between the bulk rows and the pass that reads them back partner by partner: PostgreSQL's
 * planner has no statistics for a fresh bulk load until something analyzes it.
 */
export async function generate(
  db: Kysely<DB>,
  scale: Scale,
  seed: number,
  progress: Progress,
  settle: () => Promise<void> = async () => {},
): Promise<Generated> {
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
  const partnerStage: Stage[] = [];
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
      partnerStage.push(stage);
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

  // Referrals and timeline entries arrive as a workspace lives: in order over the five years,
  // a few logged some days late, each with a partner already on the list by then. (Random
  // dates would leave every date-ordered index half-empty and scattered, which no real log is.)
  const chronological = (n: number, total: number) =>
    Math.max(START, START + Math.floor(((n + rng.next()) / total) * (END - START)) - rng.int(0, 6) * DAY);
  const byStart = partnerStart.map((_, i) => i).sort((a, b) => partnerStart[a]! - partnerStart[b]!);
  const knownBy = (at: number) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (partnerStart[byStart[mid]!]! <= at) lo = mid + 1;
      else hi = mid;
    }
    const p = byStart[rng.int(0, Math.max(1, lo) - 1)]!;
    return { p, at: Math.max(at, partnerStart[p]!) };
  };

  await batched(db, scale.activities, progress, 'activities', async (trx, from, to) => {
    const rows = [];
    for (let i = from; i < to; i++) {
      const { p, at } = knownBy(chronological(i, scale.activities));
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

  // One agreement for every partner that got that far: 10% of the first three months to them.
  const terms = { kind: 'percent' as const, percent: 10, months: 3 };
  const agreementOf = new Map<number, { id: string; start: string; end: string | null }>();
  const withAgreement = partnerStage.flatMap((stage, i) =>
    ['agreement', 'paused', 'ended'].includes(stage) ? [i] : [],
  );
  await batched(db, withAgreement.length, progress, 'agreements', async (trx, from, to) => {
    const rows = [];
    for (const i of withAgreement.slice(from, to)) {
      const startMs = partnerStart[i]! + rng.int(20, 60) * DAY;
      const ended = partnerStage[i] === 'ended';
      const a = {
        id: idAt(startMs, rng),
        start: iso(Math.min(startMs, END)).slice(0, 10),
        end: ended ? iso(END - rng.int(1, 200) * DAY).slice(0, 10) : null,
      };
      agreementOf.set(i, a);
      rows.push({
        id: a.id,
        workspaceId,
        partnerId: partnerIds[i]!,
        status: ended ? 'ended' : 'active',
        form: 'informal',
        theyReferToUs: 'Clients who need social media',
        weReferToThem: 'Clients who need a website',
        feeToThem: JSON.stringify(terms),
        feeToUs: JSON.stringify({ kind: 'none' }),
        handoffMethod: 'intro_email',
        handoffInstructions: 'A short intro e-mail to both sides',
        exclusivity: 'none',
        startDate: a.start,
        reviewDate: null,
        signedDate: null,
        endDate: a.end,
        disputedTerms: '[]',
        notes: null,
        createdAt: iso(startMs),
        updatedAt: iso(startMs),
      });
    }
    await trx.insertInto('agreements').values(rows).execute();
  });

  // Referrals over five years: mostly received, mostly from partners; older ones decided.
  const sources = [
    'partner',
    'partner',
    'partner',
    'partner',
    'partner',
    'partner',
    'inbound',
    'inbound',
    'cold',
    'other',
  ] as const;
  await batched(db, scale.referrals, progress, 'referrals', async (trx, from, to) => {
    const rows = [];
    const lines = [];
    for (let n = from; n < to; n++) {
      const logged = chronological(n, scale.referrals);
      const direction = rng.chance(0.8) ? 'received' : 'given';
      const source = direction === 'given' ? 'partner' : rng.pick(sources);
      const known = source === 'partner' ? knownBy(logged) : { p: -1, at: logged };
      const p = known.p;
      const dateMs = known.at;
      const date = iso(dateMs).slice(0, 10);
      const recent = END - dateMs < 60 * DAY;
      const roll = rng.next();
      const outcome = recent
        ? roll < 0.5
          ? 'pending'
          : roll < 0.7
            ? 'won'
            : 'lost'
        : roll < 0.3
          ? 'won'
          : roll < 0.92
            ? 'lost'
            : 'pending';
      const won = outcome === 'won';
      const startMs = dateMs + rng.int(7, 30) * DAY;
      const startDate = won ? iso(Math.min(startMs, END)).slice(0, 10) : null;
      const endDate = won && rng.chance(0.85) ? iso(startMs + rng.int(90, 720) * DAY).slice(0, 10) : null;
      const monthlyValue = won ? Math.round(rng.skewed(150_000) / 100) * 100 : null;
      const id = idAt(dateMs, rng);
      rows.push({
        id,
        workspaceId,
        direction,
        source,
        partnerId: p >= 0 ? partnerIds[p]! : null,
        leadName: `Lead ${n + 1}`,
        company: `Client company ${n + 1}`,
        contact: null,
        date,
        notes: null,
        outcome,
        lostReason: outcome === 'lost' ? rng.pick(['bad_fit', 'price', 'timing', 'no_response', 'other']) : null,
        fit: rng.chance(0.7) ? (rng.chance(0.2) ? 'bad' : 'good') : null,
        monthlyValue,
        startDate,
        endDate: endDate && endDate < iso(END).slice(0, 10) ? endDate : null,
        createdAt: iso(dateMs),
        updatedAt: iso(dateMs),
      });
      // Fee lines exactly as the app derives them, for received partner leads under an agreement.
      const agreement = p >= 0 ? agreementOf.get(p) : undefined;
      if (
        won &&
        direction === 'received' &&
        agreement &&
        agreement.start <= date &&
        (!agreement.end || date < agreement.end)
      ) {
        for (const line of deriveFeeLines(terms, {
          monthlyValue: monthlyValue!,
          startDate: startDate!,
          endDate: null,
        })) {
          const paid = line.dueDate < iso(END - 30 * DAY).slice(0, 10);
          lines.push({
            id: idAt(dateMs, rng),
            workspaceId,
            referralId: id,
            partnerId: partnerIds[p]!,
            agreementId: agreement.id,
            direction: 'payable',
            seq: line.seq,
            dueDate: line.dueDate,
            amount: line.amount,
            status: paid ? 'paid' : 'due',
            paidOn: paid ? line.dueDate : null,
            createdAt: iso(dateMs),
          });
        }
      }
    }
    await trx.insertInto('referrals').values(rows).execute();
    for (let i = 0; i < lines.length; i += BATCH) {
      await trx
        .insertInto('feeLines')
        .values(lines.slice(i, i + BATCH))
        .execute();
    }
  });

  await settle();
  // The bad-fit flag on each partner, judged by the app's own rule.
  await batched(db, partnerIds.length, progress, 'bad-fit flags', (trx, from, to) =>
    refreshBadFit(trx, { workspaceId, userId: null }, partnerIds.slice(from, to)),
  );
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
