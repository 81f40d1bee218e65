import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The calendar day an instant falls on in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd');
}

/** "YYYY-MM-DDTHH:MM" of an instant in a time zone. */
export function localDateTime(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** A wall-clock time in a time zone as an ISO-8601 UTC instant. */
export function zonedInstant(local: string, timeZone: string): string {
  const [date, time = '00:00'] = local.replace(' ', 'T').split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const t = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, timeZone);
  return new Date(t.getTime()).toISOString();
}
