import { parseInput } from '../contract/common.js';
import {
  MessageListQuerySchema,
  PreviewRequestSchema,
  ReplyRequestSchema,
  SendRequestSchema,
} from '../contract/outreach.js';
import { addDays, localDate, zonedInstant } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { followUpRefusal, oneFollowUpRule } from '../domain/followup.js';
import {
  type Message,
  type MessageChannel,
  NOT_NOW_CHECK_BACK_DAYS,
  type Reply,
  type ReplyAnswer,
} from '../domain/outreach.js';
import type { Partner } from '../domain/partner.js';
import type { Profile } from '../domain/profile.js';
import { canMove, type Stage } from '../domain/stage.js';
import {
  MERGE_FIELDS,
  type MergeField,
  mergeValues,
  render,
  type Template,
  type TemplateKind,
  templateIssues,
} from '../domain/template.js';
import {
  insertMessage,
  insertReply,
  listMessages,
  messagesPage,
  outreachMessages,
  repliesFor,
} from '../store/outreach.js';
import { updatePartner } from '../store/partners.js';
import { firstTemplateOfKind } from '../store/templates.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { moveInTransaction, record, showPartner } from './partners.js';
import { showProfile } from './profile.js';
import { ensureDefaultTemplates, showTemplate } from './templates.js';

export interface Preview {
  partnerId: string;
  templateId: string | null;
  kind: TemplateKind;
  channel: Template['channel'];
  recipient: string | null;
  subject: string | null;
  body: string;
  missing: { field: MergeField; label: string }[];
  ready: boolean;
}

/** The current outreach cycle of a partner: its latest first touch and what followed it. */
export interface CycleFacts {
  firstTouch: Message | null;
  followUp: Message | null;
  reply: Reply | null;
}

export function cycleFacts(messages: Message[], replies: Reply[]): CycleFacts {
  const firstTouch =
    messages
      .filter((m) => m.kind === 'first_touch')
      .sort((a, b) => (a.sentOn + a.sentAt < b.sentOn + b.sentAt ? 1 : -1))[0] ?? null;
  if (!firstTouch) return { firstTouch: null, followUp: null, reply: null };
  const followUp = messages.find((m) => m.kind === 'follow_up' && m.firstTouchId === firstTouch.id) ?? null;
  const reply =
    replies.filter((r) => r.firstTouchId === firstTouch.id).sort((a, b) => (a.repliedOn < b.repliedOn ? -1 : 1))[0] ??
    null;
  return { firstTouch, followUp, reply };
}

async function partnerCycle(deps: Deps, ctx: Ctx, partnerId: string): Promise<CycleFacts> {
  const db = deps.store.db;
  return cycleFacts(
    await outreachMessages(db, ctx.workspaceId, [partnerId]),
    await repliesFor(db, ctx.workspaceId, [partnerId]),
  );
}

/** The stage decides which message comes next when the owner does not pick a template. */
function defaultKind(stage: Stage): TemplateKind {
  return stage === 'contacted' ? 'follow_up' : 'first_touch';
}

interface ComposeRequest {
  template?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
}

async function compose(deps: Deps, ctx: Ctx, partner: Partner, profile: Profile, req: ComposeRequest) {
  await ensureDefaultTemplates(deps, ctx);
  const template = req.template
    ? await showTemplate(deps, ctx, req.template)
    : await firstTemplateOfKind(deps.store.db, ctx.workspaceId, defaultKind(partner.stage));
  if (!template && req.body === undefined) {
    throw AppError.validation([{ field: 'template', message: 'no template of this kind exists; choose one' }]);
  }
  const subjectText = req.subject ?? template?.subject ?? null;
  const bodyText = req.body ?? template?.body ?? '';
  const issues = templateIssues({ subject: subjectText, body: bodyText });
  if (issues.length > 0) throw AppError.validation(issues);
  const values = mergeValues(partner, profile);
  const subject = subjectText ? render(subjectText, values) : null;
  const body = render(bodyText, values);
  const missing = [...new Set([...(subject?.missing ?? []), ...body.missing])].map((field) => ({
    field,
    label: MERGE_FIELDS[field],
  }));
  const preview: Preview = {
    partnerId: partner.id,
    templateId: template?.id ?? null,
    kind: template?.kind ?? 'other',
    channel: template?.channel ?? 'any',
    recipient: partner.email,
    subject: subject?.text ?? null,
    body: body.text,
    missing,
    ready: missing.length === 0,
  };
  return preview;
}

export async function previewMessage(deps: Deps, ctx: Ctx, partnerId: string, input: unknown): Promise<Preview> {
  const req = parseInput(PreviewRequestSchema, input);
  const partner = await showPartner(deps, ctx, partnerId);
  return compose(deps, ctx, partner, await showProfile(deps, ctx), req);
}

/** When something logged for `on` happened: now if `on` is today, else midday that day. */
function instantFor(deps: Deps, on: string, today: string, timeZone: string): string {
  return on === today ? nowIso(deps) : zonedInstant(`${on}T12:00`, timeZone);
}

