import { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../src/app/context.js';
import { exportFeesCsv, exportReferralsCsv } from '../../src/app/export/referrals.js';
import { importReferrals, type ReferralImportOptions } from '../../src/app/import/referrals.js';

/** Feeds `text` to the referral importer in small chunks, as a slow upload would arrive. */
export function importReferralText(
  deps: Deps,
  ctx: Ctx,
  text: string,
  options: ReferralImportOptions = {},
  chunk = 11,
) {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return importReferrals(deps, ctx, Readable.from(parts), options);
}

export async function exportReferralText(deps: Deps, ctx: Ctx, filters: Record<string, unknown> = {}, bom = false) {
  let out = '';
  for await (const chunk of exportReferralsCsv(deps, ctx, filters, { bom })) out += chunk;
  return out;
}

export async function exportFeeText(deps: Deps, ctx: Ctx, filters: Record<string, unknown> = {}) {
  let out = '';
  for await (const chunk of exportFeesCsv(deps, ctx, filters)) out += chunk;
  return out;
}
