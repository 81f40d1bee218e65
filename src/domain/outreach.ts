export const MESSAGE_CHANNELS = ['email', 'linkedin', 'manual'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** How a message left: through our SMTP server, or copied by the owner and marked sent. */
export type Delivery = 'smtp' | 'copied';

export interface Message {
  id: string;
  partnerId: string;
  templateId: string | null;
  /** For a follow-up, the first touch it follows. */
  firstTouchId: string | null;
  kind: string;
  channel: MessageChannel;
  delivery: Delivery;
  recipient: string | null;
  subject: string | null;
  body: string;
  /** The SMTP Message-ID when sent by e-mail. */
  messageId: string | null;
  sentOn: string;
  sentAt: string;
}

export const REPLY_ANSWERS = ['interested', 'not_now', 'no'] as const;
export type ReplyAnswer = (typeof REPLY_ANSWERS)[number];

export interface Reply {
  id: string;
  partnerId: string;
  firstTouchId: string | null;
  answer: ReplyAnswer;
  repliedOn: string;
  note: string | null;
}

export const FITS = ['yes', 'no', 'maybe'] as const;
export type Fit = (typeof FITS)[number];

export type CallStatus = 'booked' | 'done';

export interface Call {
  id: string;
  partnerId: string;
  startsAt: string;
  minutes: number;
  meetingLink: string | null;
  status: CallStatus;
  agenda: string | null;
  notes: string | null;
  theirIdealClient: string | null;
  theirServices: string | null;
  fit: Fit | null;
  nextStep: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** "Not now" keeps the door open: the partner comes back on Today after this many days. */
export const NOT_NOW_CHECK_BACK_DAYS = 90;