function checkPast(on: string, today: string) {
  if (on > today) throw AppError.validation([{ field: 'on', message: `cannot be after today (${today})` }]);
}

export async function sendMessage(deps: Deps, ctx: Ctx, partnerId: string, input: unknown): Promise<Message> {
  const req = parseInput(SendRequestSchema, input);
  const partner = await showPartner(deps, ctx, partnerId);
  const profile = await showProfile(deps, ctx);
  const preview = await compose(deps, ctx, partner, profile, req);
  if (!preview.ready) {
    throw new AppError(
      'validation_failed',
      `Not sent: ${preview.missing.map((m) => `{{${m.field}}} (${m.label})`).join(', ')} ${preview.missing.length === 1 ? 'is' : 'are'} empty for ${partner.name}; fill them in or edit the text`,
      {
        issues: preview.missing.map((m) => ({ field: m.field, message: `is empty (${m.label})` })),
        missing: preview.missing,
      },
    );
  }
  const today = localDate(deps.clock(), profile.timeZone);
  const on = req.on ?? today;
  checkPast(on, today);
  const channel: MessageChannel =
    req.channel ??
    // A message logged for an earlier day was sent by hand, so it never defaults to e-mail.
    (deps.mailer && partner.email && preview.channel !== 'linkedin' && on === today
      ? 'email'
      : preview.channel === 'linkedin'
        ? 'linkedin'
        : 'manual');
  const kind = preview.kind;
  const cycle = await partnerCycle(deps, ctx, partner.id);
  checkOutreachRules(partner, kind, cycle, on);

  let smtpMessageId: string | null = null;
  if (channel === 'email') {
    const from = deps.mailer?.from ?? profile.senderEmail;
    const problems = [
      !deps.mailer && {
        field: 'channel',
        message: 'e-mail needs SMTP_URL configured; send it yourself with channel manual',
      },
      !partner.email && { field: 'partner.email', message: `${partner.name} has no e-mail address` },
      on !== today && { field: 'on', message: 'an e-mail goes out now; log an older message with channel manual' },
      !from && { field: 'senderEmail', message: 'set the sender e-mail in the profile (or SMTP_FROM)' },
    ].filter((p) => p !== false);
    if (problems.length > 0) throw AppError.validation(problems);
    try {
      const sent = await deps.mailer!.send({
        from: from!,
        fromName: profile.senderName,
        to: partner.email!,
        toName: partner.contactName,
        subject: preview.subject ?? `A note from ${profile.name}`,
        text: preview.body,
      });
      smtpMessageId = sent.messageId;
    } catch (err) {
      throw new AppError(
        'delivery_failed',
        `The e-mail to ${partner.email} was not sent, and nothing was recorded: ${err instanceof Error ? err.message : String(err)}`,
        { partnerId: partner.id },
      );
    }
  }

  const id = deps.newId();
  const sentAt = instantFor(deps, on, today, profile.timeZone);
  const message: Message = {
    id,
    partnerId: partner.id,
    templateId: preview.templateId,
    firstTouchId: kind === 'follow_up' ? (cycle.firstTouch?.id ?? null) : null,
    kind,
    channel,
    delivery: channel === 'email' ? 'smtp' : 'copied',
    recipient: channel === 'email' ? partner.email : (partner.email ?? partner.linkedinUrl),
    subject: preview.subject,
    body: preview.body,
    messageId: smtpMessageId,
    sentOn: on,
    sentAt,
  };
  try {
    return await inTransaction(deps, async (db) => {
      await insertMessage(db, { ...message, workspaceId: ctx.workspaceId, createdAt: nowIso(deps) });
      const how = channel === 'email' ? 'by e-mail' : `(copied, ${channel}, marked sent)`;
      await record(
        deps,
        db,
        ctx,
        partner.id,
        'message.sent',
        `Sent ${kind.replace(/_/g, ' ')} ${how}`,
        { ...message, smtpMessageId },
        sentAt,
      );
      const to: Stage | null = kind === 'first_touch' ? 'contacted' : kind === 'follow_up' ? 'followed_up' : null;
      if (to && (kind === 'first_touch' || canMove(partner.stage, to))) {
        await moveInTransaction(deps, db, ctx, partner.id, to, null, { at: sentAt });
      }
      return message;
    });
  } catch (err) {
    if (kind === 'follow_up' && isUniqueViolation(err)) {
      throw new AppError(
        'conflict',
        'No follow-up: another follow-up to this partner was recorded at the same moment',
        {
          reason: 'already sent',
        },
      );
    }
    if (smtpMessageId && !(err instanceof AppError)) {
      throw new AppError(
        'conflict',
        `The e-mail went out (Message-ID ${smtpMessageId}) but recording it failed; log it again with channel manual`,
        { smtpMessageId },
      );
    }
    throw err;
  }
}

/** The one-follow-up index caught a concurrent second follow-up (PostgreSQL 23505, SQLite UNIQUE). */
function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (err as { code?: string }).code === '23505' || /UNIQUE constraint failed/.test(err.message);
}

