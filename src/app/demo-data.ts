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
    startedDaysAgo: 40,
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
    startedDaysAgo: 3,
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
    startedDaysAgo: 75,
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
    startedDaysAgo: 60,
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
    startedDaysAgo: 120,
  },
];
