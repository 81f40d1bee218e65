import type { Stage } from '../domain/stage.js';

/** A small agency's first month of partner outreach, one or more partners at every stage. */
export const DEMO_PROFILE = {
  name: 'Northwind Social',
  positioning: 'We run social media end to end for B2B and professional-services firms.',
  idealClient: 'B2B and professional-services firms with 10–200 people',
  servicesOffered: 'Social strategy, content production, community management, paid social',
  servicesReferredOut: 'Websites, PR, brand identity, copywriting',
  senderName: 'Alex Rivera',
  senderEmail: 'alex@northwind.example',
  calendarLink: 'https://cal.example/northwind/fit-call',
};

export interface DemoPartner {
  name: string;
  company: string;
  contactName: string;
  email?: string;
  linkedinUrl?: string;
  website?: string;
  type: 'agency' | 'brand' | 'complementary';
  subtype: string;
  audience: string;
  tags: string[];
  notes?: string;
  nextAction?: string;
  /** Days from today; negative is overdue. */
  nextActionInDays?: number;
  /** The stages it went through after being identified, in order. */
  path: Stage[];
  /** How many days ago it was identified. */
  startedDaysAgo: number;
  /** When the last step of the path happened, if not soon after the one before. */
  lastStepDaysAgo?: number;
}

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    name: 'Brightline PR',
    company: 'Brightline Communications Ltd',
    contactName: 'Dana Whitfield',
    email: 'dana@brightline.example',
    website: 'https://brightline.example',
    type: 'agency',
    subtype: 'pr',
    audience: 'Law firms and accountancies launching thought leadership',
    tags: ['warm-intro', 'b2b'],
    notes: 'Met at the chamber breakfast. Their clients keep asking who runs social.',
    path: ['contacted', 'replied', 'call_booked', 'call_done', 'agreement'],
    startedDaysAgo: 75,
  },
  {
    name: 'Pixel & Pine',
    company: 'Pixel & Pine Studio',
    contactName: 'Marcus Oyelaran',
    email: 'marcus@pixelpine.example',
    website: 'https://pixelpine.example',
    type: 'agency',
    subtype: 'web',
    audience: 'Professional-services firms rebuilding their websites',
    tags: ['b2b'],
    path: ['contacted', 'followed_up', 'replied', 'call_booked'],
    nextAction: 'Fit call: bring two case studies',
    nextActionInDays: 2,
    startedDaysAgo: 16,
  },
  {
    name: 'Copy Kitchen',
    company: 'Copy Kitchen',
    contactName: 'Priya Natarajan',
    email: 'priya@copykitchen.example',
    linkedinUrl: 'https://www.linkedin.com/in/priya-natarajan-copy',
    type: 'complementary',
    subtype: 'copywriter',
    audience: 'Consultancies that need case studies and web copy',
    tags: ['reciprocal'],
    path: ['contacted', 'replied', 'call_booked', 'call_done'],
    nextAction: 'Send a one-page referral proposal',
    nextActionInDays: 0,
    startedDaysAgo: 21,
  },
  {
    name: 'Harbor Branding',
    company: 'Harbor Brand Partners',
    contactName: 'Tomás Ferreira',
    email: 'tomas@harborbrand.example',
    type: 'agency',
    subtype: 'branding',
    audience: 'Regional firms going through a rebrand',
    tags: [],
    path: ['contacted'],
    nextAction: 'Follow up once if no reply',
    nextActionInDays: 3,
    startedDaysAgo: 14,
  },
  {
    name: 'Summit Coaching',
    company: 'Summit Leadership Coaching',
    contactName: 'Grace Liu',
    linkedinUrl: 'https://www.linkedin.com/in/grace-liu-summit',
    type: 'complementary',
    subtype: 'coach',
    audience: 'Founders of 20–100 person service businesses',
    tags: ['linkedin'],
    path: ['contacted', 'followed_up'],
    nextAction: 'Wait for a reply; mark no response after two weeks',
    nextActionInDays: 9,
    startedDaysAgo: 9,
  },
  {
    name: 'Ledgerly',
    company: 'Ledgerly Inc.',
    contactName: 'Sam Okafor',
    email: 'sam@ledgerly.example',
    website: 'https://ledgerly.example',
    type: 'brand',
    subtype: 'accounting software',
    audience: 'Small accountancies and bookkeepers',
    tags: ['co-marketing'],
    notes: 'Interested in a joint webinar before any referral deal.',
    path: ['contacted', 'replied'],
    nextAction: 'Offer three call slots',
    nextActionInDays: -1,
    startedDaysAgo: 12,
  },
  {
    name: 'Fieldnote Design',
    company: 'Fieldnote Design Co.',
    contactName: 'Ines Dubois',
    email: 'ines@fieldnote.example',
    type: 'complementary',
    subtype: 'designer',
    audience: 'B2B startups that need pitch decks and brand assets',
    tags: [],
    path: [],
    nextAction: 'Send the first-touch message',
    nextActionInDays: 0,
    startedDaysAgo: 1,
  },
  {
    name: 'Crestview Consulting',
    company: 'Crestview Consulting Group',
    contactName: 'Robert Hale',
    email: 'robert@crestview.example',
    type: 'complementary',
    subtype: 'consultant',
    audience: 'Mid-size law firms improving business development',
    tags: ['b2b'],
    path: ['contacted', 'followed_up', 'declined'],
    notes: 'Already works with an in-house social team. Try again next year.',
    startedDaysAgo: 30,
  },
  {
    name: 'Northstar Marketing',
    company: 'Northstar Marketing Partners',
    contactName: 'Hannah Berg',
    email: 'hannah@northstar.example',
    type: 'agency',
    subtype: 'marketing',
    audience: 'SaaS companies running paid search',
    tags: [],
    path: ['contacted', 'followed_up', 'no_response'],
    startedDaysAgo: 35,
  },
  {
    name: 'Greenleaf Organics',
    company: 'Greenleaf Organics',
    contactName: 'Jonah Price',
    email: 'jonah@greenleaf.example',
    type: 'brand',
    subtype: 'food and drink',
    audience: 'Health-conscious office managers',
    tags: ['co-marketing'],
    path: ['contacted', 'replied', 'call_booked', 'call_done', 'agreement', 'paused'],
    notes: 'Paused while their marketing lead is on leave.',
    startedDaysAgo: 240,
    lastStepDaysAgo: 20,
  },
  {
    name: 'Atlas Web Works',
    company: 'Atlas Web Works',
    contactName: 'Chen Wei',
    email: 'chen@atlasweb.example',
    website: 'https://atlasweb.example',
    type: 'agency',
    subtype: 'web',
    audience: 'Architecture and engineering practices',
    tags: ['b2b', 'reciprocal'],
    path: ['contacted', 'replied', 'call_booked', 'call_done', 'agreement'],
    nextAction: 'Quarterly check-in on referrals',
    nextActionInDays: 14,
    startedDaysAgo: 200,
  },
  {
    name: 'Keystone Coaching',
    company: 'Keystone Sales Coaching',
    contactName: 'Olivia Grant',
    email: 'olivia@keystone.example',
    type: 'complementary',
    subtype: 'coach',
    audience: 'Sales teams at professional-services firms',
    tags: [],
    path: ['contacted', 'replied', 'call_booked', 'call_done', 'agreement', 'ended'],
    notes: 'Agreement ended when Olivia moved to a corporate role.',
    startedDaysAgo: 300,
    lastStepDaysAgo: 90,
  },
];

