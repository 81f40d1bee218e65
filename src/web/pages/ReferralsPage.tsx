import { Button, Chip, Group, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconHeartHandshake, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_OUTCOMES,
  REFERRAL_SOURCES,
  type ReferralDirection,
  type ReferralOutcome,
  type ReferralSource,
} from '../../domain/referral.js';
import { EmptyStep } from '../components/EmptyStep.js';
import { useWorkspace } from '../components/fees/useWorkspace.js';
import { csvExportUrl } from '../components/import/importApi.js';
import { PortabilityMenu } from '../components/import/PortabilityMenu.js';
import { PageHeader } from '../components/PageHeader.js';
import { DIRECTION_LABELS, OUTCOME_LABELS, SOURCE_LABELS } from '../components/referrals/labels.js';
import { PartnerPicker } from '../components/referrals/PartnerPicker.js';
import { type Period, PeriodChips, periodRange } from '../components/referrals/PeriodChips.js';
import { QuickAddReferral } from '../components/referrals/QuickAddReferral.js';
import { ReferralTable } from '../components/referrals/ReferralTable.js';
import type { ReferralListParams } from '../dealsApi.js';

function ChipRow<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange(v: T | null): void;
}) {
  return (
    <Group gap={6} role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={600} w={64}>
        {label}
      </Text>
      {options.map((o) => (
        <Chip
          key={o}
          size="sm"
          variant="outline"
          checked={value === o}
          onChange={() => onChange(value === o ? null : o)}
        >
          {labels[o]}
        </Chip>
      ))}
    </Group>
  );
}

export function ReferralsPage() {
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const ws = useWorkspace();
  const get = <T extends string>(key: string) => (params.get(key) as T | null) ?? null;
  const update = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const period = get<Period>('period');
  const filters: ReferralListParams = {
    direction: get<ReferralDirection>('direction') ?? undefined,
    source: get<ReferralSource>('source') ?? undefined,
    outcome: get<ReferralOutcome>('outcome') ?? undefined,
    partnerId: get<string>('partner') ?? undefined,
    ...periodRange(period, ws.today()),
  };
  const filtered = [...params.keys()].length > 0;

  return (
    <>
      <PageHeader
        title="Referrals"
        description="Every lead a partner sent you and every client you sent them, with how it ended."
        actions={
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Log referral
            </Button>
            <PortabilityMenu
              importTo="/referrals/import"
              exportHref={(bom) => csvExportUrl('referrals.csv', filters, bom)}
            />
          </Group>
        }
      />
      <Stack gap={8} mb="md">
        <ChipRow
          label="Direction"
          options={REFERRAL_DIRECTIONS}
          labels={DIRECTION_LABELS}
          value={filters.direction ?? null}
          onChange={(v) => update('direction', v)}
        />
        <ChipRow
          label="Source"
          options={REFERRAL_SOURCES}
          labels={SOURCE_LABELS}
          value={filters.source ?? null}
          onChange={(v) => update('source', v)}
        />
        <ChipRow
          label="Outcome"
          options={REFERRAL_OUTCOMES}
          labels={OUTCOME_LABELS}
          value={filters.outcome ?? null}
          onChange={(v) => update('outcome', v)}
        />
        <Group gap="md" align="center">
          <PeriodChips value={period} onChange={(p) => update('period', p)} />
          <PartnerPicker
            aria-label="Partner"
            placeholder="Any partner"
            size="xs"
            w={220}
            value={filters.partnerId ?? null}
            onChange={(id) => update('partner', id)}
          />
          {filtered && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={14} />}
              onClick={() => setParams({})}
            >
              Clear filters
            </Button>
          )}
        </Group>
      </Stack>
      <ReferralTable
        filters={filters}
        empty={
          <EmptyStep
            icon={IconHeartHandshake}
            title={filtered ? 'No referral matches these filters' : 'No referrals logged yet'}
            action={
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Log referral
              </Button>
            }
          >
            {filtered
              ? 'Clear a filter to see more of the log.'
              : 'Log each lead a partner sends you and each one you pass on. Marking them won or lost is what works out the fees each way and shows which partners really send work.'}
          </EmptyStep>
        }
      />
      <QuickAddReferral opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
