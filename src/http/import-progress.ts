import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { ImportProgress, ImportReport } from '../app/import/run.js';
import { AppError } from '../domain/errors.js';

type Settled = { ok: true; report: ImportReport } | { ok: false; error: unknown };

/**
 * Runs an import and answers it as NDJSON: one `progress` line per batch, then the `report`.
 * The answer waits for the first batch (or the end), so a file refused at its header still gets
 * a plain 4xx JSON error; a failure after the stream has started becomes a final `error` line.
 */
export async function ndjsonImport(
  c: Context,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportReport>,
): Promise<Response> {
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let started: (() => void) | undefined;
  const firstProgress = new Promise<'progress'>((resolve) => {
    started = () => resolve('progress');
  });
  const push = (value: unknown) => {
    lines.push(`${JSON.stringify(value)}\n`);
    wake?.();
  };
  const outcome: Promise<Settled> = run((p) => {
    push({
      type: 'progress',
      rows: p.rowsRead,
      bytes: p.bytesRead,
      created: p.created,
      updated: p.updated,
      unchanged: p.unchanged,
      rejected: p.rejected,
    });
    started?.();
  }).then(
    (report) => ({ ok: true, report }),
    (error: unknown) => ({ ok: false, error }),
  );
  const first = await Promise.race([outcome, firstProgress]);
  if (first !== 'progress' && !first.ok) throw first.error;

  let settled: Settled | undefined;
  void outcome.then((s) => {
    settled = s;
    wake?.();
  });
  c.header('content-type', 'application/x-ndjson; charset=utf-8');
  c.header('cache-control', 'no-store');
  return stream(c, async (out) => {
    for (;;) {
      while (lines.length > 0) await out.write(lines.shift() as string);
      if (settled) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    if (settled.ok) {
      await out.write(`${JSON.stringify({ type: 'report', ...settled.report })}\n`);
    } else {
      await out.write(`${JSON.stringify({ type: 'error', error: errorBody(settled.error) })}\n`);
    }
  });
}

function errorBody(err: unknown) {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  // The headers are sent, so the app's error handler cannot log this one.
  console.error(err);
  return {
    code: 'internal',
    message: 'Something went wrong on our side; the details are in the server log',
    details: {},
  };
}
