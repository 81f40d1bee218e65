import type { Deps } from '../context.js';

/** A timeline entry as the bulk insert writes it (data as JSON text). */
export function activityRow(
  deps: Deps,
  workspaceId: string,
  partnerId: string,
  kind: string,
  summary: string,
  data: Record<string, unknown>,
  at: string,
): Record<string, unknown> {
  return { id: deps.newId(), workspaceId, partnerId, kind, summary, data: JSON.stringify(data), at };
}
