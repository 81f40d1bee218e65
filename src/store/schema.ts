import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table shapes as Kysely sees them (camelCase; the columns are snake_case). */
export interface WorkspaceTable {
  id: string;
  name: string;
  positioning: string | null;
  idealClient: string | null;
  servicesOffered: string | null;
  servicesReferredOut: string | null;
  senderName: string | null;
  senderEmail: string | null;
  calendarLink: string | null;
  currency: string;
  timeZone: string;
  monthlyRevenueTarget: number;
  monthlyPlatformCost: number;
  reviewCadence: string;
  partnerTarget: number;
  followUpMinDays: number;
  followUpMaxDays: number;
  noResponseDays: number;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerTable {
  id: string;
  workspaceId: string;
  name: string;
  company: string | null;
  contactName: string | null;
  email: string | null;
  linkedinUrl: string | null;
  website: string | null;
  emailKey: string | null;
  linkedinKey: string | null;
  websiteKey: string | null;
  type: string;
  subtype: string | null;
  audience: string | null;
  stage: string;
  owner: string | null;
  notes: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** 1 when the bad-fit rule flags the partner; refreshed on every referral change. */
  badFit: Generated<number>;
}

export interface PartnerTagTable {
  workspaceId: string;
  partnerId: string;
  tag: string;
}

export interface ActivityTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  kind: string;
  summary: string;
  data: string;
  at: string;
}

export interface StageEventTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  stage: string;
  at: string;
}

export interface ReviewTable {
  id: string;
  workspaceId: string;
  periodKind: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  figures: string;
  notes: string | null;
  decisions: string | null;
  reviewedAt: string;
}

export interface DB {
  workspaces: WorkspaceTable;
  partners: PartnerTable;
  partnerTags: PartnerTagTable;
  activities: ActivityTable;
  stageEvents: StageEventTable;
  templates: TemplateTable;
  messages: MessageTable;
  replies: ReplyTable;
  calls: CallTable;
  agreements: AgreementTable;
  referrals: ReferralTable;
  feeLines: FeeLineTable;
  reviews: ReviewTable;
}

export type PartnerRow = Selectable<PartnerTable>;
export type NewPartnerRow = Insertable<PartnerTable>;
export type PartnerRowUpdate = Updateable<PartnerTable>;
export type WorkspaceRow = Selectable<WorkspaceTable>;
export type ActivityRow = Selectable<ActivityTable>;

export interface TemplateTable {
  id: string;
  workspaceId: string;
  name: string;
  kind: string;
  channel: string;
  subject: string | null;
  body: string;
  isDefault: number;
  createdAt: string;
  updatedAt: string;
}

export interface MessageTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  templateId: string | null;
  firstTouchId: string | null;
  kind: string;
  channel: string;
  delivery: string;
  recipient: string | null;
  subject: string | null;
  body: string;
  messageId: string | null;
  sentOn: string;
  sentAt: string;
  createdAt: string;
}

export interface ReplyTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  firstTouchId: string | null;
  answer: string;
  repliedOn: string;
  note: string | null;
  createdAt: string;
}

export interface CallTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  startsAt: string;
  minutes: number;
  meetingLink: string | null;
  status: string;
  agenda: string | null;
  notes: string | null;
  theirIdealClient: string | null;
  theirServices: string | null;
  fit: string | null;
  nextStep: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgreementTable {
  id: string;
  workspaceId: string;
  partnerId: string;
  status: string;
  form: string;
  theyReferToUs: string | null;
  weReferToThem: string | null;
  feeToThem: string;
  feeToUs: string;
  handoffMethod: string | null;
  handoffInstructions: string | null;
  exclusivity: string;
  startDate: string | null;
  reviewDate: string | null;
  signedDate: string | null;
  endDate: string | null;
  disputedTerms: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralTable {
  id: string;
  workspaceId: string;
  direction: string;
  source: string;
  partnerId: string | null;
  leadName: string;
  company: string | null;
  contact: string | null;
  date: string;
  notes: string | null;
  outcome: string;
  lostReason: string | null;
  fit: string | null;
  monthlyValue: number | null;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeeLineTable {
  id: string;
  workspaceId: string;
  referralId: string;
  partnerId: string;
  agreementId: string | null;
  direction: string;
  seq: number;
  dueDate: string;
  amount: number;
  status: string;
  paidOn: string | null;
  createdAt: string;
}
