/**
 * A populated workspace as SQL rows, by table and SQL column name, written against the newest
 * schema. A database at an earlier version gets the rows of the tables it has, with the columns
 * it has (later migrations only add), so one fixture serves every version. Rows are consistent
 * with each other (keys, fee lines of the won referral, stage history) and hold the kinds of
 * text a real workspace has.
 */
const WS = 'ws0fixture0000000000000000';
const T = '2026-10-01T09:00:00.000Z';
const P1 = 'p10fixture0000000000000000';
const P2 = 'p20fixture0000000000000000';
const P3 = 'p30fixture0000000000000000';
const A1 = 'a10fixture0000000000000000';
const R1 = 'r10fixture0000000000000000';
const M1 = 'm10fixture0000000000000000';

type Row = Record<string, string | number | null>;

const partner = (id: string, name: string, over: Row): Row => ({
  id,
  workspace_id: WS,
  name,
  company: null,
  contact_name: null,
  email: null,
  linkedin_url: null,
  website: null,
  email_key: null,
  linkedin_key: null,
  website_key: null,
  type: 'agency',
  subtype: null,
  audience: null,
  stage: 'identified',
  owner: null,
  notes: null,
  next_action: null,
  next_action_date: null,
  archived_at: null,
  created_at: T,
  updated_at: T,
  bad_fit: 0,
  ...over,
});

const activity = (id: string, partnerId: string, kind: string, data: object, at: string): Row => ({
  id,
  workspace_id: WS,
  partner_id: partnerId,
  kind,
  summary: kind,
  data: JSON.stringify(data),
  at,
});

const referral = (id: string, over: Row): Row => ({
  id,
  workspace_id: WS,
  direction: 'received',
  source: 'partner',
  partner_id: P1,
  lead_name: `Lead ${id.slice(0, 2)}`,
  company: null,
  contact: null,
  date: '2026-10-02',
  notes: null,
  outcome: 'pending',
  lost_reason: null,
  fit: null,
  monthly_value: null,
  start_date: null,
  end_date: null,
  created_at: T,
  updated_at: T,
  ...over,
});

const feeLine = (seq: number, amount: number, due: string, status: string, paidOn: string | null): Row => ({
  id: `f${seq}0fixture0000000000000000`,
  workspace_id: WS,
  referral_id: R1,
  partner_id: P1,
  agreement_id: A1,
  direction: 'payable',
  seq,
  due_date: due,
  amount,
  status,
  paid_on: paidOn,
  created_at: T,
});

