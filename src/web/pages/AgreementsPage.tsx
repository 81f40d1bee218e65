import { Badge, Button, Chip, Group, Paper, Table, Text } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../domain/agreement.js';
import { HANDOFF_LABELS, STATUS_COLORS, STATUS_LABELS, shortFee } from '../components/agreements/labels.js';
import { EmptyStep } from '../components/EmptyStep.js';
import { useWorkspace } from '../components/fees/useWorkspace.js';
import { SkeletonRows } from '../components/ListParts.js';
import { PageHeader } from '../components/PageHeader.js';
import { dealsApi } from '../dealsApi.js';
import { calendarDate } from '../format.js';

export function AgreementsPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as AgreementStatus | null) ?? undefined;
  const ws = useWorkspace();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['agreements', 'all', status], queryFn: () => dealsApi.listAgreements(status) });
  const items = list.data?.items ?? [];
  const open = (id: string) => navigate(`/agreements/${id}`);

  return (
    <>
      <PageHeader
        title="Agreements"
        description="Who refers whom, on what terms, and how leads change hands — one per partner in force at a time."
        actions={
          <Button component={Link} to="/agreements/new" leftSection={<IconPlus size={16} />}>
            New agreement
          </Button>
        }
      />
      <Group gap="xs" mb="md" role="group" aria-label="Filter by status">
        <Chip checked={!status} onChange={() => setParams({})} variant="outline">
          All
        </Chip>
        {AGREEMENT_STATUSES.map((s) => (
          <Chip
            key={s}
            checked={status === s}
            onChange={() => setParams(status === s ? {} : { status: s })}
            variant="outline"
          >
            {STATUS_LABELS[s]}
          </Chip>
        ))}
      </Group>
      {list.isSuccess && items.length === 0 ? (
        <EmptyStep
          icon={IconFileText}
          title={status ? `No ${STATUS_LABELS[status].toLowerCase()} agreements` : 'No agreements yet'}
          action={
            <Button component={Link} to="/agreements/new" leftSection={<IconPlus size={16} />}>
              Propose an agreement
            </Button>
          }
        >
          After a good call, write down what each side sends the other, the fee each way and how a lead is handed over.
          The one-pager it produces is what you send the partner to confirm.
        </EmptyStep>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={320}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Agreements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th visibleFrom="sm">Fees</Table.Th>
                  <Table.Th visibleFrom="md">Handoff</Table.Th>
                  <Table.Th visibleFrom="sm">Dates</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending && <SkeletonRows rows={4} colSpan={5} />}
                {items.map((a) => (
                  <Table.Tr
                    key={a.id}
                    className="clickable-row"
                    tabIndex={0}
                    onClick={() => open(a.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') open(a.id);
                    }}
                  >
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {a.partnerName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.form === 'written' ? 'Written' : 'Informal'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={STATUS_COLORS[a.status]} variant="light" tt="none">
                          {STATUS_LABELS[a.status]}
                        </Badge>
                        {a.disputedTerms.length > 0 && (
                          <Badge color="yellow" variant="outline" tt="none">
                            Disputed
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">To them: {shortFee(a.feeToThem, ws.money)}</Text>
                      <Text size="sm">To us: {shortFee(a.feeToUs, ws.money)}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{a.handoffMethod ? HANDOFF_LABELS[a.handoffMethod] : '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">
                        {a.startDate ? `From ${calendarDate(a.startDate)}` : 'Not started'}
                        {a.endDate && ` to ${calendarDate(a.endDate)}`}
                      </Text>
                      {a.reviewDate && a.status === 'active' && (
                        <Text size="xs" c="dimmed">
                          Review {calendarDate(a.reviewDate)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