/** Refusals that must come before anything leaves: never a second follow-up, never a blind move. */
function checkOutreachRules(partner: Partner, kind: TemplateKind, cycle: CycleFacts, on: string) {
  if (partner.archivedAt) {
    throw new AppError('conflict', `${partner.name} is archived; restore it before writing to them`, {
      id: partner.id,
    });
  }
  if (kind === 'first_touch' && partner.stage === 'followed_up') {
    // After the follow-up the stage is not the reason: the one-follow-up rule is, until they
    // answer or are marked silent (no_response), from where they may be approached again.
    const rule = oneFollowUpRule(cycle.followUp?.sentOn ?? null);
    throw new AppError(
      'illegal_transition',
      `No message to ${partner.name}: ${rule}. Record their reply, or move them to no_response to approach them again later`,
      { from: partner.stage, to: 'contacted', reason: rule },
    );
  }
  if (kind === 'first_touch' && !canMove(partner.stage, 'contacted')) {
    throw new AppError(
      'illegal_transition',
      `${partner.name} is at stage "${partner.stage}"; a first message only goes to partners not yet contacted (or declined / silent ones approached again)`,
      { from: partner.stage, to: 'contacted' },
    );
  }
  if (kind === 'follow_up') {
    const reason = followUpRefusal({
      firstTouchOn: cycle.firstTouch?.sentOn ?? null,
      followUpOn: cycle.followUp?.sentOn ?? null,
      replyOn: cycle.reply?.repliedOn ?? null,
      on,
      minDays: 0,
      maxDays: 0,
      noResponseDays: 0,
    });
    if (reason) throw new AppError('conflict', `No follow-up: ${reason}`, { reason });
  }
}

export async function partnerMessages(deps: Deps, ctx: Ctx, partnerId: string): Promise<{ items: Message[] }> {
  await showPartner(deps, ctx, partnerId);
  return { items: await listMessages(deps.store.db, ctx.workspaceId, partnerId) };
}

/** The sent log across partners, newest first (keyset pages on sentAt, id). */
export async function listSentMessages(deps: Deps, ctx: Ctx, input: unknown = {}) {
  const query = parseInput(MessageListQuerySchema, input);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await messagesPage(
    deps.store.db,
    ctx.workspaceId,
    query.limit + 1,
    after ? { sentAt: String(after.value), id: after.id } : undefined,
  );
  const items = rows.slice(0, query.limit).map(({ partnerName, partnerStage, ...m }) => ({
    ...m,
    partner: { id: m.partnerId, name: partnerName, stage: partnerStage as Stage },
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.sentAt, last.id) : null };
}

const REPLY_STAGE: Record<ReplyAnswer, Stage> = { interested: 'replied', not_now: 'replied', no: 'declined' };

/**
 * Records their answer; it stops the follow-up rule. "Not now" counts as a reply (the
 * conversation happened) and sets a check-back date so the partner returns on Today.
 */
export async function recordReply(deps: Deps, ctx: Ctx, partnerId: string, input: unknown): Promise<Reply> {
  const req = parseInput(ReplyRequestSchema, input);
  const partner = await showPartner(deps, ctx, partnerId);
  const profile = await showProfile(deps, ctx);
  const today = localDate(deps.clock(), profile.timeZone);
  const on = req.on ?? today;
  checkPast(on, today);
  const cycle = await partnerCycle(deps, ctx, partner.id);
  if (cycle.firstTouch && on < cycle.firstTouch.sentOn) {
    throw AppError.validation([
      { field: 'on', message: `cannot be before the first message (${cycle.firstTouch.sentOn})` },
    ]);
  }
  const reply: Reply = {
    id: deps.newId(),
    partnerId: partner.id,
    firstTouchId: cycle.firstTouch?.id ?? null,
    answer: req.answer,
    repliedOn: on,
    note: req.note ?? null,
  };
  const at = instantFor(deps, on, today, profile.timeZone);
  return inTransaction(deps, async (db) => {
    await insertReply(db, { ...reply, workspaceId: ctx.workspaceId, createdAt: nowIso(deps) });
    const label = { interested: 'Interested', not_now: 'Not now', no: 'No' }[req.answer];
    await record(
      deps,
      db,
      ctx,
      partner.id,
      'reply.recorded',
      `Replied: ${label}${reply.note ? ` (${reply.note})` : ''}`,
      { ...reply },
      at,
    );
    const to = REPLY_STAGE[req.answer];
    if (partner.stage !== to) await moveInTransaction(deps, db, ctx, partner.id, to, null, { at });
    if (req.answer === 'not_now' && !partner.nextActionDate) {
      await updatePartner(db, ctx.workspaceId, partner.id, {
        nextAction: 'Check back in after their "not now"',
        nextActionDate: addDays(on, NOT_NOW_CHECK_BACK_DAYS),
        updatedAt: nowIso(deps),
      });
    }
    return reply;
  });
}
