import type { FieldIssue } from '../errors.js';
import type { ImportField } from './fields.js';
import { type DateOrder, normaliseDate, normaliseStage, normaliseType, splitList, unneutralise } from './values.js';

/** What a partner CSV may hold; `id` only matches an existing partner, it is never invented. */
export const PARTNER_IMPORT_FIELDS: readonly ImportField[] = [
  { key: 'id', label: 'Id', synonyms: ['partner id', 'partnerloop id', 'record id'] },
  { key: 'name', label: 'Name', synonyms: ['partner', 'partner name', 'full name', 'organisation', 'organization'] },
  { key: 'company', label: 'Company', synonyms: ['company name', 'business', 'firm', 'agency name'] },
  { key: 'contactName', label: 'Contact name', synonyms: ['contact', 'contact person', 'person', 'first name'] },
  { key: 'email', label: 'E-mail', synonyms: ['email', 'e-mail address', 'email address', 'mail'] },
  {
    key: 'linkedinUrl',
    label: 'LinkedIn',
    synonyms: ['linkedin url', 'linkedin profile', 'linked in', 'li', 'li url'],
  },
  { key: 'website', label: 'Website', synonyms: ['url', 'site', 'web', 'web site', 'homepage', 'domain'] },
  { key: 'type', label: 'Type', synonyms: ['partner type', 'category', 'kind'] },
  { key: 'subtype', label: 'Subtype', synonyms: ['sub type', 'specialty', 'speciality', 'niche', 'service'] },
  { key: 'audience', label: 'Audience', synonyms: ['their clients', 'clients', 'who they serve', 'ideal client'] },
  { key: 'stage', label: 'Stage', synonyms: ['status', 'pipeline stage', 'outcome', 'state'] },
  { key: 'owner', label: 'Owner', synonyms: ['account owner', 'assigned to', 'rep'] },
  { key: 'tags', label: 'Tags', synonyms: ['tag', 'labels', 'label'] },
  { key: 'notes', label: 'Notes', synonyms: ['note', 'comments', 'comment', 'remarks', 'description'] },
  { key: 'nextAction', label: 'Next action', synonyms: ['next step', 'next steps', 'todo', 'to do', 'action'] },
  {
    key: 'nextActionDate',
    label: 'Next action date',
    synonyms: ['next action on', 'follow up date', 'follow-up date', 'due', 'due date', 'next date'],
  },
];

export interface PartnerImportRow {
  /** An id the file gives, used to match an existing partner. */
  id: string | null;
  /** Input for the partner contract schema, holding only the fields the file maps. */
  input: Record<string, unknown>;
}

/**
 * Turns one row's mapped cells into contract input: words become our stages and types, dates
 * become YYYY-MM-DD, lists become tags. Problems name the field; the caller names the column.
 */
export function partnerRowFromCells(
  cells: ReadonlyMap<string, string>,
  order: DateOrder,
): { row: PartnerImportRow } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const input: Record<string, unknown> = {};
  let id: string | null = null;
  let typeSubtype: string | null = null;
  for (const [field, raw] of cells) {
    const cell = unneutralise(raw);
    switch (field) {
      case 'id':
        id = cell.trim() || null;
        if (id && !/^[\w-]{1,64}$/.test(id))
          issues.push({ field, message: 'expected an id of letters, digits and dashes' });
        break;
      case 'stage': {
        const r = normaliseStage(cell);
        if ('error' in r) issues.push({ field, message: r.error });
        else if (r.value) input.stage = r.value;
        break;
      }
      case 'type': {
        const r = normaliseType(cell);
        if ('error' in r) issues.push({ field, message: r.error });
        else if (r.value) {
          input.type = r.value.type;
          typeSubtype = r.value.subtype;
        }
        break;
      }
      case 'nextActionDate': {
        const r = normaliseDate(cell, order);
        if ('error' in r) issues.push({ field, message: r.error });
        else input.nextActionDate = r.value;
        break;
      }
      case 'tags':
        input.tags = splitList(cell);
        break;
      case 'subtype':
        input.subtype = cell.trim().toLowerCase();
        break;
      default:
        input[field] = cell;
    }
  }
  if (input.type === undefined && !issues.some((i) => i.field === 'type')) {
    issues.push({ field: 'type', message: 'is missing; expected agency, brand or complementary' });
  }
  if (typeSubtype && !input.subtype) input.subtype = typeSubtype;
  return issues.length > 0 ? { issues } : { row: { id, input } };
}