/** Parents before children, as inserts need them. */
export const FIXTURE: [table: string, rows: Row[]][] = [
  [
    'workspaces',
    [
      {
        id: WS,
        name: 'Fixture Agency — “quotes” & ünïcode',
        positioning: 'short-form video for DTC skincare brands',
        ideal_client: 'skincare brands',
        services_offered: 'TikTok production',
        services_referred_out: 'web design',
        sender_name: 'Sam Rivera',
        sender_email: 'sam@fixture.example',
        calendar_link: 'https://cal.example/sam',
        currency: 'EUR',
        time_zone: 'Europe/Berlin',
        monthly_revenue_target: 900_000,
        monthly_platform_cost: 25_000,
        review_cadence: 'monthly',
        partner_target: 8,
        follow_up_min_days: 5,
        follow_up_max_days: 7,
        no_response_days: 14,
        created_at: T,
        updated_at: T,
      },
    ],
  ],
  [
    'partners',
    [
      partner(P1, 'Brightline PR', {
        type: 'agency',
        subtype: 'pr',
        email: 'Dana@Brightline.example',
        email_key: 'dana@brightline.example',
        stage: 'agreement',
        notes: 'Line one\nline two — 🙂',
        next_action_date: '2026-12-01',
        // Two of its last three judged referrals were a bad fit (below), as the app records it
        // from 007 on; versions before 007 have no such column and leave it to the migration.
        bad_fit: 1,
      }),
      partner(P2, 'Copy Kitchen', { type: 'complementary', subtype: 'copywriter', stage: 'contacted' }),
      partner(P3, 'Dormant Studio', { type: 'brand', archived_at: '2026-10-05T10:00:00.000Z' }),
    ],
  ],
  [
    'partner_tags',
    [
      { workspace_id: WS, partner_id: P1, tag: 'vip' },
      { workspace_id: WS, partner_id: P1, tag: 'warm leads' },
    ],
  ],
  [
    'activities',
    [
      activity('ac1fixture0000000000000000', P1, 'partner.created', { stage: 'identified' }, T),
      activity('ac2fixture0000000000000000', P2, 'partner.created', { stage: 'identified' }, T),
      activity('ac3fixture0000000000000000', P3, 'partner.created', { stage: 'identified' }, T),
      activity(
        'ac4fixture0000000000000000',
        P1,
        'stage.changed',
        { from: 'identified', to: 'agreement' },
        '2026-10-03T09:00:00.000Z',
      ),
      activity(
        'ac5fixture0000000000000000',
        P2,
        'stage.changed',
        { from: 'identified', to: 'contacted' },
        '2026-10-04T09:00:00.000Z',
      ),
      activity('ac6fixture0000000000000000', P1, 'note', {}, '2026-10-06T09:00:00.000Z'),
    ],
  ],
  [
    'stage_events',
    [
      { id: 'se1fixture0000000000000000', workspace_id: WS, partner_id: P1, stage: 'identified', at: T },
      { id: 'se2fixture0000000000000000', workspace_id: WS, partner_id: P2, stage: 'identified', at: T },
      { id: 'se3fixture0000000000000000', workspace_id: WS, partner_id: P3, stage: 'identified', at: T },
      {
        id: 'se4fixture0000000000000000',
        workspace_id: WS,
        partner_id: P1,
        stage: 'agreement',
        at: '2026-10-03T09:00:00.000Z',
      },
      {
        id: 'se5fixture0000000000000000',
        workspace_id: WS,
        partner_id: P2,
        stage: 'contacted',
        at: '2026-10-04T09:00:00.000Z',
      },
    ],
  ],
  [
    'templates',
    [
      {
        id: 'tp1fixture0000000000000000',
        workspace_id: WS,
        name: 'Fixture intro',
        kind: 'other',
        channel: 'any',
        subject: 'Hello {{partner.first_name}}',
        body: 'Hi {{partner.first_name}}, {{agency.name}} here.',
        is_default: 0,
        created_at: T,
        updated_at: T,
      },
    ],
  ],
  [
    'messages',
    [
      {
        id: M1,
        workspace_id: WS,
        partner_id: P2,
        template_id: null,
        first_touch_id: null,
        kind: 'first_touch',
        channel: 'linkedin',
        delivery: 'copied',
        recipient: null,
        subject: null,
        body: 'Hi there, a short note.',
        message_id: null,
        sent_on: '2026-10-04',
        sent_at: '2026-10-04T09:00:00.000Z',
        created_at: '2026-10-04T09:00:00.000Z',
      },
    ],
  ],
  [
    'replies',
    [
      {
        id: 'rp1fixture0000000000000000',
        workspace_id: WS,
        partner_id: P2,
        first_touch_id: M1,
        answer: 'not_now',
        replied_on: '2026-10-08',
        note: 'Ask again in Q1',
        created_at: '2026-10-08T09:00:00.000Z',
      },
    ],
  ],
  [
    'calls',
    [
      {
        id: 'ca1fixture0000000000000000',
        workspace_id: WS,
        partner_id: P1,
        starts_at: '2026-12-02T14:30:00.000Z',
        minutes: 20,
        meeting_link: 'https://meet.example/x?a=1,b;c',
        status: 'booked',
        agenda: 'Fit call',
        notes: null,
        their_ideal_client: null,
        their_services: null,
        fit: null,
        next_step: null,
        completed_at: null,
        created_at: T,
        updated_at: T,
      },
    ],
  ],
  [
    'agreements',
    [
      {
        id: A1,
        workspace_id: WS,
        partner_id: P1,
        status: 'active',
        form: 'informal',
        they_refer_to_us: 'Brands launching products',
        we_refer_to_them: 'Clients who need PR',
        fee_to_them: JSON.stringify({ kind: 'percent', percent: 10, months: 3 }),
        fee_to_us: JSON.stringify({ kind: 'none' }),
        handoff_method: 'intro_email',
        handoff_instructions: 'One e-mail to both',
        exclusivity: 'none',
        start_date: '2026-09-01',
        review_date: null,
        signed_date: null,
        end_date: null,
        disputed_terms: '[]',
        notes: null,
        created_at: T,
        updated_at: T,
      },
    ],
  ],
  [
    'referrals',
    [
      referral(R1, {
        outcome: 'won',
        fit: 'good',
        monthly_value: 400_000,
        start_date: '2026-10-15',
        lead_name: 'Acme Skincare',
      }),
      referral('r20fixture0000000000000000', {
        outcome: 'lost',
        lost_reason: 'bad_fit',
        fit: 'bad',
        date: '2026-10-10',
      }),
      referral('r30fixture0000000000000000', {
        outcome: 'lost',
        lost_reason: 'bad_fit',
        fit: 'bad',
        date: '2026-10-12',
      }),
      referral('r40fixture0000000000000000', { source: 'inbound', partner_id: null, date: '2026-10-20' }),
    ],
  ],
  [
    'fee_lines',
    [
      feeLine(1, 40_000, '2026-11-15', 'paid', '2026-11-16'),
      feeLine(2, 40_000, '2026-12-15', 'due', null),
      feeLine(3, 40_000, '2027-01-15', 'due', null),
    ],
  ],
  [
    'reviews',
    [
      {
        id: 'rv1fixture0000000000000000',
        workspace_id: WS,
        period_kind: 'month',
        period_label: '2026-10',
        period_from: '2026-10-01',
        period_to: '2026-10-31',
        figures: JSON.stringify({ period: { kind: 'month', label: '2026-10', from: '2026-10-01', to: '2026-10-31' } }),
        notes: 'Fixture review',
        decisions: null,
        reviewed_at: '2026-11-01T09:00:00.000Z',
      },
    ],
  ],
];

export const FIXTURE_IDS = { workspace: WS, partners: [P1, P2, P3], badFitPartner: P1, referral: R1, agreement: A1 };
