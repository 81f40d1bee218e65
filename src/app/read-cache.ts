import { dataVersion } from '../store/data-version.js';
import type { Ctx, Deps } from './context.js';

/**
 * Answers to read-only use cases, remembered with the database's data version they were read
 * at. Any committed write changes the version, so an answer is reused only while it is still
 * exactly what the database would say. Least recently used entries go first.
 */
export class ReadCache {
  readonly #entries = new Map<string, { version: string; value: unknown }>();
  constructor(readonly capacity = 100) {}

  get(key: string, version: string): unknown {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: unknown): void {
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

/**
 * `compute`'s answer for `key` in the workspace, from the cache while no write has landed since.
 * The version is read before computing, so a write racing the read can only cause a miss later,
 * never a stale hit. Callers must treat the answer as read-only: it is shared.
 */
export async function cachedRead<T>(deps: Deps, ctx: Ctx, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = deps.readCache;
  if (!cache) return compute();
  const version = await dataVersion(deps.store);
  const k = `${ctx.workspaceId}\u0000${key}`;
  const hit = cache.get(k, version);
  if (hit !== undefined) return hit as T;
  const value = await compute();
  cache.set(k, version, value);
  return value;
}
