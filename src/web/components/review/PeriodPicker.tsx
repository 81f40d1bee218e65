import { Group, Select, TextInput } from '@mantine/core';
import type { PeriodMode } from './period.js';
import type { PeriodParams } from './reviewApi.js';

const MODES: { value: PeriodMode; label: string }[] = [
  { value: 'this-week', label: 'This week' },
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'week', label: 'A chosen week' },
  { value: 'month', label: 'A chosen month' },
  { value: 'range', label: 'Custom range' },
];

/** Quick choices plus the browser's own week, month and date inputs (they speak the API's formats). */
export function PeriodPicker({
  mode,
  params,
  onMode,
  onParams,
}: {
  mode: PeriodMode;
  params: PeriodParams;
  onMode: (mode: PeriodMode) => void;
  onParams: (params: PeriodParams) => void;
}) {
  return (
    <Group gap="sm" align="flex-end" className="no-print" wrap="wrap">
      <Select
        label="Period"
        data={MODES}
        value={mode}
        onChange={(v) => v && onMode(v as PeriodMode)}
        allowDeselect={false}
        w={170}
      />
      {mode === 'week' && (
        <TextInput
          type="week"
          label="Week"
          value={params.week ?? ''}
          onChange={(e) => e.currentTarget.value && onParams({ week: e.currentTarget.value })}
        />
      )}
      {mode === 'month' && (
        <TextInput
          type="month"
          label="Month"
          value={params.month ?? ''}
          onChange={(e) => e.currentTarget.value && onParams({ month: e.currentTarget.value })}
        />
      )}
      {mode === 'range' && (
        <>
          <TextInput
            type="date"
            label="From"
            value={params.from ?? ''}
            max={params.to}
            onChange={(e) => e.currentTarget.value && onParams({ ...params, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="To"
            value={params.to ?? ''}
            min={params.from}
            onChange={(e) => e.currentTarget.value && onParams({ ...params, to: e.currentTarget.value })}
          />
        </>
      )}
    </Group>
  );
}
