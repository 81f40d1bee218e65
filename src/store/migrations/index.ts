import type { Migration } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_outreach.js';
import * as m003 from './003_agreements.js';
import * as m004 from './004_stage_events.js';
import * as m005 from './005_partner_list_index.js';
import * as m006 from './006_reviews.js';
import * as m007 from './007_partner_bad_fit.js';
import * as m008 from './008_referral_lead_index.js';
import * as m009 from './009_import_index_shapes.js';
import * as m010 from './010_recurring_index_covers.js';
import * as m011 from './011_outstanding_fees_index.js';
import * as m012 from './012_referral_match_index.js';
import * as m013 from './013_backfill_bad_fit.js';

/**
 * Every migration, in order. Listed in code rather than read from a folder so the bundled
 * server carries them. A new capability adds its file here.
 */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_outreach': m002,
  '003_agreements': m003,
  '004_stage_events': m004,
  '005_partner_list_index': m005,
  '006_reviews': m006,
  '007_partner_bad_fit': m007,
  '008_referral_lead_index': m008,
  '009_import_index_shapes': m009,
  '010_recurring_index_covers': m010,
  '011_outstanding_fees_index': m011,
  '012_referral_match_index': m012,
  '013_backfill_bad_fit': m013,
};
