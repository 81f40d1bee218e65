import { parseInput } from '../contract/common.js';
import { ProfilePatchSchema } from '../contract/profile.js';
import { AppError } from '../domain/errors.js';
import { DEFAULT_PROFILE, type Profile, profileIssues } from '../domain/profile.js';
import { firstWorkspaceId, getProfile, insertWorkspace, updateProfile } from '../store/workspaces.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';

/** The embedded install has one workspace; it is created on first start. */
export async function ensureDefaultWorkspace(deps: Deps): Promise<Ctx> {
  const existing = await firstWorkspaceId(deps.store.db);
  if (existing) return { workspaceId: existing, userId: null };
  return createWorkspace(deps);
}

/** A new workspace with the default profile; hosted installs and tests make many. */
export async function createWorkspace(deps: Deps): Promise<Ctx> {
  const id = deps.newId();
  const now = nowIso(deps);
  await insertWorkspace(deps.store.db, { id, ...DEFAULT_PROFILE, createdAt: now, updatedAt: now });
  return { workspaceId: id, userId: null };
}

export async function showProfile(deps: Deps, ctx: Ctx): Promise<Profile> {
  const profile = await getProfile(deps.store.db, ctx.workspaceId);
  if (!profile) throw AppError.notFound('Workspace', ctx.workspaceId);
  return profile;
}

export async function setProfile(deps: Deps, ctx: Ctx, input: unknown): Promise<Profile> {
  const patch = parseInput(ProfilePatchSchema, input);
  return inTransaction(deps, async (db) => {
    const current = await getProfile(db, ctx.workspaceId);
    if (!current) throw AppError.notFound('Workspace', ctx.workspaceId);
    const next: Profile = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    }
    const issues = profileIssues(next);
    if (issues.length > 0) throw AppError.validation(issues);
    await updateProfile(db, ctx.workspaceId, next, nowIso(deps));
    return next;
  });
}
