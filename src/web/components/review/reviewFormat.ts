// Number formatting for the review: money in the workspace currency, shares as whole percents,
// and a dash wherever a figure has no meaning yet (nothing to divide by), never NaN.

/** Minor units as money: "$2,000" for whole amounts, "$2,000.50" otherwise. */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}

/** Compact money for chart axes: "$2k". */
export function moneyShort(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact' }).format(minor / 100);
}

export function percent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** A return on cost as a multiple: "3.5×". */
export function multiple(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${share.toFixed(1)}×`;
}

export function days(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value.toFixed(1)} d`;
}

export const SOURCE_LABELS: Record<string, string> = {
  partner: 'All partnerships',
  inbound: 'Inbound',
  cold: 'Cold outreach',
  other: 'Other',
};

/** "2026-11" as "Nov 2026". */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
