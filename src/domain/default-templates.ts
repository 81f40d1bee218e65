import type { TemplateChannel, TemplateKind } from './template.js';

export interface DefaultTemplate {
  name: string;
  kind: TemplateKind;
  channel: TemplateChannel;
  subject: string | null;
  body: string;
}

/** The three templates every workspace starts with; owners edit them freely. */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    name: 'First touch',
    kind: 'first_touch',
    channel: 'any',
    subject: 'Could we send each other clients, {{partner.first_name}}?',
    body: `Hi {{partner.first_name}},

I run {{agency.name}}: {{agency.positioning}}.

We look after {{agency.ideal_client}}, and you work with {{partner.their_clients}}. Our clients keep asking for help we don't offer, and I suspect yours do too.

Would you be up for a 15-minute call to see whether we fit as referral partners? Here is my calendar if that is easier: {{agency.calendar_link}}

Thanks,
{{sender.name}}`,
  },
  {
    name: 'Follow-up',
    kind: 'follow_up',
    channel: 'any',
    subject: 'Re: Could we send each other clients, {{partner.first_name}}?',
    body: `Hi {{partner.first_name}},

Just bringing my note from last week back to the top of your inbox. If a quick 15-minute chat about swapping referrals sounds useful, pick any time here: {{agency.calendar_link}}

If the timing is wrong, no problem at all, and I won't keep nudging.

{{sender.name}}`,
  },
  {
    name: 'Bad-fit clarification',
    kind: 'bad_fit_clarification',
    channel: 'any',
    subject: 'The clients we are best for',
    body: `Hi {{partner.first_name}},

Thank you for thinking of us with your recent introductions. So that your referrals turn into work for both of us, here is who we serve best: {{agency.ideal_client}}.

A good introduction is someone who needs {{agency.services}} and is ready to start in the next month or two. Anyone outside that, we are happy to point elsewhere.

Glad to talk it through on a short call: {{agency.calendar_link}}

{{sender.name}}`,
  },
];
