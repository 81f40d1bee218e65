import type { Rng } from '../../../bench/rng.js';

/** A write a client sent; `acked` once the server answered it 2xx (then it must survive a crash). */
export interface Write {
  kind: 'referral' | 'partner' | 'notes';
  writer: number;
  /** The referral's lead name, the partner's name, or the notes text. */
  value: string;
  /** The id the answer named (referral and partner creates). */
  id?: string;
  acked: boolean;
}

export interface WriterLog {
  writes: Write[];
  /** Each writer's own partner, whose notes it keeps overwriting. */
  own: string[];
}

/**
 * `n` clients writing as fast as the server answers, each its own sequence: create a referral,
 * create a partner, overwrite its own partner's notes. Every write is logged before it is sent
 * and marked acknowledged when its 2xx arrives. `run` returns when the server is gone.
 */
export async function runWriters(url: string, log: WriterLog, rng: Rng, trial: number): Promise<number> {
  let sent = 0;
  const one = async (w: number) => {
    for (let seq = 0; ; seq++) {
      const r = rng.next();
      const tag = `t${trial}-w${w}-${seq}`;
      const write: Write =
        r < 0.5
          ? { kind: 'referral', writer: w, value: `crash lead ${tag}`, acked: false }
          : r < 0.75
            ? { kind: 'partner', writer: w, value: `Crash partner ${tag}`, acked: false }
            : { kind: 'notes', writer: w, value: `notes ${tag}`, acked: false };
      log.writes.push(write);
      sent += 1;
      try {
        const res = await request(url, write, log.own[w]!);
        if (res.status >= 200 && res.status < 300) {
          write.acked = true;
          if (write.kind !== 'notes') write.id = String((res.body as { id?: unknown }).id);
        } else {
          throw new Error(`a crash-test write was refused: ${res.status} ${JSON.stringify(res.body)}`);
        }
      } catch (e) {
        // The server was killed under the request: the write may or may not have landed.
        if (e instanceof TypeError || isReset(e)) return;
        throw e;
      }
    }
  };
  await Promise.all(log.own.map((_, w) => one(w)));
  return sent;
}

async function request(url: string, write: Write, ownPartner: string) {
  const [method, path, body] =
    write.kind === 'referral'
      ? [
          'POST',
          '/api/v1/referrals',
          { leadName: write.value, direction: 'received', source: 'inbound', date: '2026-11-20' },
        ]
      : write.kind === 'partner'
        ? ['POST', '/api/v1/partners', { name: write.value, type: 'brand' }]
        : ['PATCH', `/api/v1/partners/${ownPartner}`, { notes: write.value }];
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

function isReset(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}