/** Terms for the partners that reach an agreement, by name. */
export const DEMO_TERMS: Record<string, { feeToThem: unknown; feeToUs: unknown; handoff: string; notes?: string }> = {
  'Brightline PR': {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'percent', percent: 10, months: 3 },
    handoff: 'Dana sends a short intro e-mail copying both sides; we reply within one working day.',
  },
  'Atlas Web Works': {
    feeToThem: { kind: 'none' },
    feeToUs: { kind: 'none' },
    handoff: 'Clients book a fit call through our calendar link.',
    notes: 'Reciprocal: no fees either way.',
  },
  'Greenleaf Organics': {
    feeToThem: { kind: 'flat', amount: 25_000 },
    feeToUs: { kind: 'none' },
    handoff: 'Jonah forwards the contact; we call within two days.',
  },
  'Keystone Coaching': {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'none' },
    handoff: 'Intro e-mail from Olivia.',
  },
};

export interface DemoReferral {
  /** Partner name, or a source for leads that did not come from a partner. */
  from: string | 'inbound' | 'cold' | 'other';
  direction?: 'received' | 'given';
  lead: string;
  company: string;
  daysAgo: number;
  outcome: 'pending' | 'won' | 'lost';
  /** Monthly value in minor units, for won leads. */
  value?: number;
  lostReason?: 'bad_fit' | 'price' | 'timing' | 'no_response' | 'other';
  fit?: 'good' | 'bad';
  /**
   * The client starts in the month the sample is loaded (on the 1st at the earliest), so the
   * review's default period, this month, has a partner win on any day of the month.
   */
  startsThisMonth?: boolean;
}

