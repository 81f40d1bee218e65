import type { Config } from '../config.js';
import { migrate, openStore, type Store } from '../store/db.js';
import { type Clock, clockFrom, systemClock } from './clock.js';
import type { Ctx, Deps, Mailer } from './context.js';
import { newId } from './ids.js';
import { smtpMailer } from './mailer.js';
import { ensureDefaultWorkspace } from './profile.js';
import { ReadCache } from './read-cache.js';
import { openingStore } from './store-errors.js';

export interface Runtime {
  deps: Deps;
  ctx: Ctx;
  close(): Promise<void>;
}

/** Opens the configured database, brings its schema up to date and finds the workspace. */
export async function openRuntime(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'smtpUrl' | 'smtpFrom' | 'clockStart'>>,
): Promise<Runtime> {
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : undefined;
  return openingStore(config, () =>
    runtimeFor(
      openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
      config.clockStart ? clockFrom(config.clockStart) : systemClock,
      mailer,
    ),
  );
}

export async function runtimeFor(store: Store, clock: Clock = systemClock, mailer?: Mailer): Promise<Runtime> {
  try {
    await migrate(store);
    const deps: Deps = { store, clock, newId, readCache: new ReadCache(), ...(mailer ? { mailer } : {}) };
    const ctx = await ensureDefaultWorkspace(deps);
    return { deps, ctx, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
