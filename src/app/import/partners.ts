import type { Kysely } from 'kysely';
import { fieldIssues } from '../../contract/common.js';
import { type PartnerCreate, PartnerCreateSchema } from '../../contract/partner.js';
import type { FieldIssue } from '../../domain/errors.js';
import { PARTNER_IMPORT_FIELDS, partnerRowFromCells } from '../../domain/import/partner.js';
import { type DuplicateKeys, duplicateKeys, subtypeError } from '../../domain/partner.js';
import { STAGE_LABELS, type Stage } from '../../domain/stage.js';
import { findImportMatches, insertMany, takenPartnerIds } from '../../store/partner-import.js';
import { updatePartner } from '../../store/partners.js';
import type { DB, PartnerRow } from '../../store/schema.js';
import { type Ctx, type Deps, nowIso } from '../context.js';
import { activityRow } from './activity-row.js';
import type { ImportEntity, RowOutcome } from './entity.js';

export interface PartnerImportRow {
  id: string | null;
  data: PartnerCreate;
  keys: DuplicateKeys;
}

/** The fields an import compares and writes (stage and tags are handled apart). */
const PLAIN_FIELDS = [
  'name',
  'company',
  'contactName',
  'email',
  'linkedinUrl',
  'website',
  'type',
  'subtype',
  'audience',
  'owner',
  'notes',
  'nextAction',
  'nextActionDate',
] as const;

type Plain = (typeof PLAIN_FIELDS)[number];
type Target = { kind: 'existing'; row: PartnerRow; tags: string[] } | { kind: 'pending'; index: number };

/**
 * Rows per transaction for a file import: a commit rewrites every index page its batch touched
 * (names and e-mail keys land all over their indexes), so a few thousand rows share each one;
 * much larger batches cost more in garbage collection than they save.
 */
export const PARTNER_IMPORT_BATCH = 5000;

export const partnerImport: ImportEntity<PartnerImportRow> = {
  name: 'partners',
  fields: PARTNER_IMPORT_FIELDS,
  required: ['name', 'type'],

  prepare(cells, options) {
    const mapped = partnerRowFromCells(cells, options.dateOrder);
    if ('issues' in mapped) return mapped;
    const parsed = PartnerCreateSchema.safeParse(mapped.row.input);
    if (!parsed.success) return { issues: fieldIssues(parsed.error) };
    const data = parsed.data;
    const subtypeProblem = subtypeError(data.type, data.subtype ?? null);
    if (subtypeProblem) return { issues: [{ field: 'subtype', message: subtypeProblem }] };
    const keys = duplicateKeys({
      email: data.email ?? null,
      linkedinUrl: data.linkedinUrl ?? null,
      website: data.website ?? null,
    });
    return { row: { id: mapped.row.id, data, keys } };
  },

  async writeBatch(deps, db, ctx, rows) {
    return writePartners(deps, db, ctx, rows);
  },
};

/**
 * Matches each row on id, then e-mail, then LinkedIn URL: a match is updated, the rest created.
 * A row repeating a partner earlier in the same batch updates that new partner, as a later
 * batch would. The import sets stages directly (it copies history from a spreadsheet) and
 * writes one timeline entry per partner it touches.
 */
