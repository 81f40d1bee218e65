import { Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { PARTNER_TYPES } from '../../domain/partner.js';
import { STAGE_LABELS, STAGES } from '../../domain/stage.js';
import type { PartnerListParams } from '../api.js';
import { TYPE_LABELS } from './partnerFormValues.js';

interface Props {
  filters: PartnerListParams;
  update(changes: Record<string, string | null>): void;
  showStage: boolean;
}

export function PartnerFilters({ filters, update, showStage }: Props) {
  const [q, setQ] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const pushQ = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 250);
  const pushTag = useDebouncedCallback((v: string) => update({ tag: v.trim() || null }), 250);
  const active = Boolean(filters.q || filters.tag || filters.type || (showStage && filters.stage));
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name, company, e-mail, notes"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        rightSection={
          q ? (
            <CloseButton
              size="sm"
              aria-label="Clear search"
              onClick={() => {
                setQ('');
                update({ q: null });
              }}
            />
          ) : null
        }
        w={{ base: '100%', xs: 260 }}
      />
      <Select
        label="Type"
        placeholder="All types"
        clearable
        data={PARTNER_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        value={filters.type ?? null}
        onChange={(v) => update({ type: v })}
        w={{ base: 'calc(50% - 6px)', xs: 200 }}
      />
      {showStage && (
        <Select
          label="Stage"
          placeholder="All stages"
          clearable
          data={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          value={filters.stage ?? null}
          onChange={(v) => update({ stage: v })}
          w={{ base: 'calc(50% - 6px)', xs: 180 }}
        />
      )}
      <TextInput
        label="Tag"
        placeholder="Any tag"
        leftSection={<IconTag size={16} aria-hidden />}
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          pushTag(e.currentTarget.value);
        }}
        w={{ base: 'calc(50% - 6px)', xs: 160 }}
      />
      {active && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            setQ('');
            setTag('');
            update({ q: null, tag: null, type: null, stage: null });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
