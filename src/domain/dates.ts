import { TZDate } from '@date-fns/tz';
// The per-function entry point: the package index would load all of date-fns (~7 MB).
import { format } from 'date-fns/format';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, and conversions between instants and a time
 * zone's wall clock. No clock here: callers pass the dates.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months` calendar months; a day past the target month's end is clamped to it (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day an instant falls on in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd');
}

/** "YYYY-MM-DDTHH:MM" of an instant in a time zone. */
export function localDateTime(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** A wall-clock time ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM") in a time zone as an ISO-8601 UTC instant. */
export function zonedInstant(local: string, timeZone: string): string {
  const [date, time = '00:00'] = local.replace(' ', 'T').split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const t = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, timeZone);
  return new Date(t.getTime()).toISOString();
}
