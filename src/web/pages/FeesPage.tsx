import { Chip, Group, Stack, Text } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { EmptyStep } from '../components/EmptyStep.js';
import { FeeLinesTable } from '../components/fees/FeeLinesTable.js';
import { FeeTotalsCards } from '../components/fees/FeeTotalsCards.js';
import { useWorkspace } from '../components/fees/useWorkspace.js';
import { csvExportUrl } from '../components/import/importApi.js';
import { PortabilityMenu } from '../components/import/PortabilityMenu.js';
import { PageHeader } from '../components/PageHeader.js';
import { dealsApi, type FeeListParams } from '../dealsApi.js';

const PERIODS = { month: 'Due this month', next3: 'Next 3 months', year: 'This year' } as const;
type FeePeriod = keyof typeof PERIODS;

/** Due-date ranges: fee lines mostly fall due in the months ahead. */
function feeRange(period: FeePeriod | null, today: string): { from?: string; to?: string } {
  if (!period) return {};
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  if (period === 'month') return { from: `${today.slice(0, 7)}-01`, to: monthEnd(y, m) };
  if (period === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  return { from: today, to: monthEnd(y, m + 3) };
}

export function FeesPage() {
  const [params, setParams] = useSearchParams();
  const ws = useWorkspace();
  const set = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const period = (params.get('period') as FeePeriod | null) ?? null;
  const range = feeRange(period, ws.today());
  const filters: FeeListParams = {
    ...range,
    direction: (params.get('direction') as FeeListParams['direction']) ?? undefined,
    status: (params.get('status') as FeeListParams['status']) ?? undefined,
  };
  const totals = useQuery({ queryKey: ['fees', 'totals', range], queryFn: () => dealsApi.feeTotals(range) });

  const chips = <K extends string>(key: string, options: Record<K, string>, label: string) => {
    const value = params.get(key);
    return (
      <Group gap={6} role="group" aria-label={label}>
        {(Object.keys(options) as K[]).map((k) => (
          <Chip
            key={k}
            size="sm"
            variant="outline"
            checked={value === k}
            onChange={() => set(key, value === k ? null : k)}
          >
            {options[k]}
          </Chip>
        ))}
      </Group>
    );
  };

  return (
    <>
      <PageHeader
        title="Fees"
        description="What you owe partners and what they owe you, worked out from won referrals and the terms in force."
        actions={<PortabilityMenu exportHref={(bom) => csvExportUrl('fees.csv', filters, bom)} />}
      />
      <Stack gap="lg">
        <Group gap={6} role="group" aria-label="Period">
          <Chip size="sm" variant="outline" checked={!period} onChange={() => set('period', null)}>
            Any time
          </Chip>
          {(Object.keys(PERIODS) as FeePeriod[]).map((k) => (
            <Chip
              key={k}
              size="sm"
              variant="outline"
              checked={period === k}
              onChange={() => set('period', period === k ? null : k)}
            >
              {PERIODS[k]}
            </Chip>
          ))}
        </Group>
        <FeeTotalsCards totals={totals.data} money={ws.money} />
        <Group gap="lg">
          {chips('direction', { payable: 'We pay', receivable: 'They pay' }, 'Direction')}
          {chips('status', { due: 'Due', overdue: 'Overdue', paid: 'Paid' }, 'Status')}
        </Group>
        <FeeLinesTable
          filters={filters}
          empty={
            <EmptyStep icon={IconCoin} title="No fee lines here">
              <Text size="sm" component="span">
                Fee lines appear on their own when a referral is marked won under an agreement with a fee: a percentage
                gives one line a month for the agreed months, a flat fee one line. Nothing to type twice.
              </Text>
            </EmptyStep>
          }
        />
      </Stack>
    </>
  );
}
