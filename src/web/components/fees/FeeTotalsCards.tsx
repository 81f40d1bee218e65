import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { FeeSums, FeeTotals } from '../../dealsApi.js';

/** Payable and receivable sums side by side: due (overdue included), overdue, paid. */
export function FeeTotalsCards({ totals, money }: { totals: FeeTotals | undefined; money(minor: number): string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Side
        title="We owe partners"
        hint="Payable: fees for clients partners sent us"
        sums={totals?.payable}
        money={money}
        testId="totals-payable"
      />
      <Side
        title="Partners owe us"
        hint="Receivable: fees for clients we sent them"
        sums={totals?.receivable}
        money={money}
        testId="totals-receivable"
      />
    </SimpleGrid>
  );
}

function Side({
  title,
  hint,
  sums,
  money,
  testId,
}: {
  title: string;
  hint: string;
  sums: FeeSums | undefined;
  money(minor: number): string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="section" aria-label={title}>
      <Text fw={650}>{title}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      <Group grow align="flex-start">
        {(['due', 'overdue', 'paid'] as const).map((k) => (
          <Stack key={k} gap={0}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {k}
            </Text>
            {sums ? (
              <Text
                size="lg"
                fw={650}
                className="tabular"
                c={k === 'overdue' && sums.overdue > 0 ? 'var(--pl-overdue)' : undefined}
                data-testid={`${testId}-${k}`}
              >
                {money(sums[k])}
              </Text>
            ) : (
              <Skeleton height={24} mt={2} />
            )}
          </Stack>
        ))}
      </Group>
    </Paper>
  );
}
