import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { dealsApi, type Referral, type ReferralListParams } from '../../dealsApi.js';
import { calendarDate } from '../../format.js';
import { useWorkspace } from '../fees/useWorkspace.js';
import { LoadMore, SkeletonRows } from '../ListParts.js';
import { useKeysetPages } from '../useKeysetPages.js';
import { DIRECTION_LABELS, LOST_LABELS, OUTCOME_COLORS, OUTCOME_LABELS, SOURCE_LABELS } from './labels.js';
import { type OutcomeKind, ReferralOutcomeModal } from './ReferralOutcomeModal.js';
import { ReferralRowMenu } from './ReferralRowMenu.js';

interface Props {
  filters: ReferralListParams;
  hidePartner?: boolean;
  empty: ReactNode;
  pageSize?: number;
}

/** The referral log, newest first, with keyset "Load more" and the row actions. */
export function ReferralTable({ filters, hidePartner, empty, pageSize = 50 }: Props) {
  const ws = useWorkspace();
  const [outcome, setOutcome] = useState<{ referral: Referral; kind: OutcomeKind } | null>(null);
  const { list, rows } = useKeysetPages(['referrals', filters, pageSize], (cursor) =>
    dealsApi.listReferrals({ ...filters, limit: pageSize, cursor }),
  );
  if (list.isSuccess && rows.length === 0) return <>{empty}</>;

  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Lead</Table.Th>
                <Table.Th visibleFrom="sm">{hidePartner ? 'Direction' : 'Direction · source'}</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th ta="right">Monthly value</Table.Th>
                <Table.Th w={48}>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.isPending && <SkeletonRows rows={4} colSpan={6} />}
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="referral-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" className="tabular">
                      {calendarDate(r.date)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.leadName}
                    </Text>
                    {(r.company || r.contact) && (
                      <Text size="xs" c="dimmed">
                        {[r.company, r.contact].filter(Boolean).join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Group gap={4} wrap="nowrap">
                      {r.direction === 'received' ? (
                        <IconArrowDownLeft size={16} aria-hidden />
                      ) : (
                        <IconArrowUpRight size={16} aria-hidden />
                      )}
                      <Text size="sm">{DIRECTION_LABELS[r.direction]}</Text>
                    </Group>
                    {!hidePartner && (
                      <Text size="xs" c="dimmed">
                        {r.source === 'partner' && r.partnerId ? (
                          <Link to={`/partners/${r.partnerId}`} className="quiet-link">
                            <PartnerName id={r.partnerId} />
                          </Link>
                        ) : (
                          SOURCE_LABELS[r.source]
                        )}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={OUTCOME_COLORS[r.outcome]} variant="light" tt="none">
                        {OUTCOME_LABELS[r.outcome]}
                      </Badge>
                      {r.fit && (
                        <Badge color={r.fit === 'bad' ? 'red' : 'teal'} variant="outline" tt="none">
                          {r.fit === 'bad' ? 'Bad fit' : 'Good fit'}
                        </Badge>
                      )}
                    </Group>
                    {r.lostReason && (
                      <Text size="xs" c="dimmed">
                        {LOST_LABELS[r.lostReason]}
                      </Text>
                    )}
                    {r.endDate && (
                      <Text size="xs" c="dimmed">
                        Ended {calendarDate(r.endDate)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {r.monthlyValue === null ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Text size="sm">{ws.money(r.monthlyValue)}</Text>
                    )}
                    {r.startDate && (
                      <Text size="xs" c="dimmed">
                        from {calendarDate(r.startDate)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ReferralRowMenu referral={r} onOutcome={(kind) => setOutcome({ referral: r, kind })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LoadMore list={list} />
      <ReferralOutcomeModal
        referral={outcome?.referral ?? null}
        kind={outcome?.kind ?? null}
        onClose={() => setOutcome(null)}
      />
    </Stack>
  );
}

/** The log holds partner ids; names come from the (cached) partner records. */
function PartnerName({ id }: { id: string }) {
  const p = useQuery({ queryKey: ['partner', id], queryFn: () => api.getPartner(id), staleTime: 60_000 });
  return <>{p.data?.name ?? 'Partner'}</>;
}
