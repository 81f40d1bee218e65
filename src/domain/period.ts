// Per-function entry points: the package index would load all of date-fns (~7 MB) for three.
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { addDays, addMonths, daysBetween, zonedInstant } from './dates.js';
import { AppError } from './errors.js';

/** A review period: calendar dates in the workspace time zone, and the UTC instants they span. */
export interface Period {
  label: string;
  kind: 'week' | 'month' | 'range';
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** Instant of local midnight starting `from`. */
  startsAt: string;
  /** Instant of local midnight after `to` (exclusive). */
  endsAt: string;
  days: number;
}

export type PeriodInput = { week: string } | { month: string } | { from: string; to: string };

export function resolvePeriod(input: PeriodInput, timeZone: string): Period {
  if ('week' in input) {
    const m = /^(\d{4})-W(\d{2})$/.exec(input.week);
    if (!m) throw AppError.validation([{ field: 'week', message: 'expected an ISO week such as 2026-W47' }]);
    const from = isoWeekMonday(Number(m[1]), Number(m[2]));
    if (!from) throw AppError.validation([{ field: 'week', message: `${input.week} has no such week` }]);
    return build('week', input.week, from, addDays(from, 6), timeZone);
  }
  if ('month' in input) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(input.month);
    if (!m) throw AppError.validation([{ field: 'month', message: 'expected a month such as 2026-11' }]);
    const from = `${input.month}-01`;
    const to = addDays(addMonths(from, 1), -1);
    return build('month', input.month, from, to, timeZone);
  }
  if (input.to < input.from) {
    throw AppError.validation([{ field: 'to', message: `must not be before from (${input.from})` }]);
  }
  return build('range', `${input.from} – ${input.to}`, input.from, input.to, timeZone);
}

/** The week or month containing `today`, for "this week" / "this month". */
export function currentPeriod(cadence: 'weekly' | 'monthly', today: string, timeZone: string): Period {
  if (cadence === 'monthly') return resolvePeriod({ month: today.slice(0, 7) }, timeZone);
  return resolvePeriod({ week: isoWeekOf(today) }, timeZone);
}

/** The period of the same kind just before `p` (a range gets one of equal length). */
export function previousPeriod(p: Period, timeZone: string): Period {
  if (p.kind === 'month') return resolvePeriod({ month: addDays(p.from, -1).slice(0, 7) }, timeZone);
  const to = addDays(p.from, -1);
  const from = addDays(p.from, -p.days);
  if (p.kind === 'week') return resolvePeriod({ week: isoWeekOf(from) }, timeZone);
  return resolvePeriod({ from, to }, timeZone);
}

function build(kind: Period['kind'], label: string, from: string, to: string, timeZone: string): Period {
  return {
    label,
    kind,
    from,
    to,
    startsAt: zonedInstant(from, timeZone),
    endsAt: zonedInstant(addDays(to, 1), timeZone),
    days: daysBetween(from, to) + 1,
  };
}

/** "2026-W48" for a date. */
function isoWeekOf(date: string): string {
  const d = parseISO(date);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

function isoWeekMonday(year: number, week: number): string | null {
  if (week < 1 || week > 53) return null;
  // 4 January is always in ISO week 1; its weekday says how far back that week's Monday is.
  const jan4 = `${year}-01-04`;
  const monday = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7) + (week - 1) * 7);
  return getISOWeekYear(parseISO(monday)) === year ? monday : null;
}
