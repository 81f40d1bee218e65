// The period picker's choices and their API parameters, computed from today's calendar date.
import type { PeriodParams } from './reviewApi.js';

export type PeriodMode = 'this-week' | 'this-month' | 'last-month' | 'week' | 'month' | 'range';

const pad = (n: number) => String(n).padStart(2, '0');

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The ISO-8601 week (Monday first; week 1 holds the first Thursday) of a date, e.g. "2026-W48". */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** The mode a set of URL parameters shows as, so a shared link opens on the same choice. */
export function modeOf(params: PeriodParams, today: string): PeriodMode {
  if (params.from && params.to) return 'range';
  if (params.week) return params.week === isoWeekOf(today) ? 'this-week' : 'week';
  if (params.month === previousMonth(monthOf(today))) return 'last-month';
  if (params.month && params.month !== monthOf(today)) return 'month';
  return 'this-month';
}

/** The API parameters of a quick choice (the picked ones keep the values already chosen). */
export function paramsFor(mode: PeriodMode, today: string, current: PeriodParams): PeriodParams {
  switch (mode) {
    case 'this-week':
      return { week: isoWeekOf(today) };
    case 'this-month':
      return { month: monthOf(today) };
    case 'last-month':
      return { month: previousMonth(monthOf(today)) };
    case 'week':
      return { week: current.week ?? isoWeekOf(today) };
    case 'month':
      return { month: current.month ?? monthOf(today) };
    case 'range':
      return { from: current.from ?? `${monthOf(today)}-01`, to: current.to ?? today };
  }
}
