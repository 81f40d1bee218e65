import type { Migration } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m003 from './003_agreements.js';

/**
 * Every migration, in order. Listed in code rather than read from a folder so the bundled
 * server carries them. A new capability adds its file here.
 */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '003_agreements': m003,
};
