export const REVIEW_CADENCES = ['weekly', 'monthly'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** The agency profile: the workspace's settings. Money in minor units of `currency`. */
export interface Profile {
  name: string;
  positioning: string | null;
  idealClient: string | null;
  servicesOffered: string | null;
  servicesReferredOut: string | null;
  senderName: string | null;
  senderEmail: string | null;
  calendarLink: string | null;
  currency: string;
  timeZone: string;
  monthlyRevenueTarget: number;
  monthlyPlatformCost: number;
  reviewCadence: ReviewCadence;
  partnerTarget: number;
  followUpMinDays: number;
  followUpMaxDays: number;
  noResponseDays: number;
}

/** The guide's numbers: $5,000 a month (inside the $3,000–10,000 band), $200 of tools, 5–7 days. */
export const DEFAULT_PROFILE: Profile = {
  name: 'My agency',
  positioning: null,
  idealClient: null,
  servicesOffered: null,
  servicesReferredOut: null,
  senderName: null,
  senderEmail: null,
  calendarLink: null,
  currency: 'USD',
  timeZone: 'UTC',
  monthlyRevenueTarget: 500_000,
  monthlyPlatformCost: 20_000,
  reviewCadence: 'weekly',
  partnerTarget: 10,
  followUpMinDays: 5,
  followUpMaxDays: 7,
  noResponseDays: 14,
};

/** Cross-field rules a schema of single fields cannot state. */
export function profileIssues(p: Profile): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (p.followUpMaxDays < p.followUpMinDays) {
    issues.push({
      field: 'followUpMaxDays',
      message: `must be at least followUpMinDays (${p.followUpMinDays})`,
    });
  }
  return issues;
}
