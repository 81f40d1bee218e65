import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { allowedMoves, assertMove, canMove, STAGES } from './stage.js';

describe('stage machine', () => {
  it('follows the happy path of the guide', () => {
    const path = [
      'identified',
      'contacted',
      'followed_up',
      'replied',
      'call_booked',
      'call_done',
      'agreement',
    ] as const;
    for (let i = 1; i < path.length; i++) {
      expect(canMove(path[i - 1]!, path[i]!)).toBe(true);
    }
  });

  it('refuses skipping straight from identified to agreement, naming the allowed moves', () => {
    try {
      assertMove('identified', 'agreement');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('illegal_transition');
      expect(err.message).toContain('allowed from "identified": contacted');
      expect(err.details.allowed).toEqual(['contacted']);
    }
  });

  it('refuses a move to the same stage', () => {
    expect(() => assertMove('contacted', 'contacted')).toThrow(/already at stage "contacted"/);
  });

  it('only pauses or ends an active agreement', () => {
    expect(allowedMoves('agreement')).toEqual(['paused', 'ended']);
    expect(canMove('paused', 'agreement')).toBe(true);
  });

  it('lets every stage leave somewhere and every stage but identified be reached', () => {
    const reached = new Set(STAGES.flatMap((s) => allowedMoves(s)));
    for (const s of STAGES) {
      expect(allowedMoves(s).length).toBeGreaterThan(0);
      if (s !== 'identified') expect(reached.has(s)).toBe(true);
    }
  });
});
