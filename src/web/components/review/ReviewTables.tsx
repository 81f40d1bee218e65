import { Anchor, Badge, Group, List, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ReviewSection } from './ReviewSection.js';
import type { Review, SourceFigures } from './reviewApi.js';
import { money, percent, SOURCE_LABELS } from './reviewFormat.js';

function SourceRow({ row, currency, indent }: { row: SourceFigures; currency: string; indent?: boolean }) {
  const name = row.partnerId ? (
    <Anchor component={Link} to={`/partners/${row.partnerId}`} size="sm">
      {row.partnerName}
    </Anchor>
  ) : (
    <Text size="sm" fw={row.source === 'partner' ? 600 : undefined}>
      {SOURCE_LABELS[row.source] ?? row.source}
    </Text>
  );
  return (
    <Table.Tr>
      <Table.Td pl={indent ? 'xl' : undefined}>{name}</Table.Td>
      <Table.Td ta="right">{row.received}</Table.Td>
      <Table.Td ta="right">{row.won}</Table.Td>
      <Table.Td ta="right">{row.lost}</Table.Td>
      <Table.Td ta="right">{row.pending}</Table.Td>
      <Table.Td ta="right">{percent(row.winRate)}</Table.Td>
      <Table.Td ta="right">{money(row.wonMonthlyValue, currency)}</Table.Td>
    </Table.Tr>
  );
}

export function LeadsBySource({ review }: { review: Review }) {
  const c = review.currency;
  const [partnerships, ...rest] = review.sources.bySource;
  return (
    <ReviewSection title="Leads by source" description="Leads received in this period and what became of them.">
      <Table.ScrollContainer minWidth={560}>
        <Table className="tabular" aria-label="Leads by source" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th ta="right">Received</Table.Th>
              <Table.Th ta="right">Won</Table.Th>
              <Table.Th ta="right">Lost</Table.Th>
              <Table.Th ta="right">Pending</Table.Th>
              <Table.Th ta="right">Win rate</Table.Th>
              <Table.Th ta="right">New MRR</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partnerships && <SourceRow row={partnerships} currency={c} />}
            {review.sources.partners.map((p) => (
              <SourceRow key={p.partnerId ?? p.partnerName} row={p} currency={c} indent />
            ))}
            {review.sources.partnersTotal > review.sources.partners.length && (
              <Table.Tr>
                <Table.Td colSpan={7} pl="xl" c="dimmed" fz="sm" data-testid="partners-shown-of">
                  The best {review.sources.partners.length} of {review.sources.partnersTotal.toLocaleString()} partners
                  that sent leads; all of them are counted in Partnerships above.
                </Table.Td>
              </Table.Tr>
            )}
            {rest.map((r) => (
              <SourceRow key={r.source} row={r} currency={c} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ReviewSection>
  );
}

function PartnerList({
  items,
  empty,
  badge,
}: {
  items: { partnerId: string; partnerName: string; reason: string; badge?: string }[];
  empty: string;
  badge?: string;
}) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <List spacing="xs" size="sm">
      {items.map((item) => (
        <List.Item key={`${item.partnerId}-${item.reason}`}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/partners/${item.partnerId}`} fw={600} size="sm">
              {item.partnerName}
            </Anchor>
            {(item.badge ?? badge) && (
              <Badge size="xs" variant="light" color="gray" tt="none">
                {item.badge ?? badge}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {item.reason}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function Recommendations({ review }: { review: Review }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" className="review-section">
      <ReviewSection title="Double down on" description="Partners whose referrals bring the most, best first.">
        <PartnerList items={review.doubleDown} empty="No partner has a won referral yet." />
      </ReviewSection>
      <ReviewSection title="Gone quiet" description="Partners with an agreement and no referral or contact lately.">
        <PartnerList
          items={review.goneQuiet.map((g) => ({ ...g, badge: `${g.days} days` }))}
          empty="Every partner with an agreement has been in touch recently."
        />
      </ReviewSection>
      <ReviewSection title="Talk to" description="Lead quality or terms to clear up.">
        <PartnerList
          items={review.flags.map((f) => ({ ...f, badge: f.kind === 'bad_fit' ? 'Bad fit' : 'Disputed terms' }))}
          empty="Nothing to clear up."
        />
      </ReviewSection>
    </SimpleGrid>
  );
}

export function FeesSection({ review }: { review: Review }) {
  const c = review.currency;
  const { accrued, paid, outstanding } = review.fees;
  const rows = [
    ['Accrued this period', accrued.payable, accrued.receivable],
    ['Paid this period', paid.payable, paid.receivable],
    ['Outstanding', outstanding.payable, outstanding.receivable],
  ] as const;
  return (
    <ReviewSection title="Fees" description="Referral fees in both directions.">
      <Table className="tabular" aria-label="Fees of the period">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">We owe</Table.Th>
            <Table.Th ta="right">Owed to us</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, payable, receivable]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right">{money(payable, c)}</Table.Td>
              <Table.Td ta="right">{money(receivable, c)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ReviewSection>
  );
}
