// How the suite pins "now". In-process tests move a TestClock by hand. Every process a test
// starts (the CLI, the server, the bench) inherits PARTNERLOOP_NOW from vitest.config.ts and
// starts its clock there; the browser tests install the same instant in the page. Nothing in
// the suite reads the real date, so it passes on any day and in any time zone (CI proves it by
// running again under libfaketime at other instants and zones: see .ci/run).

/** The instant every test starts at unless it says otherwise: a Tuesday, mid-month, mid-morning UTC. */
export const PINNED_NOW = '2026-11-24T10:00:00Z';

/** A clock the test moves by hand. */
export class TestClock {
  private current: Date;
  constructor(start: Date | string = PINNED_NOW) {
    this.current = new Date(start);
  }
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advanceDays(days: number) {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** The pinned calendar date (UTC, the default workspace zone) shifted by whole days. */
export function pinnedDay(offsetDays = 0, from: string = PINNED_NOW): string {
  return new Date(Date.parse(from) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
