import { z } from '@hono/zod-openapi';
import { REVIEW_CADENCES } from '../domain/profile.js';
import { line, MoneySchema, optionalLine, optionalText } from './common.js';
import { optionalLink } from './link.js';

const timeZone = line({ trim: false }).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Europe/Berlin or America/New_York');

const days = (min: number, max: number) => z.number().int('expected whole days').min(min).max(max);

export const ProfileSchema = z
  .object({
    name: z.string(),
    positioning: z.string().nullable(),
    idealClient: z.string().nullable(),
    servicesOffered: z.string().nullable(),
    servicesReferredOut: z.string().nullable(),
    senderName: z.string().nullable(),
    senderEmail: z.string().nullable(),
    calendarLink: z.string().nullable(),
    currency: z.string(),
    timeZone: z.string(),
    monthlyRevenueTarget: z.number().int(),
    monthlyPlatformCost: z.number().int(),
    reviewCadence: z.enum(REVIEW_CADENCES),
    partnerTarget: z.number().int(),
    followUpMinDays: z.number().int(),
    followUpMaxDays: z.number().int(),
    noResponseDays: z.number().int(),
  })
  .openapi('Profile');

export const ProfilePatchSchema = z
  .strictObject({
    name: line().min(1, 'must not be empty').max(120),
    positioning: optionalText(280),
    idealClient: optionalText(280),
    servicesOffered: optionalText(500),
    servicesReferredOut: optionalText(500),
    senderName: optionalLine(120),
    senderEmail: z.email('expected an e-mail address').max(254).nullable(),
    calendarLink: optionalLink({ example: 'https://cal.com/you/15min' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as USD or EUR'),
    timeZone,
    monthlyRevenueTarget: MoneySchema,
    monthlyPlatformCost: MoneySchema,
    reviewCadence: z.enum(REVIEW_CADENCES),
    partnerTarget: z.number().int().min(1).max(1000),
    followUpMinDays: days(1, 60),
    followUpMaxDays: days(1, 60),
    noResponseDays: days(1, 180),
  })
  .partial()
  .openapi('ProfilePatch');

export type ProfilePatch = z.output<typeof ProfilePatchSchema>;
