import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.js';

/** Finds a partner by name, company or e-mail on the server and opens it (or hands it to `onPick`). */
export function PartnerSearch({
  onPick,
  label = 'Search partners',
  autoFocus,
}: {
  onPick?: (id: string) => void;
  label?: string;
  /** Takes the focus when shown in a dialog. */
  autoFocus?: boolean;
} = {}) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['partners', 'search', q],
    queryFn: () => api.listPartners({ q, limit: 8, archived: 'include' }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = q ? (results.data?.items ?? []) : [];
  return (
    <Select
      aria-label={label}
      data-autofocus={autoFocus || undefined}
      placeholder={`${label}…`}
      leftSection={<IconSearch size={16} aria-hidden />}
      searchable
      clearable={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={items.map((p) => ({
        value: p.id,
        label: [p.name, p.company, p.email].filter(Boolean).join(' · '),
      }))}
      nothingFoundMessage={q && results.isFetched ? 'No partner matches' : undefined}
      onChange={(id) => {
        if (!id) return;
        setSearch('');
        if (onPick) onPick(id);
        else navigate(`/partners/${id}`);
      }}
      rightSection={<span />}
      w={{ base: '100%', sm: 360 }}
      style={{ flex: '0 1 360px', minWidth: 0 }}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
    />
  );
}