async function writePartners(deps: Deps, db: Kysely<DB>, ctx: Ctx, rows: PartnerImportRow[]): Promise<RowOutcome[]> {
  const ws = ctx.workspaceId;
  const now = nowIso(deps);
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const found = await findImportMatches(db, ws, {
    ids,
    emailKeys: rows.flatMap((r) => (r.keys.emailKey ? [r.keys.emailKey] : [])),
    linkedinKeys: rows.flatMap((r) => (r.keys.linkedinKey ? [r.keys.linkedinKey] : [])),
  });
  const taken = ids.length > 0 ? await takenPartnerIds(db, ids) : new Set<string>();
  const byId = new Map<string, Target>();
  const byEmail = new Map<string, Target>();
  const byLinkedin = new Map<string, Target>();
  const index = (t: Target, row: { id: string; emailKey: string | null; linkedinKey: string | null }) => {
    byId.set(row.id, t);
    if (row.emailKey) byEmail.set(row.emailKey, t);
    if (row.linkedinKey) byLinkedin.set(row.linkedinKey, t);
  };
  for (const row of found.rows) index({ kind: 'existing', row, tags: found.tags.get(row.id) ?? [] }, row);

  const creates: { row: PartnerRow; tags: string[] }[] = [];
  const activities: Record<string, unknown>[] = [];
  // The review counts pipeline steps from stage history, so imported stages are history too.
  const stageEvents: Record<string, unknown>[] = [];
  const stageEvent = (partnerId: string, stage: string) =>
    stageEvents.push({ id: deps.newId(), workspaceId: ws, partnerId, stage, at: now });
  const outcomes: RowOutcome[] = [];
  for (const r of rows) {
    const candidates = [
      r.id ? byId.get(r.id) : undefined,
      r.keys.emailKey ? byEmail.get(r.keys.emailKey) : undefined,
      r.keys.linkedinKey ? byLinkedin.get(r.keys.linkedinKey) : undefined,
    ].filter((t): t is Target => t !== undefined);
    const target = candidates[0];
    const conflict = candidates.find((c) => targetId(c, creates) !== (target && targetId(target, creates)));
    if (target && conflict) {
      outcomes.push({ issues: [ambiguity(target, conflict, creates)] });
      continue;
    }
    if (!target) {
      const id = r.id && !taken.has(r.id) && !byId.has(r.id) ? r.id : deps.newId();
      const stage: Stage = r.data.stage ?? 'identified';
      const row: PartnerRow = {
        id,
        workspaceId: ws,
        ...plainOf(r.data, null),
        ...r.keys,
        stage,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
        badFit: 0,
      };
      creates.push({ row, tags: [...new Set(r.data.tags ?? [])] });
      index({ kind: 'pending', index: creates.length - 1 }, row);
      outcomes.push('created');
      continue;
    }
    const current =
      target.kind === 'existing' ? target : { row: creates[target.index]!.row, tags: creates[target.index]!.tags };
    const next = { ...current.row, ...plainOf(r.data, undefined), ...r.keys };
    if (r.data.stage) next.stage = r.data.stage;
    const problem = subtypeError(next.type as PartnerCreate['type'], next.subtype);
    if (problem) {
      outcomes.push({ issues: [{ field: 'subtype', message: problem }] });
      continue;
    }
    const tags = r.data.tags ? [...new Set(r.data.tags)].sort() : undefined;
    const changed: string[] = PLAIN_FIELDS.filter((f) => current.row[f] !== next[f]);
    if (next.stage !== current.row.stage) changed.push('stage');
    const tagsChanged = tags !== undefined && tags.join('\n') !== [...current.tags].sort().join('\n');
    if (tagsChanged) changed.push('tags');
    if (changed.length === 0) {
      outcomes.push('unchanged');
      continue;
    }
    if (target.kind === 'pending') {
      creates[target.index] = { row: { ...next, stage: next.stage }, tags: tags ?? current.tags };
    } else {
      const before = current.row;
      const { id: _id, workspaceId: _ws, createdAt: _c, ...patch } = next;
      await updatePartner(db, ws, before.id, { ...patch, updatedAt: now }, tagsChanged ? tags : undefined);
      target.row = { ...next, updatedAt: now };
      if (tags) target.tags = tags;
      const stageNote =
        next.stage !== before.stage
          ? `; stage ${STAGE_LABELS[before.stage as Stage]} → ${STAGE_LABELS[next.stage as Stage]}`
          : '';
      const data = { fields: changed, from: before.stage, to: next.stage };
      const summary = `Updated by import: ${changed.join(', ')}${stageNote}`;
      activities.push(activityRow(deps, ws, before.id, 'partner.import_updated', summary, data, now));
      if (next.stage !== before.stage) stageEvent(before.id, next.stage);
      index(target, next);
    }
    outcomes.push('updated');
  }

  await insertMany(
    db,
    'partners',
    creates.map((c) => c.row as Record<string, unknown>),
  );
  await insertMany(
    db,
    'partnerTags',
    creates.flatMap((c) => c.tags.map((tag) => ({ workspaceId: ws, partnerId: c.row.id, tag }))),
  );
  for (const c of creates) {
    const stage = c.row.stage as Stage;
    activities.push(
      activityRow(deps, ws, c.row.id, 'partner.imported', `Imported at stage ${STAGE_LABELS[stage]}`, { stage }, now),
    );
    stageEvent(c.row.id, stage);
  }
  await insertMany(db, 'activities', activities);
  await insertMany(db, 'stageEvents', stageEvents);
  return outcomes;
}

function plainOf(data: PartnerCreate, absent: null): Pick<PartnerRow, Plain>;
function plainOf(data: PartnerCreate, absent: undefined): Partial<Pick<PartnerRow, Plain>>;
function plainOf(data: PartnerCreate, absent: null | undefined): Partial<Pick<PartnerRow, Plain>> {
  const out: Record<string, unknown> = {};
  for (const f of PLAIN_FIELDS) {
    const v = data[f];
    if (v !== undefined) out[f] = v;
    else if (absent === null) out[f] = null;
  }
  return out as Partial<Pick<PartnerRow, Plain>>;
}

function targetId(t: Target, creates: { row: PartnerRow }[]): string {
  return t.kind === 'existing' ? t.row.id : (creates[t.index]?.row.id ?? '');
}

function ambiguity(a: Target, b: Target, creates: { row: PartnerRow }[]): FieldIssue {
  const name = (t: Target) => (t.kind === 'existing' ? t.row.name : creates[t.index]?.row.name);
  return {
    field: 'email',
    message: `matches two different partners ("${name(a)}" and "${name(b)}") by id, e-mail or LinkedIn URL; make the row point to one`,
  };
}
