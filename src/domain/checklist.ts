import { daysBetween } from './dates.js';
import type { ReviewCadence } from './profile.js';

/** What the records say about each step of the partnership playbook. */
export interface ChecklistFacts {
  partnersIdentified: number;
  partnerTarget: number;
  templateDrafted: boolean;
  messagesSent: number;
  activeAgreements: number;
  agreementsWithHandoff: number;
  referralsLogged: number;
  lastReviewOn: string | null;
  cadence: ReviewCadence;
  today: string;
}

export interface ChecklistItem {
  key: string;
  step: 1 | 2 | 3 | 4;
  label: string;
  done: boolean;
  /** Where a count is involved: how far along, out of what. */
  progress: { current: number; target: number } | null;
  /** What to do to tick it, in a sentence. */
  next: string;
}

export interface Checklist {
  items: ChecklistItem[];
  done: number;
  total: number;
  /** The first item not yet done, or null when all are. */
  next: ChecklistItem | null;
}

const MIN_PARTNERS = 5;
const MIN_MESSAGES = 5;

export function checklist(f: ChecklistFacts): Checklist {
  const reviewWindow = f.cadence === 'weekly' ? 7 : 31;
  const reviewedRecently = f.lastReviewOn !== null && daysBetween(f.lastReviewOn, f.today) < reviewWindow;
  const items: ChecklistItem[] = [
    {
      key: 'partners_identified',
      step: 1,
      label: `At least ${MIN_PARTNERS} potential partners listed`,
      done: f.partnersIdentified >= MIN_PARTNERS,
      progress: { current: f.partnersIdentified, target: Math.max(MIN_PARTNERS, f.partnerTarget) },
      next: 'List agencies, non-competing brands and complementary services who serve your kind of client.',
    },
    {
      key: 'template_drafted',
      step: 2,
      label: 'First-touch message written in your words',
      done: f.templateDrafted,
      progress: null,
      next: 'Open Outreach and adapt the first-touch template: who you are, why them, and the ask for a short call.',
    },
    {
      key: 'messages_sent',
      step: 2,
      label: `${MIN_MESSAGES}–10 first messages sent`,
      done: f.messagesSent >= MIN_MESSAGES,
      progress: { current: f.messagesSent, target: 10 },
      next: 'Send the first-touch message to the partners you listed, by e-mail or LinkedIn.',
    },
    {
      key: 'agreement_in_place',
      step: 3,
      label: 'At least one referral agreement in place',
      done: f.activeAgreements >= 1,
      progress: { current: f.activeAgreements, target: 1 },
      next: 'After a good fit call, record who refers whom and on what terms, even informally.',
    },
    {
      key: 'handoff_defined',
      step: 3,
      label: 'A clear handoff for every agreement',
      done: f.activeAgreements >= 1 && f.agreementsWithHandoff >= f.activeAgreements,
      progress: f.activeAgreements ? { current: f.agreementsWithHandoff, target: f.activeAgreements } : null,
      next: 'Say how a referral reaches you: an intro e-mail, your calendar link or a form.',
    },
    {
      key: 'tracking',
      step: 4,
      label: 'Referrals being logged',
      done: f.referralsLogged >= 1,
      progress: null,
      next: 'Log each lead a partner sends you (and each one you send them) with its outcome.',
    },
    {
      key: 'reviewed',
      step: 4,
      label: f.cadence === 'weekly' ? 'Reviewed this week' : 'Reviewed this month',
      done: reviewedRecently,
      progress: null,
      next: 'Open Review, look at what each source brought, and save the review with your decisions.',
    },
  ];
  const done = items.filter((i) => i.done).length;
  return { items, done, total: items.length, next: items.find((i) => !i.done) ?? null };
}
