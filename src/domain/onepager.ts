import { type Agreement, describeFee, type HandoffMethod } from './agreement.js';
import type { Partner } from './partner.js';
import type { Profile } from './profile.js';

const HANDOFF_LABELS: Record<HandoffMethod, string> = {
  intro_email: 'a short introduction e-mail copying both sides',
  calendar_link: 'the lead books a call through the receiving side’s calendar link',
  portal_form: 'the referring side fills in the referral form',
  other: 'as described below',
};

export interface OnePagerInput {
  agreement: Agreement;
  partner: Pick<Partner, 'name' | 'company' | 'contactName' | 'audience'>;
  profile: Pick<Profile, 'name' | 'positioning' | 'idealClient' | 'servicesOffered' | 'senderName' | 'currency'>;
  formatMoney: (minor: number) => string;
}

/** The agreement as a plain-language Markdown document both sides can read and keep. */
export function onePagerMarkdown({ agreement: a, partner, profile, formatMoney }: OnePagerInput): string {
  const them = partner.company ? `${partner.name} (${partner.company})` : partner.name;
  const lines: string[] = [
    `# Referral agreement: ${profile.name} and ${them}`,
    '',
    `Status: ${a.status} · ${a.form === 'written' ? 'written agreement' : 'informal agreement'}`,
    '',
    '## Who we are',
    '',
    `**${profile.name}**${profile.positioning ? ` — ${profile.positioning}` : ''}`,
  ];
  if (profile.idealClient) lines.push('', `Our ideal client: ${profile.idealClient}`);
  if (profile.servicesOffered) lines.push('', `What we do: ${profile.servicesOffered}`);
  lines.push('', `**${them}**${partner.audience ? ` — works with ${partner.audience}` : ''}`);
  lines.push(
    '',
    '## What each side sends the other',
    '',
    `- ${them} introduces to us: ${a.theyReferToUs ?? 'to be agreed'}`,
    `- ${profile.name} introduces to ${partner.name}: ${a.weReferToThem ?? 'to be agreed'}`,
    '',
    '## Fees',
    '',
    `- For clients ${partner.name} sends us who sign: ${describeFee(a.feeToThem, formatMoney)}`,
    `- For clients we send ${partner.name} who sign: ${describeFee(a.feeToUs, formatMoney)}`,
    '',
    'Fees are owed only on clients who sign and pay; each monthly share falls due once that month has been served.',
    '',
    '## Handing over a lead',
    '',
    a.handoffMethod ? `Method: ${HANDOFF_LABELS[a.handoffMethod]}.` : 'Method: to be agreed.',
  );
  if (a.handoffInstructions) lines.push('', a.handoffInstructions);
  lines.push(
    '',
    '## Practicalities',
    '',
    `- Exclusivity: ${a.exclusivity === 'none' ? 'none — both sides stay free to work with others' : a.exclusivity}`,
    `- Starts: ${a.startDate ?? 'on signature'}`,
    `- Next review: ${a.reviewDate ?? 'to be set'}`,
    `- Signed: ${a.signedDate ?? 'not yet'}`,
  );
  if (a.disputedTerms.length > 0) {
    lines.push('', `Still to settle: ${a.disputedTerms.join(', ')}.`);
  }
  if (a.notes) lines.push('', '## Notes', '', a.notes);
  lines.push('', `Prepared by ${profile.senderName ?? profile.name}.`, '');
  return lines.join('\n');
}
