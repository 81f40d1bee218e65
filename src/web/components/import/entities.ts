// What differs between the partner and the referral import screens; the steps are shared.

export type ImportEntityKey = 'partners' | 'referrals';

export interface ImportEntity {
  key: ImportEntityKey;
  /** API path of the import; the preview is at `${path}/preview`. */
  path: string;
  title: string;
  /** Where the breadcrumb and the last step lead back to. */
  listPath: string;
  listLabel: string;
  openListLabel: string;
  singular: string;
  plural: string;
  /** How rows already imported are recognised, shown under the counts. */
  matchNote: string;
  /** Query keys whose cached lists an import makes stale. */
  staleKeys: string[];
  /** The referral import can create the partners a file names but the workspace lacks. */
  canCreatePartners: boolean;
}

export const IMPORT_ENTITIES: Record<ImportEntityKey, ImportEntity> = {
  partners: {
    key: 'partners',
    path: '/import/partners',
    title: 'Import partners from a spreadsheet',
    listPath: '/partners',
    listLabel: 'Partners',
    openListLabel: 'Open the partners table',
    singular: 'partner',
    plural: 'partners',
    matchNote:
      'Rows are matched to existing partners by id, e-mail or LinkedIn URL, so importing the same file again creates no duplicates.',
    staleKeys: ['partners'],
    canCreatePartners: false,
  },
  referrals: {
    key: 'referrals',
    path: '/import/referrals',
    title: 'Import referrals from a spreadsheet',
    listPath: '/referrals',
    listLabel: 'Referrals',
    openListLabel: 'Open the referral log',
    singular: 'referral',
    plural: 'referrals',
    matchNote:
      'Each row is linked to a partner by name, e-mail or id. Rows imported before are recognised by id or by partner, lead and date, so importing the same file again creates no duplicates.',
    staleKeys: ['referrals', 'partners', 'fees'],
    canCreatePartners: true,
  },
};
