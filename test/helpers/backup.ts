import { backupWorkspace } from '../../src/app/backup.js';
import type { Ctx, Deps } from '../../src/app/context.js';

/** The workspace's whole backup as one JSON-lines text. */
export async function backupText(deps: Deps, ctx: Ctx): Promise<string> {
  let out = '';
  await backupWorkspace(deps, ctx, (chunk) => {
    out += chunk;
  });
  return out;
}

/** A backup text as the line source restore reads. */
export async function* linesOf(text: string) {
  yield* text.split('\n');
}
