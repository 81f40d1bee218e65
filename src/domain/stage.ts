import { AppError } from './errors.js';

export const STAGES = [
  'identified',
  'contacted',
  'followed_up',
  'replied',
  'call_booked',
  'call_done',
  'agreement',
  'declined',
  'no_response',
  'paused',
  'ended',
] as const;

export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  identified: 'Identified',
  contacted: 'Contacted',
  followed_up: 'Followed up',
  replied: 'Replied',
  call_booked: 'Call booked',
  call_done: 'Call done',
  agreement: 'Agreement',
  declined: 'Declined',
  no_response: 'No response',
  paused: 'Paused',
  ended: 'Ended',
};

/**
 * The legal moves. Declined and silent partners can be approached again later; an agreement
 * can be paused or ended, and a paused or ended one revived.
 */
const MOVES: Record<Stage, readonly Stage[]> = {
  identified: ['contacted'],
  contacted: ['followed_up', 'replied', 'call_booked', 'declined', 'no_response'],
  followed_up: ['replied', 'call_booked', 'declined', 'no_response'],
  replied: ['call_booked', 'declined'],
  call_booked: ['call_done', 'replied', 'declined'],
  call_done: ['agreement', 'call_booked', 'declined'],
  agreement: ['paused', 'ended'],
  declined: ['contacted'],
  no_response: ['replied', 'contacted', 'declined'],
  paused: ['agreement', 'ended'],
  ended: ['agreement', 'contacted'],
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function allowedMoves(from: Stage): readonly Stage[] {
  return MOVES[from];
}

export function canMove(from: Stage, to: Stage): boolean {
  return MOVES[from].includes(to);
}

/** Throws an AppError naming the allowed moves when `from → to` is not one of them. */
export function assertMove(from: Stage, to: Stage): void {
  if (from === to) {
    throw new AppError('illegal_transition', `The partner is already at stage "${to}"`, {
      from,
      to,
      allowed: [...MOVES[from]],
    });
  }
  if (!canMove(from, to)) {
    const allowed = MOVES[from];
    throw new AppError(
      'illegal_transition',
      `Cannot move from "${from}" to "${to}"; allowed from "${from}": ${allowed.join(', ')}`,
      { from, to, allowed: [...allowed] },
    );
  }
}

/** Pipeline order, used to sort by stage. */
export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}
