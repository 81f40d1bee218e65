import { AGENCY_SUBTYPES, COMPLEMENTARY_SUBTYPES, type PartnerType } from '../../domain/partner.js';
import type { Partner, PartnerInput, Stage } from '../api.js';

/** The form holds strings only; empty means "not set". */
export interface PartnerFormValues {
  name: string;
  company: string;
  contactName: string;
  email: string;
  linkedinUrl: string;
  website: string;
  type: PartnerType;
  subtype: string;
  audience: string;
  stage: Stage;
  owner: string;
  tags: string[];
  notes: string;
  nextAction: string;
  nextActionDate: string;
}

export function formValues(p: Partner | null): PartnerFormValues {
  return {
    name: p?.name ?? '',
    company: p?.company ?? '',
    contactName: p?.contactName ?? '',
    email: p?.email ?? '',
    linkedinUrl: p?.linkedinUrl ?? '',
    website: p?.website ?? '',
    type: p?.type ?? 'agency',
    subtype: p?.subtype ?? '',
    audience: p?.audience ?? '',
    stage: p?.stage ?? 'identified',
    owner: p?.owner ?? '',
    tags: p?.tags ?? [],
    notes: p?.notes ?? '',
    nextAction: p?.nextAction ?? '',
    nextActionDate: p?.nextActionDate ?? '',
  };
}

/** What the API receives; the stage is only sent on create (edits move through /stage). */
export function toInput(v: PartnerFormValues, creating: boolean): PartnerInput {
  const text = (s: string) => (s.trim() === '' ? null : s);
  return {
    name: v.name,
    company: text(v.company),
    contactName: text(v.contactName),
    email: text(v.email),
    linkedinUrl: text(v.linkedinUrl),
    website: text(v.website),
    type: v.type,
    subtype: text(v.subtype),
    audience: text(v.audience),
    owner: text(v.owner),
    tags: v.tags,
    notes: text(v.notes),
    nextAction: text(v.nextAction),
    nextActionDate: text(v.nextActionDate),
    ...(creating ? { stage: v.stage } : {}),
  };
}

/** Agencies and complementary services pick from a list; brands describe themselves. */
export function subtypeOptions(type: PartnerType): readonly string[] | null {
  if (type === 'agency') return AGENCY_SUBTYPES;
  if (type === 'complementary') return COMPLEMENTARY_SUBTYPES;
  return null;
}

export const TYPE_LABELS: Record<PartnerType, string> = {
  agency: 'Agency',
  brand: 'Brand',
  complementary: 'Complementary',
};

export function capitalize(s: string): string {
  return s === 'pr' ? 'PR' : s.charAt(0).toUpperCase() + s.slice(1);
}
