import type { Stage } from './stage.js';

export const PARTNER_TYPES = ['agency', 'brand', 'complementary'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const AGENCY_SUBTYPES = ['marketing', 'pr', 'web', 'branding', 'other'] as const;
export const COMPLEMENTARY_SUBTYPES = ['copywriter', 'designer', 'coach', 'consultant', 'other'] as const;

export interface Partner {
  id: string;
  name: string;
  company: string | null;
  contactName: string | null;
  email: string | null;
  linkedinUrl: string | null;
  website: string | null;
  type: PartnerType;
  subtype: string | null;
  audience: string | null;
  stage: Stage;
  owner: string | null;
  tags: string[];
  notes: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Closed-list subtypes compare case-insensitively ("PR" is "pr"); brand subtypes stay as typed. */
export function normalizeSubtype(type: PartnerType, subtype: string | null): string | null {
  return subtype && type !== 'brand' ? subtype.toLowerCase() : subtype;
}

/** Subtypes are a closed list for agencies and complementary services; brands are free text. */
export function subtypeError(type: PartnerType, subtype: string | null): string | null {
  if (subtype === null || type === 'brand') return null;
  const allowed: readonly string[] = type === 'agency' ? AGENCY_SUBTYPES : COMPLEMENTARY_SUBTYPES;
  return allowed.includes(subtype) ? null : `for type "${type}" expected one of: ${allowed.join(', ')}`;
}

/** The keys duplicate detection compares: the same mailbox, profile or site written differently. */
export interface DuplicateKeys {
  emailKey: string | null;
  linkedinKey: string | null;
  websiteKey: string | null;
}

export function duplicateKeys(p: {
  email: string | null;
  linkedinUrl: string | null;
  website: string | null;
}): DuplicateKeys {
  return {
    emailKey: p.email ? p.email.trim().toLowerCase() : null,
    linkedinKey: p.linkedinUrl ? urlKey(p.linkedinUrl, true) : null,
    websiteKey: p.website ? urlKey(p.website, false) : null,
  };
}

function urlKey(raw: string, keepPath: boolean): string {
  const bare = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  return keepPath ? bare : (bare.split('/')[0] ?? bare);
}

/** "Dana Whitfield" → "Dana"; used by templates to greet a person by first name. */
export function firstName(contactName: string | null): string | null {
  const first = contactName?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** "PR agency", "copywriter", "brand (accounting software)": how a person would say it. */
export function describeKind(type: PartnerType, subtype: string | null): string {
  if (type === 'agency') {
    if (!subtype || subtype === 'other') return 'agency';
    return `${subtype === 'pr' ? 'PR' : subtype} agency`;
  }
  if (type === 'complementary') return subtype && subtype !== 'other' ? subtype : 'complementary service';
  return subtype ? `brand (${subtype})` : 'brand';
}
