import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { formatMoney, minorDigits, toMinor } from '../profileValues.js';

/** Today's calendar date in a time zone (the browser's when none is known). */
export function todayIn(timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** The workspace currency and time zone, with money helpers bound to that currency. */
export function useWorkspace() {
  const profile = useQuery({ queryKey: ['profile'], queryFn: api.getProfile });
  const currency = profile.data?.currency ?? 'USD';
  const timeZone = profile.data?.timeZone;
  return {
    profile: profile.data,
    currency,
    timeZone,
    digits: minorDigits(currency),
    money: (minor: number) => formatMoney(minor, currency),
    toMinor: (major: number | string) => toMinor(major, currency),
    today: () => todayIn(timeZone),
  };
}
