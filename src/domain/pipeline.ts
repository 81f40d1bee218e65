import type { Stage } from './stage.js';
import { median, ratio } from './stats.js';

/** A partner entering a stage (creation counts as entering its first stage). */
export interface StageEvent {
  partnerId: string;
  to: Stage;
  at: string;
}

/** The steps of the guide, in order; a partner may skip one (booking a call without a written reply). */
export const FUNNEL: readonly Stage[] = ['identified', 'contacted', 'replied', 'call_booked', 'call_done', 'agreement'];

export interface FunnelStep {
  from: Stage;
  to: Stage;
  /** Partners who entered `from` in the period. */
  entered: number;
  /** How many of them have since reached `to` or a later step. */
  advanced: number;
  conversion: number | null;
  /** Median days from entering `from` to reaching `to`, over those who advanced. */
  medianDays: number | null;
}

export interface PipelineFigures {
  /** Distinct partners that entered each stage during the period. */
  entered: Record<Stage, number>;
  funnel: FunnelStep[];
}

const DAY = 86_400_000;

/**
 * Pipeline movement in [startsAt, endsAt): how many partners entered each stage, and for each
 * funnel step the cohort that entered it in the period, how many went on, and how fast.
 * `events` must hold every event of those partners up to `asOf` (later steps may fall after
 * the period).
 */
export function pipelineFigures(
  events: StageEvent[],
  startsAt: string,
  endsAt: string,
  stages: readonly Stage[],
): PipelineFigures {
  const entered = Object.fromEntries(stages.map((s) => [s, new Set<string>()])) as Record<Stage, Set<string>>;
  const firstReach = new Map<string, Map<Stage, number>>();
  for (const e of events) {
    const t = Date.parse(e.at);
    if (e.at >= startsAt && e.at < endsAt) entered[e.to]?.add(e.partnerId);
    let reached = firstReach.get(e.partnerId);
    if (!reached) {
      reached = new Map();
      firstReach.set(e.partnerId, reached);
    }
    const prev = reached.get(e.to);
    if (prev === undefined || t < prev) reached.set(e.to, t);
  }

  const funnel: FunnelStep[] = [];
  for (let i = 0; i < FUNNEL.length - 1; i++) {
    const from = FUNNEL[i]!;
    const to = FUNNEL[i + 1]!;
    const cohort = [...entered[from]];
    const days: number[] = [];
    for (const id of cohort) {
      const reached = firstReach.get(id)!;
      const start = reached.get(from)!;
      // Reaching any later step counts: the partner got past `from`.
      const later = FUNNEL.slice(i + 1)
        .map((s) => reached.get(s))
        .filter((t): t is number => t !== undefined && t >= start);
      if (later.length) days.push((Math.min(...later) - start) / DAY);
    }
    funnel.push({
      from,
      to,
      entered: cohort.length,
      advanced: days.length,
      conversion: ratio(days.length, cohort.length),
      medianDays: median(days.map((d) => Math.round(d * 10) / 10)),
    });
  }
  const counts = Object.fromEntries(Object.entries(entered).map(([s, set]) => [s, set.size])) as Record<Stage, number>;
  return { entered: counts, funnel };
}
