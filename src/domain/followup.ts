import { addDays, daysBetween } from './dates.js';
/**
 * The one polite follow-up. All dates are calendar dates (YYYY-MM-DD) in the workspace time
 * zone; the caller converts instants, so this stays a pure function of its inputs.
 */
export interface FollowUpInput {
  firstTouchOn: string | null;
  followUpOn: string | null;
  replyOn: string | null;
  today: string;
  minDays: number;
  maxDays: number;
  noResponseDays: number;
}

export const FOLLOW_UP_STATES = [
  'not_contacted',
  'not_due',
  'due',
  'overdue',
  'awaiting_reply',
  'propose_no_response',
  'replied',
] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface FollowUpStatus {
  state: FollowUpState;
  /** First day the follow-up may go out (first touch + minDays). */
  dueOn: string | null;
  /** First day it counts as late (first touch + maxDays + 1). */
  overdueOn: string | null;
  /** With the follow-up sent and no reply, the day the partner is proposed for no_response. */
  noResponseOn: string | null;
  daysSinceFirstTouch: number | null;
}

export function followUpStatus(input: FollowUpInput): FollowUpStatus {
  const { firstTouchOn, today } = input;
  // Events dated after `today` have not happened yet as of that day (agenda "as of" a past day).
  const happened = (d: string | null) => (d !== null && d <= today ? d : null);
  const first = happened(firstTouchOn);
  if (!first) {
    return { state: 'not_contacted', dueOn: null, overdueOn: null, noResponseOn: null, daysSinceFirstTouch: null };
  }
  const dueOn = addDays(first, input.minDays);
  const overdueOn = addDays(first, input.maxDays + 1);
  const followUp = happened(input.followUpOn);
  const noResponseOn = followUp ? addDays(followUp, input.noResponseDays) : null;
  const base = { dueOn, overdueOn, noResponseOn, daysSinceFirstTouch: daysBetween(first, today) };
  if (happened(input.replyOn)) return { ...base, state: 'replied' };
  if (followUp && noResponseOn)
    return { ...base, state: today >= noResponseOn ? 'propose_no_response' : 'awaiting_reply' };
  if (today >= overdueOn) return { ...base, state: 'overdue' };
  if (today >= dueOn) return { ...base, state: 'due' };
  return { ...base, state: 'not_due' };
}

/**
 * Why a follow-up may not be sent on `on`, or null when it may. Sending before the window
 * opens is allowed (the owner may have a reason); a second one or one after a reply is not.
 */
export function followUpRefusal(input: Omit<FollowUpInput, 'today'> & { on: string }): string | null {
  if (!input.firstTouchOn) return 'no first message has been sent to this partner yet';
  if (input.followUpOn) return oneFollowUpRule(input.followUpOn);
  if (input.replyOn) return `they replied on ${input.replyOn}, so no follow-up is needed`;
  if (input.on < input.firstTouchOn)
    return `the follow-up cannot be dated before the first message (${input.firstTouchOn})`;
  return null;
}

/** The rule's own words, for every refusal it causes (a second follow-up, or any message after it). */
export function oneFollowUpRule(followUpOn: string | null): string {
  return `the one follow-up ${followUpOn ? `was already sent on ${followUpOn}` : 'has already gone out'}; there is never a second`;
}
