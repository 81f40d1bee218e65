import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.js';

/** A searchable partner select that asks the server, so it stays quick with thousands of partners. */
export function PartnerPicker({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange(id: string | null): void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const list = useQuery({
    queryKey: ['partners', 'picker', q],
    queryFn: () => api.listPartners({ q: q || undefined, sort: 'name', limit: 30 }),
    placeholderData: keepPreviousData,
  });
  const selected = useQuery({
    queryKey: ['partner', value],
    queryFn: () => api.getPartner(value!),
    enabled: Boolean(value),
  });
  const options = (list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (selected.data && !options.some((o) => o.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }
  return (
    <Select
      searchable
      clearable
      placeholder="Find a partner…"
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'No partner by that name'}
      filter={({ options: o }) => o}
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      {...props}
    />
  );
}
