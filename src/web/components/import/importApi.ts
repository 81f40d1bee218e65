// The browser side of CSV import and export: the file goes up as the request body, and a long
// import reports its progress as NDJSON lines while it runs.
import type { z } from '@hono/zod-openapi';
import type {
  ImportPreviewSchema,
  ImportReportSchema,
  ReferralImportReportSchema,
} from '../../../contract/portability.js';
import { ApiError, type PartnerListParams } from '../../api.js';

// Typed from the contract, so the screens read exactly the JSON the server sends.
export type ImportPreview = z.output<typeof ImportPreviewSchema>;
export type ImportField = ImportPreview['fields'][number];
/** A partner import's report, or a referral import's with the partners it created. */
export type ImportReport = z.output<typeof ImportReportSchema> &
  Partial<Pick<z.output<typeof ReferralImportReportSchema>, 'partnersCreated'>>;

export interface ImportProgress {
  rows: number;
  bytes: number;
}

export type DateOrder = 'dmy' | 'mdy';

export interface ImportRequest {
  /** Column header → field key or "ignore". */
  map: Record<string, string>;
  dateOrder: DateOrder;
  dryRun: boolean;
  /** Referral imports only. */
  createPartners?: boolean;
}

/** Enough of a file for the mapping screen: the header and first rows, not the whole upload. */
const PREVIEW_BYTES = 512 * 1024;

export async function previewImport(path: string, file: Blob): Promise<ImportPreview> {
  const res = await send(`${path}/preview`, await previewBody(file));
  if (!res.ok) throw await failure(res);
  return (await res.json()) as ImportPreview;
}

async function previewBody(file: Blob): Promise<Blob | string> {
  if (file.size <= PREVIEW_BYTES) return file;
  const text = await file.slice(0, PREVIEW_BYTES).text();
  // Stop at a line end so the last row shown is not cut in half.
  return text.slice(0, text.lastIndexOf('\n') + 1) || text;
}

/** Runs a (dry or real) import, calling onProgress per batch the server finishes. */
export async function runImport(
  path: string,
  file: Blob,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const q = new URLSearchParams({ progress: 'ndjson', dateOrder: request.dateOrder });
  if (request.dryRun) q.set('dryRun', 'true');
  if (request.createPartners) q.set('createPartners', 'true');
  for (const [column, field] of Object.entries(request.map)) q.append('map', `${column}=${field}`);
  const res = await send(`${path}?${q}`, file);
  if (!res.ok) throw await failure(res);
  if (!res.body) throw new ApiError('network', 'The server sent no answer; try again', {}, res.status);
  let report: ImportReport | undefined;
  for await (const line of ndjsonLines(res.body)) {
    if (line.type === 'progress') onProgress({ rows: Number(line.rows), bytes: Number(line.bytes) });
    else if (line.type === 'report') report = line as unknown as ImportReport;
    else if (line.type === 'error') throw apiError(line.error, res.status);
  }
  if (!report) throw new ApiError('network', 'The connection closed before the import finished; check the list', {}, 0);
  return report;
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      const line = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (line) yield JSON.parse(line) as Record<string, unknown>;
      end = buffered.indexOf('\n');
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as Record<string, unknown>;
}

async function send(path: string, body: Blob | string): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
  } catch {
    throw new ApiError('network', 'Could not reach the Partnerloop server; check that it is running', {}, 0);
  }
}

async function failure(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return apiError(data?.error, res.status);
}

function apiError(raw: unknown, status: number): ApiError {
  const err = raw as { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
  return new ApiError(
    err?.code ?? `http_${status}`,
    err?.message ?? `The server answered ${status}`,
    err?.details ?? {},
    status,
  );
}

/** The CSV export of the partners a list filter shows. */
export function exportUrl(filters: PartnerListParams, bom: boolean): string {
  const q = new URLSearchParams();
  for (const key of ['type', 'stage', 'tag', 'q'] as const) {
    const value = filters[key];
    if (value) q.set(key, value);
  }
  if (bom) q.set('bom', 'true');
  const s = q.toString();
  return `/api/v1/export/partners.csv${s ? `?${s}` : ''}`;
}

/** A CSV export URL from a list's filters: empty values are left out. */
export function csvExportUrl(file: 'referrals.csv' | 'fees.csv', filters: object, bom: boolean): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'limit' || key === 'cursor' || value === undefined || value === null || value === '') continue;
    q.set(key, String(value));
  }
  if (bom) q.set('bom', 'true');
  const s = q.toString();
  return `/api/v1/export/${file}${s ? `?${s}` : ''}`;
}
