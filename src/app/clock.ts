/** The process's "now". Every use case reads time through `Deps.clock`, never `new Date()`. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` and then runs at the real pace, so a pinned process still sees
 * time pass (ids stay ordered, durations are real) while its calendar is the pinned one.
 */
export function clockFrom(start: Date, elapsedMs: () => number = () => performance.now()): Clock {
  const origin = elapsedMs();
  const base = start.getTime();
  return () => new Date(base + Math.floor(elapsedMs() - origin));
}
