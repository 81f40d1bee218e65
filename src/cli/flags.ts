import { AppError } from '../domain/errors.js';

/** `2000`, `2,000.50` or `$2000` (major units, as people type them) → minor units. */
export function parseMajor(field: string, raw: string): number {
  const amount = Number(raw.replace(/[,\s$€£]/g, ''));
  if (raw.trim() === '' || !Number.isFinite(amount)) {
    throw AppError.validation([{ field, message: `expected an amount such as 2000 or 2,000.00, got "${raw}"` }]);
  }
  return Math.round(amount * 100);
}

/**
 * Fee terms as typed: `none`, `10%x3` (10% of the monthly revenue for 3 months) or an amount
 * such as `500` (flat per won client, major units).
 */
export function parseFeeTerms(field: string, raw: string): unknown {
  const text = raw.trim().toLowerCase();
  if (text === 'none') return { kind: 'none' };
  const pct = /^(\d+(?:\.\d+)?)\s*%\s*(?:x|for|\/|:)\s*(\d+)\s*(?:months?|m)?$/.exec(text);
  if (pct) return { kind: 'percent', percent: Number(pct[1]), months: Number(pct[2]) };
  if (/^[$€£]?[\d,.]+$/.test(text)) return { kind: 'flat', amount: parseMajor(field, text) };
  throw AppError.validation([
    {
      field,
      message: `expected none, a percentage for N months such as 10%x3, or a flat amount such as 500; got "${raw}"`,
    },
  ]);
}
