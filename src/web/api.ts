// A small typed client for the HTTP API. Every failure becomes an ApiError carrying the
// server's { code, message, details } so forms can show the message on the field it names.
import type { Activity } from '../domain/activity.js';
import type { Partner, PartnerType } from '../domain/partner.js';
import type { Profile } from '../domain/profile.js';
import type { Stage } from '../domain/stage.js';

export type { Activity, Partner, PartnerType, Profile, Stage };

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
    readonly status: number,
  ) {
    super(message);
  }

  /** The server's field issues as a map field → message (first message wins). */
  fieldErrors(): Record<string, string> {
    const issues = Array.isArray(this.details.issues) ? (this.details.issues as FieldIssue[]) : [];
    const out: Record<string, string> = {};
    for (const issue of issues) {
      const field = issue.field.split('.')[0] ?? issue.field;
      out[field] ??= issue.message;
    }
    return out;
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'Could not reach the Partnerloop server; check that it is running', {}, 0);
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string; details?: Record<string, unknown> } })?.error;
    throw new ApiError(
      err?.code ?? `http_${res.status}`,
      err?.message ?? `The server answered ${res.status}`,
      err?.details ?? {},
      res.status,
    );
  }
  return data as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PartnerPage extends Page<Partner> {
  total: number;
}

export type PartnerSort = 'name' | 'stage' | 'next_action' | 'updated';

export interface PartnerListParams {
  type?: string;
  stage?: string;
  tag?: string;
  q?: string;
  sort?: PartnerSort;
  dir?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
  archived?: 'exclude' | 'include' | 'only';
}

/** What the partner form sends: every field of PartnerCreate. */
export interface PartnerInput {
  name: string;
  company?: string | null;
  contactName?: string | null;
  email?: string | null;
  linkedinUrl?: string | null;
  website?: string | null;
  type: PartnerType;
  subtype?: string | null;
  audience?: string | null;
  stage?: Stage;
  owner?: string | null;
  tags?: string[];
  notes?: string | null;
  nextAction?: string | null;
  nextActionDate?: string | null;
}

const enc = encodeURIComponent;

export const api = {
  listPartners: (params: PartnerListParams) => request<PartnerPage>('GET', `/partners${query({ ...params })}`),
  getPartner: (id: string) => request<Partner>('GET', `/partners/${enc(id)}`),
  createPartner: (input: PartnerInput, force = false) =>
    request<Partner>('POST', `/partners${force ? '?force=true' : ''}`, input),
  editPartner: (id: string, input: Partial<PartnerInput>, force = false) =>
    request<Partner>('PATCH', `/partners/${enc(id)}${force ? '?force=true' : ''}`, input),
  movePartner: (id: string, to: Stage, note?: string) =>
    request<Partner>('POST', `/partners/${enc(id)}/stage`, note ? { to, note } : { to }),
  archivePartner: (id: string) => request<Partner>('POST', `/partners/${enc(id)}/archive`),
  restorePartner: (id: string) => request<Partner>('POST', `/partners/${enc(id)}/restore`),
  timeline: (id: string, cursor?: string) =>
    request<Page<Activity>>('GET', `/partners/${enc(id)}/activities${query({ limit: 30, cursor })}`),
  getProfile: () => request<Profile>('GET', '/profile'),
  patchProfile: (patch: Partial<Profile>) => request<Profile>('PATCH', '/profile', patch),
  loadDemo: () => request<{ partners: number }>('POST', '/demo'),
};

// ---- Outreach, follow-ups, calls and the agenda ----
export type { Call, Fit, Message, MessageChannel, ReplyAnswer } from '../domain/outreach.js';
export type { Template, TemplateChannel, TemplateKind } from '../domain/template.js';

import type { z } from '@hono/zod-openapi';
import type { PreviewSchema, TodaySchema } from '../contract/outreach.js';
import type { Call, Fit, Message, MessageChannel, ReplyAnswer } from '../domain/outreach.js';
import type { Template, TemplateChannel, TemplateKind } from '../domain/template.js';

export interface ComposeInput {
  template?: string;
  subject?: string;
  body?: string;
}

// The agenda's shapes come from the API contract itself, so the page and the server cannot drift.
export type Preview = z.output<typeof PreviewSchema>;
export type TodayAgenda = z.output<typeof TodaySchema>;
export type FollowUpItem = TodayAgenda['followUpsDue'][number];
export type CallItem = TodayAgenda['callsToday'][number];
export type PartnerRef = FollowUpItem['partner'];

export interface TemplateInput {
  name: string;
  kind: TemplateKind;
  channel: TemplateChannel;
  subject: string | null;
  body: string;
}

export interface CallBookInput {
  at: string;
  minutes?: number;
  link?: string;
  agenda?: string | null;
}

export interface CallDoneInput {
  fit: Fit;
  notes?: string | null;
  theirIdealClient?: string | null;
  theirServices?: string | null;
  nextStep?: string | null;
}

export const outreachApi = {
  templates: () => request<{ items: Template[] }>('GET', '/templates'),
  templateFields: () => request<{ items: { field: string; label: string }[] }>('GET', '/templates/fields'),
  convertBrackets: (text: string) =>
    request<{ text: string; converted: string[]; unknown: string[] }>('POST', '/templates/convert', { text }),
  createTemplate: (input: TemplateInput) => request<Template>('POST', '/templates', input),
  editTemplate: (id: string, input: Partial<TemplateInput>) =>
    request<Template>('PATCH', `/templates/${enc(id)}`, input),
  preview: (partnerId: string, input: ComposeInput) =>
    request<Preview>('POST', `/partners/${enc(partnerId)}/outreach/preview`, input),
  send: (partnerId: string, input: ComposeInput & { channel?: MessageChannel; on?: string }) =>
    request<Message>('POST', `/partners/${enc(partnerId)}/outreach/send`, input),
  partnerMessages: (partnerId: string) => request<{ items: Message[] }>('GET', `/partners/${enc(partnerId)}/messages`),
  messages: (cursor?: string) =>
    request<Page<Message & { partner: PartnerRef }>>('GET', `/messages${query({ limit: 50, cursor })}`),
  reply: (partnerId: string, input: { answer: ReplyAnswer; on?: string; note?: string | null }) =>
    request<unknown>('POST', `/partners/${enc(partnerId)}/replies`, input),
  bookCall: (partnerId: string, input: CallBookInput) =>
    request<Call>('POST', `/partners/${enc(partnerId)}/calls`, input),
  partnerCalls: (partnerId: string) => request<{ items: Call[] }>('GET', `/partners/${enc(partnerId)}/calls`),
  completeCall: (id: string, input: CallDoneInput) => request<Call>('POST', `/calls/${enc(id)}/complete`, input),
  callIcsUrl: (id: string) => `/api/v1/calls/${enc(id)}/ics`,
  today: (asOf?: string) => request<TodayAgenda>('GET', `/today${query({ asOf })}`),
  followUps: (asOf?: string) => request<{ asOf: string; items: FollowUpItem[] }>('GET', `/followups${query({ asOf })}`),
};
