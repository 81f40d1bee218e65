import { Badge, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { NAV } from '../nav.js';

const STEPS = {
  today: {
    label: 'Today',
    purpose:
      'Your short list for the day: the follow-ups that are due, replies waiting for an answer and calls to prepare, so a few minutes between client work keep every partnership moving.',
  },
  outreach: {
    label: 'Outreach',
    purpose:
      'Message templates written for each kind of partner, filled in with their details, and a log of every message you sent so follow-ups go out on time.',
  },
  agreements: {
    label: 'Agreements',
    purpose:
      'The terms you agree with each partner (referral fee, how leads are passed on, how long it runs) kept as a one-page summary you can print or share.',
  },
  referrals: {
    label: 'Referrals',
    purpose:
      'Every lead a partner sends you and every client you send them, from first introduction to signed project, so nobody is forgotten.',
  },
  fees: {
    label: 'Fees',
    purpose: 'Referral fees owed and paid in both directions, in your currency, so thank-yous arrive on time.',
  },
  review: {
    label: 'Review',
    purpose:
      'A regular look back: which partners bring work, how outreach converts and how close you are to your monthly revenue target.',
  },
} as const;

export type Step = keyof typeof STEPS;

/** A calm placeholder for a capability that is not built yet: what it is for, no fake data. */
export function ComingSoonPage({ step }: { step: Step }) {
  const info = STEPS[step];
  const Icon = NAV.find((n) => n.label === info.label)?.icon;
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 40 }} maw={720} mx="auto" mt="xl">
      <Stack gap="md" align="flex-start">
        {Icon && (
          <ThemeIcon size={48} radius="xl" variant="light">
            <Icon size={26} />
          </ThemeIcon>
        )}
        <Title order={1} size="h2">
          {info.label}
        </Title>
        <Text>{info.purpose}</Text>
        <Badge variant="light" color="gray" tt="none">
          Arrives in a coming release
        </Badge>
      </Stack>
    </Paper>
  );
}
