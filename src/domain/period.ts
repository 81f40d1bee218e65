import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
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

/** Local midnight of a calendar date in a time zone, as a UTC ISO instant. */
export function startOfLocalDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime()).toISOString();
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  const d = new TZDate(new Date(instant).getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDaysToDate(date: string, days: number): string {
  return fmt(addDays(parseISO(date), days));
}

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function resolvePeriod(input: PeriodInput, timeZone: string): Period {
  if ('week' in input) {
    const m = /^(\d{4})-W(\d{2})$/.exec(input.week);
    if (!m) throw AppError.validation([{ field: 'week', message: 'expected an ISO week such as 2026-W47' }]);
    const from = isoWeekMonday(Number(m[1]), Number(m[2]));
    if (!from) throw AppError.validation([{ field: 'week', message: `${input.week} has no such week` }]);
    return build('week', input.week, from, addDaysToDate(from, 6), timeZone);
  }
  if ('month' in input) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(input.month);
    if (!m) throw AppError.validation([{ field: 'month', message: 'expected a month such as 2026-11' }]);
    const from = `${input.month}-01`;
    const to = fmt(addDays(addMonths(parseISO(from), 1), -1));
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
  const d = parseISO(today);
  return resolvePeriod({ week: `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}` }, timeZone);
}

/** The period of the same kind just before `p` (a range gets one of equal length). */
export function previousPeriod(p: Period, timeZone: string): Period {
  if (p.kind === 'month') return resolvePeriod({ month: addDaysToDate(p.from, -1).slice(0, 7) }, timeZone);
  const to = addDaysToDate(p.from, -1);
  const from = addDaysToDate(p.from, -p.days);
  if (p.kind === 'week') {
    const d = parseISO(from);
    return resolvePeriod({ week: `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}` }, timeZone);
  }
  return resolvePeriod({ from, to }, timeZone);
}

function build(kind: Period['kind'], label: string, from: string, to: string, timeZone: string): Period {
  return {
    label,
    kind,
    from,
    to,
    startsAt: startOfLocalDay(from, timeZone),
    endsAt: startOfLocalDay(addDaysToDate(to, 1), timeZone),
    days: daysBetween(from, to) + 1,
  };
}

function isoWeekMonday(year: number, week: number): string | null {
  if (week < 1 || week > 53) return null;
  // 4 January is always in ISO week 1.
  const jan4 = parseISO(`${year}-01-04`);
  const monday = addDays(jan4, -((jan4.getDay() + 6) % 7) + (week - 1) * 7);
  if (getISOWeekYear(monday) !== year) return null;
  return fmt(monday);
}

function fmt(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
