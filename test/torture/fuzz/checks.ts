import type { Failure } from '../failures.js';
import { findLeak, type SentStrings } from './leaks.js';
import type { Operation } from './operations.js';
import type { FuzzInput, WireRequest } from './requests.js';
import type { Answer } from './transport.js';

/**
 * What every answer must satisfy on its own: no 5xx (nor one hidden in an NDJSON stream), no
 * internals in the body, and a foreign Host (DNS rebinding) or a foreign Origin on a write (a
 * cross-site request) refused with a 4xx. `logged` fetches what the server logged for it.
 */
export async function checkAnswer(
  op: Operation,
  input: FuzzInput,
  wire: WireRequest,
  answer: Answer,
  sent: SentStrings,
  logged: () => Promise<string>,
): Promise<Failure[]> {
  const found: Failure[] = [];
  const text = answer.body.toString('utf8');
  const base = { where: op.key, status: answer.status, input: wire.summary() };
  if (answer.status >= 500) found.push({ ...base, kind: '5xx', detail: `logged: ${errorSummary(await logged())}` });
  if (/ndjson/.test(answer.contentType) && /"type":"error","error":\{"code":"internal"/.test(text)) {
    found.push({ ...base, kind: '5xx inside an NDJSON stream', detail: `logged: ${errorSummary(await logged())}` });
  }
  const leak = findLeak(text, answer.contentType, sent);
  if (leak) found.push({ ...base, kind: `leak: ${leak.what}`, detail: JSON.stringify(leak.text) });
  const refused = answer.status >= 400 && answer.status < 500;
  if (input.probe === 'host' && !refused) found.push({ ...base, kind: 'foreign Host header accepted (DNS rebinding)' });
  if (input.probe === 'origin' && !refused) {
    found.push({ ...base, kind: 'foreign Origin accepted on a write (cross-site request)' });
  }
  return found;
}

/** The logged error's first line and its driver code, if any: enough to tell defects apart. */
export function errorSummary(log: string): string {
  const first = log.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l)) ?? '(nothing logged)';
  const code = /\bcode: '([^']+)'/.exec(log)?.[1];
  return `${first.trim().slice(0, 300)}${code ? ` (code ${code})` : ''}`;
}

/** Reads every write must leave working (see FeedWatch). */
export const FEEDS = ['/api/v1/calendar.ics', '/api/v1/today'];

/**
 * A value the API accepted must not break the calendar feed or Today for good. After each
 * accepted write the feeds are read; a feed that stops answering 200 is reported once, against
 * the write that broke it.
 */
export class FeedWatch {
  private readonly ok = new Map(FEEDS.map((f) => [f, true]));

  constructor(private readonly request: (path: string) => Response | Promise<Response>) {}

  async afterWrite(op: Operation, wire: WireRequest): Promise<Failure[]> {
    const found: Failure[] = [];
    for (const feed of FEEDS) {
      const res = await this.request(feed);
      const ok = res.status === 200;
      const body = await res.text();
      if (!ok && this.ok.get(feed)) {
        found.push({
          kind: `GET ${feed.replace('/api/v1', '')} broken by an accepted write`,
          where: op.key,
          status: res.status,
          input: wire.summary(),
          detail: body.slice(0, 300),
        });
      }
      this.ok.set(feed, ok);
    }
    return found;
  }
}
