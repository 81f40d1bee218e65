import { parseInput } from '../../contract/common.js';
import { FeeQuerySchema } from '../../contract/fee.js';
import { ReferralListQuerySchema } from '../../contract/referral.js';
import type { Referral } from '../../domain/referral.js';
import { partnerNames } from '../../store/partners.js';
import type { Ctx, Deps } from '../context.js';
import { type FeeLineView, listFees } from '../fees.js';
import { showProfile } from '../profile.js';
import { listReferralPage } from '../referrals.js';
import { type Cell, type CsvExportOptions, exportQuery, majorUnits, pagedCsv } from './csv.js';

type Named = Referral & { partnerName: string | null };

/** Headed with the import's labels (see REFERRAL_IMPORT_FIELDS) so an export reads straight back in. */
const REFERRAL_COLUMNS: [string, (r: Named, currency: string) => Cell][] = [
  ['Id', (r) => r.id],
  ['Direction', (r) => r.direction],
  ['Source', (r) => r.source],
  ['Partner', (r) => r.partnerName],
  ['Partner id', (r) => r.partnerId],
  ['Lead', (r) => r.leadName],
  ['Company', (r) => r.company],
  ['Contact', (r) => r.contact],
  ['Date', (r) => r.date],
  ['Outcome', (r) => r.outcome],
  ['Lost reason', (r) => r.lostReason],
  ['Fit', (r) => r.fit],
  ['Monthly value', (r) => majorUnits(r.monthlyValue)],
  ['Currency', (r, currency) => (r.monthlyValue === null ? null : currency)],
  ['Start date', (r) => r.startDate],
  ['End date', (r) => r.endDate],
  ['Notes', (r) => r.notes],
  ['Created at', (r) => r.createdAt],
  ['Updated at', (r) => r.updatedAt],
];

const FEE_COLUMNS: [string, (l: FeeLineView, currency: string) => Cell][] = [
  ['Id', (l) => l.id],
  ['Due date', (l) => l.dueDate],
  ['Partner', (l) => l.partnerName],
  ['Partner id', (l) => l.partnerId],
  ['Lead', (l) => l.leadName],
  ['Referral id', (l) => l.referralId],
  ['Direction', (l) => l.direction],
  ['Month', (l) => l.seq],
  ['Amount', (l) => majorUnits(l.amount)],
  ['Currency', (_l, currency) => currency],
  ['Status', (l) => l.status],
  ['Overdue', (l) => (l.overdue ? 'yes' : 'no')],
  ['Paid on', (l) => l.paidOn],
  ['Agreement id', (l) => l.agreementId],
];

/** The referrals a list filter selects, newest first, as CSV chunks of one page each. */
export async function* exportReferralsCsv(
  deps: Deps,
  ctx: Ctx,
  filters: Record<string, unknown>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  const query = exportQuery(filters);
  parseInput(ReferralListQuerySchema, query);
  const { currency } = await showProfile(deps, ctx);
  yield* pagedCsv(
    REFERRAL_COLUMNS.map(([h]) => h),
    options,
    (cursor) => listReferralPage(deps, ctx, cursor ? { ...query, cursor } : query),
    async (items) => {
      const ids = [...new Set(items.flatMap((r) => (r.partnerId ? [r.partnerId] : [])))];
      const names = await partnerNames(deps.store.db, ctx.workspaceId, ids);
      return items.map((r) => {
        const named: Named = { ...r, partnerName: r.partnerId ? (names.get(r.partnerId) ?? null) : null };
        return REFERRAL_COLUMNS.map(([, value]) => value(named, currency));
      });
    },
  );
}

/** The fee lines a ledger filter selects, oldest due first, as CSV chunks. */
export async function* exportFeesCsv(
  deps: Deps,
  ctx: Ctx,
  filters: Record<string, unknown>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  const query = exportQuery(filters);
  parseInput(FeeQuerySchema, query);
  const { currency } = await showProfile(deps, ctx);
  yield* pagedCsv(
    FEE_COLUMNS.map(([h]) => h),
    options,
    (cursor) => listFees(deps, ctx, cursor ? { ...query, cursor } : query),
    (items) => items.map((l) => FEE_COLUMNS.map(([, value]) => value(l, currency))),
  );
}
