import { Badge, Button, Paper, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { dealsApi, type FeeLine, type FeeListParams } from '../../dealsApi.js';
import { calendarDate, dueLabel } from '../../format.js';
import { LoadMore, SkeletonRows } from '../ListParts.js';
import { useKeysetPages } from '../useKeysetPages.js';
import { usePayFee } from './usePayFee.js';
import { useWorkspace } from './useWorkspace.js';

interface Props {
  filters: FeeListParams;
  hidePartner?: boolean;
  empty: ReactNode;
}

/** The fee lines, soonest due first, each payable or receivable, with mark paid / unpaid. */
export function FeeLinesTable({ filters, hidePartner, empty }: Props) {
  const ws = useWorkspace();
  const { list, rows } = useKeysetPages(['fees', 'lines', filters], (cursor) =>
    dealsApi.listFees({ ...filters, limit: 100, cursor }),
  );
  if (list.isSuccess && rows.length === 0) return <>{empty}</>;
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Fee lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>{hidePartner ? 'Referral' : 'Partner · referral'}</Table.Th>
                <Table.Th visibleFrom="sm">Direction</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.isPending && <SkeletonRows rows={3} colSpan={6} />}
              {rows.map((l) => (
                <Table.Tr key={l.id} data-testid="fee-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" className="tabular" title={calendarDate(l.dueDate)}>
                      {calendarDate(l.dueDate)}
                    </Text>
                    {l.status === 'due' && (
                      <Text size="xs" c={l.overdue ? 'var(--pl-overdue)' : 'dimmed'}>
                        {dueLabel(l.dueDate, ws.today())}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!hidePartner && (
                      <Text size="sm" fw={600}>
                        <Link to={`/partners/${l.partnerId}`} className="quiet-link">
                          {l.partnerName}
                        </Link>
                      </Text>
                    )}
                    <Text size={hidePartner ? 'sm' : 'xs'} c={hidePartner ? undefined : 'dimmed'}>
                      {l.leadName} · month {l.seq}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{l.direction === 'payable' ? 'We pay' : 'They pay'}</Text>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600} data-testid="fee-amount">
                      {ws.money(l.amount)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge line={l} />
                  </Table.Td>
                  <Table.Td>
                    <PayButton line={l} today={ws.today()} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LoadMore list={list} />
    </Stack>
  );
}

function StatusBadge({ line: l }: { line: FeeLine }) {
  if (l.status === 'paid') {
    return (
      <Badge color="teal" variant="light" tt="none" title={l.paidOn ? calendarDate(l.paidOn) : undefined}>
        Paid {l.paidOn && calendarDate(l.paidOn)}
      </Badge>
    );
  }
  return (
    <Badge color={l.overdue ? 'red' : 'gray'} variant={l.overdue ? 'light' : 'outline'} tt="none">
      {l.overdue ? 'Overdue' : 'Due'}
    </Badge>
  );
}

/** Mark paid behind a small confirmation asking the day it was paid; paid lines offer Mark unpaid. */
export function PayButton({ line, today }: { line: FeeLine; today: string }) {
  const pay = usePayFee();
  const [opened, setOpened] = useState(false);
  const [on, setOn] = useState(today);
  if (line.status === 'paid') {
    return (
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        onClick={() => pay.mutate({ line, pay: false })}
        loading={pay.isPending}
      >
        Mark unpaid
      </Button>
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="light" onClick={() => setOpened((o) => !o)} loading={pay.isPending}>
          Mark paid
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setOpened(false);
            pay.mutate({ line, pay: true, on });
          }}
        >
          <Stack gap="xs">
            <TextInput
              label="Paid on"
              type="date"
              size="xs"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
            <Button type="submit" size="xs">
              Confirm paid
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
