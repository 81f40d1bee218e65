import type { Referral } from '../../domain/referral.js';

/** The referrals a run has created with one partner so far, and the timeline entry telling it. */
export type ImportedTally = { id: string; first: Referral; count: number; outcomes: Record<string, number> };

/**
 * A partner's timeline entry for the referrals an import created with them: a lone referral
 * reads as one logged in the app; more become one line counting the outcomes, rewritten as
 * each batch lands, since an owner gains nothing from thousands of near-identical lines (and
 * writing them was a large part of the import's cost).
 */
export function importedEntry(tally: ImportedTally): { kind: string; summary: string; data: Record<string, unknown> } {
  const only = tally.first;
  if (tally.count === 1) {
    const what = only.direction === 'received' ? `Referred us ${only.leadName}` : `We referred ${only.leadName}`;
    const outcome = only.outcome === 'pending' ? '' : `, ${only.outcome}`;
    return {
      kind: `referral.${only.direction}`,
      summary: `${what}${only.company ? ` (${only.company})` : ''} — imported${outcome}`,
      data: { referralId: only.id, outcome: only.outcome, imported: true },
    };
  }
  const counts = Object.entries(tally.outcomes)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([outcome, n]) => `${n.toLocaleString('en-US')} ${outcome}`);
  return {
    kind: 'referral.imported',
    summary: `Imported ${tally.count.toLocaleString('en-US')} referrals from a CSV: ${counts.join(', ')}`,
    data: { count: tally.count, outcomes: tally.outcomes },
  };
}
