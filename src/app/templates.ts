import type { Kysely } from 'kysely';
import { parseInput } from '../contract/common.js';
import { BracketConvertSchema, TemplateCreateSchema, TemplatePatchSchema } from '../contract/outreach.js';
import { DEFAULT_TEMPLATES } from '../domain/default-templates.js';
import { AppError } from '../domain/errors.js';
import { convertBrackets, type Template, templateIssues } from '../domain/template.js';
import type { DB } from '../store/schema.js';
import {
  countTemplates,
  findTemplate,
  insertTemplate,
  listTemplates,
  templateNameTaken,
  updateTemplate,
} from '../store/templates.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';

/**
 * Gives a workspace the default templates the first time it has none. Safe to call often and
 * concurrently: names are unique per workspace and existing ones are skipped.
 */
export async function ensureDefaultTemplates(deps: Deps, ctx: Ctx, db: Kysely<DB> = deps.store.db): Promise<void> {
  if ((await countTemplates(db, ctx.workspaceId)) > 0) return;
  const now = nowIso(deps);
  for (const t of DEFAULT_TEMPLATES) {
    await insertTemplate(db, {
      id: deps.newId(),
      workspaceId: ctx.workspaceId,
      ...t,
      isDefault: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
}

export async function listTemplatesOf(deps: Deps, ctx: Ctx): Promise<{ items: Template[] }> {
  await ensureDefaultTemplates(deps, ctx);
  return { items: await listTemplates(deps.store.db, ctx.workspaceId) };
}

/** A template by id or name (case-insensitive). */
export async function showTemplate(deps: Deps, ctx: Ctx, ref: string): Promise<Template> {
  await ensureDefaultTemplates(deps, ctx);
  const t = await findTemplate(deps.store.db, ctx.workspaceId, ref);
  if (!t) throw AppError.notFound('Template', `"${ref}"`);
  return t;
}

/** Converts the guide's `[Name]` placeholders, then refuses unknown fields and broken syntax. */
function prepareText(subject: string | null | undefined, body: string | undefined) {
  const s = subject ? convertBrackets(subject).text : subject;
  const b = body === undefined ? undefined : convertBrackets(body).text;
  const issues = templateIssues({ subject: s ?? null, ...(b !== undefined ? { body: b } : {}) });
  if (issues.length > 0) throw AppError.validation(issues);
  return { subject: s, body: b };
}

export async function addTemplate(deps: Deps, ctx: Ctx, input: unknown): Promise<Template> {
  const data = parseInput(TemplateCreateSchema, input);
  const { subject, body } = prepareText(data.subject, data.body);
  await ensureDefaultTemplates(deps, ctx);
  const id = deps.newId();
  const now = nowIso(deps);
  return inTransaction(deps, async (db) => {
    if (await templateNameTaken(db, ctx.workspaceId, data.name)) {
      throw new AppError('duplicate', `A template named "${data.name}" already exists`, { field: 'name' });
    }
    await insertTemplate(db, {
      id,
      workspaceId: ctx.workspaceId,
      name: data.name,
      kind: data.kind,
      channel: data.channel,
      subject: subject ?? null,
      body: body ?? data.body,
      isDefault: 0,
      createdAt: now,
      updatedAt: now,
    });
    const saved = await findTemplate(db, ctx.workspaceId, id);
    if (!saved) throw AppError.notFound('Template', id);
    return saved;
  });
}

export async function editTemplate(deps: Deps, ctx: Ctx, ref: string, input: unknown): Promise<Template> {
  const patch = parseInput(TemplatePatchSchema, input);
  const { subject, body } = prepareText(patch.subject, patch.body);
  const current = await showTemplate(deps, ctx, ref);
  return inTransaction(deps, async (db) => {
    if (patch.name && (await templateNameTaken(db, ctx.workspaceId, patch.name, current.id))) {
      throw new AppError('duplicate', `A template named "${patch.name}" already exists`, { field: 'name' });
    }
    await updateTemplate(db, ctx.workspaceId, current.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.channel !== undefined ? { channel: patch.channel } : {}),
      ...(patch.subject !== undefined ? { subject: subject ?? null } : {}),
      ...(body !== undefined ? { body } : {}),
      updatedAt: nowIso(deps),
    });
    const saved = await findTemplate(db, ctx.workspaceId, current.id);
    if (!saved) throw AppError.notFound('Template', current.id);
    return saved;
  });
}

/** For pasting text written in the guide's bracket style. */
export function convertTemplateText(input: unknown) {
  return convertBrackets(parseInput(BracketConvertSchema, input).text);
}