/** Six months of leads: partnerships bring most of the revenue, one partner sends poor fits lately. */
export const DEMO_REFERRALS: DemoReferral[] = [
  {
    from: 'Brightline PR',
    lead: 'Mara Quinn',
    company: 'Quinn & Hale LLP',
    daysAgo: 30,
    outcome: 'won',
    value: 250_000,
    fit: 'good',
    startsThisMonth: true,
  },
  {
    from: 'Brightline PR',
    lead: 'Owen Park',
    company: 'Park Advisory',
    daysAgo: 22,
    outcome: 'won',
    value: 180_000,
    fit: 'good',
    startsThisMonth: true,
  },
  { from: 'Brightline PR', lead: 'Lena Ford', company: 'Ford Tax Partners', daysAgo: 9, outcome: 'pending' },
  { from: 'Brightline PR', lead: 'Ravi Shah', company: 'Shah Legal', daysAgo: 0, outcome: 'pending' },
  {
    from: 'Atlas Web Works',
    lead: 'Iris Cole',
    company: 'Cole Architects',
    daysAgo: 150,
    outcome: 'won',
    value: 150_000,
    fit: 'good',
  },
  {
    from: 'Atlas Web Works',
    lead: 'Tom Reyes',
    company: 'Reyes Engineering',
    daysAgo: 75,
    outcome: 'lost',
    lostReason: 'bad_fit',
    fit: 'bad',
  },
  {
    from: 'Atlas Web Works',
    lead: 'Nina Brook',
    company: 'Brook Studio',
    daysAgo: 40,
    outcome: 'lost',
    lostReason: 'bad_fit',
    fit: 'bad',
  },
  {
    from: 'Atlas Web Works',
    lead: 'Paul Kerr',
    company: 'Kerr Surveyors',
    daysAgo: 12,
    outcome: 'lost',
    lostReason: 'price',
    fit: 'good',
  },
  {
    from: 'Greenleaf Organics',
    lead: 'Ada Lim',
    company: 'Lim Wellness',
    daysAgo: 170,
    outcome: 'won',
    value: 90_000,
    fit: 'good',
  },
  {
    from: 'Keystone Coaching',
    lead: 'Gus Romero',
    company: 'Romero Sales Group',
    daysAgo: 200,
    outcome: 'won',
    value: 120_000,
    fit: 'good',
  },
  { from: 'inbound', lead: 'Beth Young', company: 'Young Dental Group', daysAgo: 60, outcome: 'won', value: 80_000 },
  { from: 'inbound', lead: 'Carl Dunn', company: 'Dunn Logistics', daysAgo: 18, outcome: 'lost', lostReason: 'timing' },
  { from: 'inbound', lead: 'Eva Moss', company: 'Moss Interiors', daysAgo: 5, outcome: 'pending' },
  { from: 'cold', lead: 'Finn Hart', company: 'Hart Freight', daysAgo: 45, outcome: 'lost', lostReason: 'no_response' },
  { from: 'cold', lead: 'Gina Lowe', company: 'Lowe Consulting', daysAgo: 20, outcome: 'won', value: 60_000 },
  {
    from: 'Brightline PR',
    direction: 'given',
    lead: 'Hugo Bell',
    company: 'Bell Bakery',
    daysAgo: 25,
    outcome: 'won',
    value: 300_000,
  },
  {
    from: 'Atlas Web Works',
    direction: 'given',
    lead: 'Ivy Nash',
    company: 'Nash Florists',
    daysAgo: 14,
    outcome: 'pending',
  },
];
