import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeFee } from '../../../domain/agreement.js';
import { dealsApi, onePagerUrl } from '../../dealsApi.js';
import { calendarDate } from '../../format.js';
import { FeeLinesTable } from '../fees/FeeLinesTable.js';
import { FeeTotalsCards } from '../fees/FeeTotalsCards.js';
import { useWorkspace } from '../fees/useWorkspace.js';
import { useComposer } from '../outreach/ComposerProvider.js';
import { QuickAddReferral } from '../referrals/QuickAddReferral.js';
import { ReferralTable } from '../referrals/ReferralTable.js';
import { HANDOFF_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.js';

/** The partner page's deal side: agreement, flags, reciprocity, referrals both ways and fees. */
export function PartnerDeals({ partnerId }: { partnerId: string }) {
  const ws = useWorkspace();
  const composer = useComposer();
  const [adding, setAdding] = useState(false);
  const agreements = useQuery({
    queryKey: ['partner-deals', partnerId, 'agreements'],
    queryFn: () => dealsApi.partnerAgreements(partnerId),
  });
  const reciprocity = useQuery({
    queryKey: ['partner-deals', partnerId, 'reciprocity'],
    queryFn: () => dealsApi.reciprocity(partnerId),
  });
  const flags = useQuery({ queryKey: ['partner-deals', partnerId, 'flags'], queryFn: () => dealsApi.flags(partnerId) });
  const totals = useQuery({
    queryKey: ['fees', 'totals', { partnerId }],
    queryFn: () => dealsApi.feeTotals({ partnerId }),
  });
  const current = agreements.data?.inForce ?? agreements.data?.items.find((a) => a.status === 'proposed') ?? null;
  const r = reciprocity.data;

  return (
    <Stack gap="lg" data-testid="partner-deals">
      {flags.data?.badFit.flagged && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Clarify ideal client and referral criteria">
          <Stack gap={6}>
            <Text size="sm">
              {flags.data.badFit.badCount} of the last {flags.data.badFit.judged.length} judged referrals from this
              partner were a bad fit. Tell them again who you help best and who you cannot.
            </Text>
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => composer.open({ partnerId, kind: 'bad_fit_clarification' })}
            >
              Write the bad-fit clarification
            </Anchor>
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-label="Agreement">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Agreement
            </Title>
            {current ? (
              <Badge color={STATUS_COLORS[current.status]} variant="light" tt="none">
                {current.status === 'active' ? 'In force' : STATUS_LABELS[current.status]}
              </Badge>
            ) : null}
          </Group>
          {current ? (
            <Stack gap={6}>
              <Text size="sm">
                <b>Our fee to them:</b> {describeFee(current.feeToThem, ws.money)}
              </Text>
              <Text size="sm">
                <b>Their fee to us:</b> {describeFee(current.feeToUs, ws.money)}
              </Text>
              <Text size="sm">
                <b>Handoff:</b> {current.handoffMethod ? HANDOFF_LABELS[current.handoffMethod] : 'to be agreed'}
                {current.startDate && ` · since ${calendarDate(current.startDate)}`}
              </Text>
              <Group gap="md" mt={4}>
                <Anchor component={Link} to={`/agreements/${current.id}`} size="sm">
                  Open agreement
                </Anchor>
                <Anchor href={onePagerUrl(current.id, 'md')} download size="sm">
                  One-pager (Markdown)
                </Anchor>
                <Anchor href={onePagerUrl(current.id, 'pdf')} download size="sm">
                  One-pager (PDF)
                </Anchor>
              </Group>
            </Stack>
          ) : (
            <Stack gap="xs" align="flex-start">
              <Text size="sm" c="dimmed">
                No agreement yet. After the call, write down who refers whom and the fee each way.
              </Text>
              <Button
                size="xs"
                variant="light"
                component={Link}
                to={`/agreements/new?partner=${partnerId}`}
                leftSection={<IconFileText size={14} />}
              >
                Propose agreement
              </Button>
            </Stack>
          )}
        </Paper>

        <Paper withBorder radius="md" p="md" component="section" aria-label="Reciprocity">
          <Title order={2} size="h4" mb="sm">
            Reciprocity
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Figure
              label="Received from them"
              count={r?.received.count}
              won={r?.received.won}
              value={r && ws.money(r.received.wonMonthlyValue)}
            />
            <Figure
              label="Given to them"
              count={r?.given.count}
              won={r?.given.won}
              value={r && ws.money(r.given.wonMonthlyValue)}
            />
          </SimpleGrid>
          {r && (
            <Text size="sm" mt="sm" data-testid="reciprocity-balance">
              {r.balance === 0
                ? 'Balanced: as many referrals each way.'
                : r.balance > 0
                  ? `They sent ${r.balance} more than you: look for a client to send their way.`
                  : `You sent ${-r.balance} more than they did.`}
            </Text>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="md" component="section" aria-label="Referrals with this partner">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Referrals both ways
          </Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            Log referral
          </Button>
        </Group>
        <ReferralTable
          filters={{ partnerId }}
          hidePartner
          pageSize={10}
          empty={
            <Text size="sm" c="dimmed">
              No referrals with this partner yet.
            </Text>
          }
        />
        <QuickAddReferral opened={adding} onClose={() => setAdding(false)} partnerId={partnerId} />
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-label="Fees with this partner">
        <Title order={2} size="h4" mb="sm">
          Fees
        </Title>
        <Stack gap="md">
          <FeeTotalsCards totals={totals.data} money={ws.money} />
          <FeeLinesTable
            filters={{ partnerId }}
            hidePartner
            empty={
              <Text size="sm" c="dimmed">
                No fee lines: they appear when a referral is won under an agreement with a fee.
              </Text>
            }
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

function Figure({ label, count, won, value }: { label: string; count?: number; won?: number; value?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={650} className="tabular">
        {count ?? '–'}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {won ?? 0} won · {value ?? '–'} a month
      </Text>
    </Stack>
  );
}
