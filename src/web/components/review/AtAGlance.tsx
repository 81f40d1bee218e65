import { Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Review } from './reviewApi.js';
import { money, multiple, percent } from './reviewFormat.js';

function Figure({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} className="tabular" data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The answer to "how are partnerships doing against the goal?" before any chart. */
export function AtAGlance({ review }: { review: Review }) {
  const { goal, currency, sources } = review;
  const m = (v: number) => money(v, currency);
  const progress = Math.max(0, Math.min(1, goal.progress ?? 0));
  const pct = Math.round(progress * 100);
  return (
    <section aria-label="At a glance" className="review-section">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Figure
          label="New monthly revenue won"
          value={m(goal.newMonthlyRevenue)}
          hint={`${m(goal.newPartnerMonthlyRevenue)} of it from partners · target ${m(goal.monthlyTarget)}/month`}
          testId="glance-new-revenue"
        />
        <Figure
          label="Share from partnerships"
          value={percent(sources.partnershipShare)}
          hint="of the new monthly revenue won"
          testId="glance-partnership-share"
        />
        <Figure
          label="Return on platform cost"
          value={multiple(goal.returnOnCost)}
          hint={`recurring partner revenue ÷ ${m(goal.monthlyPlatformCost)}/month cost`}
          testId="glance-return-on-cost"
        />
        <Paper withBorder radius="lg" p="md">
          <Group gap="md" wrap="nowrap" align="center">
            <RingProgress
              size={92}
              thickness={10}
              roundCaps={pct > 0}
              sections={[{ value: pct, color: 'teal' }]}
              label={
                <Text ta="center" fw={700} size="sm" className="tabular">
                  {pct}%
                </Text>
              }
              aria-hidden
            />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed">
                Recurring partner revenue
              </Text>
              <Text fw={700} fz="xl" className="tabular" data-testid="glance-recurring">
                {m(goal.recurringPartnerRevenue)}
              </Text>
              <Text size="sm" c="dimmed" data-testid="glance-gap">
                {goal.gap > 0 ? `${m(goal.gap)} to the target` : 'Target reached'}
              </Text>
            </Stack>
          </Group>
        </Paper>
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Progress toward the {m(goal.monthlyTarget)} monthly target
          </Text>
          <Text size="sm" className="tabular" data-testid="glance-progress">
            {percent(goal.progress)}
          </Text>
        </Group>
        <Progress
          value={pct}
          size="lg"
          radius="xl"
          aria-label={`Recurring partner revenue is ${pct}% of the monthly target`}
        />
      </Stack>
    </section>
  );
}
