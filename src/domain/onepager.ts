import { type Agreement, describeFee, type HandoffMethod } from './agreement.js';
import { markdownBlock as block, markdownInline as md } from './markdown.js';
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

/**
 * The agreement as a plain-language Markdown document both sides can read and keep. Every
 * value typed by a person is escaped (domain/markdown.ts): a partner called `# Heading` or a
 * note holding `<script>` or `[x](javascript:…)` shows as that text, not as markup.
 */
export function onePagerMarkdown({ agreement: a, partner, profile, formatMoney }: OnePagerInput): string {
  const name = md(partner.name);
  const us = md(profile.name);
  const them = partner.company ? `${name} (${md(partner.company)})` : name;
  const lines: string[] = [
    `# Referral agreement: ${us} and ${them}`,
    '',
    `Status: ${a.status} · ${a.form === 'written' ? 'written agreement' : 'informal agreement'}`,
    '',
    '## Who we are',
    '',
    `**${us}**${profile.positioning ? ` — ${md(profile.positioning)}` : ''}`,
  ];
  if (profile.idealClient) lines.push('', `Our ideal client: ${md(profile.idealClient)}`);
  if (profile.servicesOffered) lines.push('', `What we do: ${md(profile.servicesOffered)}`);
  lines.push('', `**${them}**${partner.audience ? ` — works with ${md(partner.audience)}` : ''}`);
  lines.push(
    '',
    '## What each side sends the other',
    '',
    `- ${them} introduces to us: ${a.theyReferToUs ? md(a.theyReferToUs) : 'to be agreed'}`,
    `- ${us} introduces to ${name}: ${a.weReferToThem ? md(a.weReferToThem) : 'to be agreed'}`,
    '',
    '## Fees',
    '',
    `- For clients ${name} sends us who sign: ${md(describeFee(a.feeToThem, formatMoney))}`,
    `- For clients we send ${name} who sign: ${md(describeFee(a.feeToUs, formatMoney))}`,
    '',
    'Fees are owed only on clients who sign and pay; each monthly share falls due once that month has been served.',
    '',
    '## Handing over a lead',
    '',
    a.handoffMethod ? `Method: ${HANDOFF_LABELS[a.handoffMethod]}.` : 'Method: to be agreed.',
  );
  if (a.handoffInstructions) lines.push('', block(a.handoffInstructions));
  lines.push(
    '',
    '## Practicalities',
    '',
    `- Exclusivity: ${a.exclusivity === 'none' ? 'none — both sides stay free to work with others' : md(a.exclusivity)}`,
    `- Starts: ${a.startDate ?? 'on signature'}`,
    `- Next review: ${a.reviewDate ?? 'to be set'}`,
    `- Signed: ${a.signedDate ?? 'not yet'}`,
  );
  if (a.disputedTerms.length > 0) {
    lines.push('', `Still to settle: ${md(a.disputedTerms.join(', '))}.`);
  }
  if (a.notes) lines.push('', '## Notes', '', block(a.notes));
  lines.push('', `Prepared by ${md(profile.senderName ?? profile.name)}.`, '');
  return lines.join('\n');
}
