import { Chip, Group, Text } from '@mantine/core';

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];
const LABELS: Record<Period, string> = { month: 'This month', quarter: 'Last 3 months', year: 'This year' };

/** The from/to dates of a named period ending today (YYYY-MM-DD). */
export function periodRange(period: Period | null, today: string): { from?: string; to?: string } {
  if (!period) return {};
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (period === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (period === 'year') return { from: `${y}-01-01`, to: today };
  const back = new Date(Date.UTC(y, m - 1 - 2, 1));
  return { from: back.toISOString().slice(0, 10), to: today };
}

export function PeriodChips({ value, onChange }: { value: Period | null; onChange(p: Period | null): void }) {
  return (
    <Group gap={6} role="group" aria-label="Period">
      <Text size="xs" c="dimmed" fw={600} w={64}>
        Period
      </Text>
      <Chip size="sm" variant="outline" checked={!value} onChange={() => onChange(null)}>
        Any time
      </Chip>
      {PERIODS.map((p) => (
        <Chip
          key={p}
          size="sm"
          variant="outline"
          checked={value === p}
          onChange={() => onChange(value === p ? null : p)}
        >
          {LABELS[p]}
        </Chip>
      ))}
    </Group>
  );
}
