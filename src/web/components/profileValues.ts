import type { Profile } from '../api.js';

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Empty or unparsable input is passed on as null so the server names the field. */
export function toMinor(major: number | string, currency: string): number | null {
  if (major === '' || major === null) return null;
  const n = typeof major === 'number' ? major : Number(major);
  return Number.isFinite(n) ? Math.round(n * 10 ** minorDigits(currency)) : null;
}

export function formatMoney(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(toMajor(minor, currency));
  } catch {
    return `${toMajor(minor, currency)} ${currency}`;
  }
}

export type ProfileForm = Omit<
  Profile,
  | 'monthlyRevenueTarget'
  | 'monthlyPlatformCost'
  | 'partnerTarget'
  | 'followUpMinDays'
  | 'followUpMaxDays'
  | 'noResponseDays'
  | 'positioning'
  | 'idealClient'
  | 'servicesOffered'
  | 'servicesReferredOut'
  | 'senderName'
  | 'senderEmail'
  | 'calendarLink'
> & {
  positioning: string;
  idealClient: string;
  servicesOffered: string;
  servicesReferredOut: string;
  senderName: string;
  senderEmail: string;
  calendarLink: string;
  monthlyRevenueTarget: number | string;
  monthlyPlatformCost: number | string;
  partnerTarget: number | string;
  followUpMinDays: number | string;
  followUpMaxDays: number | string;
  noResponseDays: number | string;
};

export function profileForm(p: Profile): ProfileForm {
  return {
    ...p,
    positioning: p.positioning ?? '',
    idealClient: p.idealClient ?? '',
    servicesOffered: p.servicesOffered ?? '',
    servicesReferredOut: p.servicesReferredOut ?? '',
    senderName: p.senderName ?? '',
    senderEmail: p.senderEmail ?? '',
    calendarLink: p.calendarLink ?? '',
    monthlyRevenueTarget: toMajor(p.monthlyRevenueTarget, p.currency),
    monthlyPlatformCost: toMajor(p.monthlyPlatformCost, p.currency),
  };
}

export function profilePatch(f: ProfileForm): Record<string, unknown> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  const int = (v: number | string) => (v === '' ? null : Number(v));
  return {
    name: f.name,
    positioning: text(f.positioning),
    idealClient: text(f.idealClient),
    servicesOffered: text(f.servicesOffered),
    servicesReferredOut: text(f.servicesReferredOut),
    senderName: text(f.senderName),
    senderEmail: text(f.senderEmail),
    calendarLink: text(f.calendarLink),
    currency: f.currency.trim().toUpperCase(),
    timeZone: f.timeZone,
    monthlyRevenueTarget: toMinor(f.monthlyRevenueTarget, f.currency),
    monthlyPlatformCost: toMinor(f.monthlyPlatformCost, f.currency),
    reviewCadence: f.reviewCadence,
    partnerTarget: int(f.partnerTarget),
    followUpMinDays: int(f.followUpMinDays),
    followUpMaxDays: int(f.followUpMaxDays),
    noResponseDays: int(f.noResponseDays),
  };
}
