import { Badge, Group, Paper, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { api, type PartnerListParams, type PartnerSort } from '../api.js';
import { calendarDate, dueLabel, exactTime, isOverdue, relativeTime } from '../format.js';
import { useWorkspace } from './fees/useWorkspace.js';
import { LoadMore } from './ListParts.js';
import { capitalize, TYPE_LABELS } from './partnerFormValues.js';
import { StageBadge } from './StageBadge.js';
import { useKeysetPages } from './useKeysetPages.js';

interface Props {
  filters: PartnerListParams;
  sort: PartnerSort;
  dir: 'asc' | 'desc';
  onSort(sort: PartnerSort, dir: 'asc' | 'desc'): void;
}

const COLUMNS: { key: PartnerSort | null; label: string; hideOnPhone?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: null, label: 'Type', hideOnPhone: true },
  { key: 'stage', label: 'Stage' },
  { key: 'next_action', label: 'Next action', hideOnPhone: true },
  { key: 'updated', label: 'Updated', hideOnPhone: true },
];

export function PartnerTable({ filters, sort, dir, onSort }: Props) {
  const navigate = useNavigate();
  const { list, rows } = useKeysetPages(['partners', 'list', filters, sort, dir], (cursor) =>
    api.listPartners({ ...filters, sort, dir, limit: 50, cursor }),
  );
  const total = list.data?.pages[0]?.total;
  const today = useWorkspace().today();

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="partner-count">
        {total === undefined ? '\u00a0' : `${total} ${total === 1 ? 'partner' : 'partners'}`}
      </Text>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={320}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Partners">
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((c) => (
                  <Table.Th
                    key={c.label}
                    visibleFrom={c.hideOnPhone ? 'sm' : undefined}
                    aria-sort={c.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {c.key ? (
                      <SortButton column={c.key} label={c.label} sort={sort} dir={dir} onSort={onSort} />
                    ) : (
                      c.label
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.isPending &&
                Array.from({ length: 6 }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                  <Table.Tr key={i}>
                    {COLUMNS.map((c) => (
                      <Table.Td key={c.label} visibleFrom={c.hideOnPhone ? 'sm' : undefined}>
                        <Skeleton height={14} my={4} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {rows.map((p) => (
                <Table.Tr
                  key={p.id}
                  className="clickable-row"
                  tabIndex={0}
                  onClick={() => navigate(`/partners/${p.id}`)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') navigate(`/partners/${p.id}`);
                  }}
                >
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {p.name}
                    </Text>
                    {p.company && p.company !== p.name && (
                      <Text size="xs" c="dimmed">
                        {p.company}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{TYPE_LABELS[p.type]}</Text>
                    {p.subtype && (
                      <Text size="xs" c="dimmed">
                        {capitalize(p.subtype)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      <StageBadge stage={p.stage} />
                      {p.archivedAt && (
                        <Badge variant="outline" color="gray" size="sm" tt="none">
                          Archived
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    {p.nextAction ? (
                      <Text size="sm">{p.nextAction}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                    {p.nextActionDate && (
                      <Text
                        size="xs"
                        c={isOverdue(p.nextActionDate, today) ? 'var(--pl-overdue)' : 'dimmed'}
                        title={calendarDate(p.nextActionDate)}
                      >
                        {dueLabel(p.nextActionDate, today)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text
                      size="sm"
                      c="dimmed"
                      title={exactTime(p.updatedAt)}
                      className="tabular"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {relativeTime(p.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!list.isPending && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS.length}>
                    <Text c="dimmed" ta="center" py="lg">
                      {list.isError ? list.error.message : 'No partner matches these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LoadMore list={list} />
    </Stack>
  );
}

function SortButton({
  column,
  label,
  sort,
  dir,
  onSort,
}: {
  column: PartnerSort;
  label: string;
  sort: PartnerSort;
  dir: 'asc' | 'desc';
  onSort(sort: PartnerSort, dir: 'asc' | 'desc'): void;
}) {
  const active = column === sort;
  const Icon = !active ? IconSelector : dir === 'asc' ? IconArrowUp : IconArrowDown;
  const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : column === 'updated' ? 'desc' : 'asc';
  return (
    <UnstyledButton onClick={() => onSort(column, nextDir)} aria-label={`Sort by ${label}`}>
      <Group gap={4} wrap="nowrap">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.5 }} />
      </Group>
    </UnstyledButton>
  );
}
