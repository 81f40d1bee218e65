// The review's charts (Mantine charts over Recharts), each beside a compact table of the same
// numbers. Animation is off so a printed or captured page shows the final bars.
import { BarChart } from '@mantine/charts';
import { Grid, SegmentedControl, Table, Text } from '@mantine/core';
import { STAGE_LABELS, type Stage } from '../../../domain/stage.js';
import { ReviewSection } from './ReviewSection.js';
import type { Review } from './reviewApi.js';
import { days, money, moneyShort, monthLabel, percent } from './reviewFormat.js';

const stageLabel = (s: string) => STAGE_LABELS[s as Stage] ?? s;
const still = { isAnimationActive: false } as const;

function NumbersTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Table.ScrollContainer minWidth={head.length * 72} type="native">
      <Table fz="xs" verticalSpacing={4} horizontalSpacing="xs" className="tabular numbers-table" captionSide="top">
        <Table.Caption style={{ textAlign: 'left', marginBottom: 4 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={String(row[0])}>
              {row.map((cell, i) => (
                <Table.Td key={head[i]} ta={i === 0 ? 'left' : 'right'}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function FunnelSection({ review }: { review: Review }) {
  const data = review.pipeline.funnel.map((f) => ({
    step: `${stageLabel(f.from)} → ${stageLabel(f.to)}`,
    short: stageLabel(f.from),
    entered: f.entered,
    advanced: f.advanced,
  }));
  return (
    <ReviewSection
      title="Outreach funnel"
      description="Partners who reached each step in this period, how many went on to the next, and how long it took."
      testId="chart-funnel"
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <BarChart
            h={260}
            data={data}
            dataKey="short"
            withLegend
            barProps={still}
            withBarValueLabel
            series={[
              { name: 'entered', label: 'Reached the step', color: 'teal.6' },
              { name: 'advanced', label: 'Went on to the next', color: 'blue.6' },
            ]}
            aria-label="Bar chart of partners reaching each outreach step"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <NumbersTable
            caption="The funnel in numbers"
            head={['Step', 'Reached', 'Went on', 'Conversion', 'Median']}
            rows={review.pipeline.funnel.map((f) => [
              `${stageLabel(f.from)} → ${stageLabel(f.to)}`,
              f.entered,
              f.advanced,
              percent(f.conversion),
              days(f.medianDays),
            ])}
          />
        </Grid.Col>
      </Grid>
    </ReviewSection>
  );
}

export function TrendSection({
  review,
  months,
  onMonths,
}: {
  review: Review;
  months: number;
  onMonths?: (months: number) => void;
}) {
  const c = review.currency;
  const data = review.trend.map((t) => ({
    month: monthLabel(t.month),
    partner: t.partner / 100,
    inbound: t.inbound / 100,
    cold: t.cold / 100,
    other: t.other / 100,
  }));
  return (
    <ReviewSection
      title="New monthly revenue by source"
      description="Monthly revenue of the clients won each month, by where the lead came from."
      testId="chart-trend"
    >
      {onMonths && (
        <SegmentedControl
          className="no-print"
          size="xs"
          value={String(months)}
          onChange={(v) => onMonths(Number(v))}
          data={[
            { value: '6', label: 'Last 6 months' },
            { value: '12', label: 'Last 12 months' },
          ]}
          aria-label="Months shown"
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <BarChart
            h={280}
            data={data}
            dataKey="month"
            type="stacked"
            withLegend
            barProps={still}
            valueFormatter={(v) => moneyShort(v * 100, c)}
            yAxisProps={{ width: 64 }}
            series={[
              { name: 'partner', label: 'Partnerships', color: 'teal.6' },
              { name: 'inbound', label: 'Inbound', color: 'blue.6' },
              { name: 'cold', label: 'Cold outreach', color: 'orange.6' },
              { name: 'other', label: 'Other', color: 'gray.6' },
            ]}
            aria-label="Stacked bar chart of new monthly revenue by source per month"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <NumbersTable
            caption="Won per month"
            head={['Month', 'Partners', 'Inbound', 'Cold', 'Other', 'Total']}
            rows={review.trend.map((t) => [
              monthLabel(t.month),
              money(t.partner, c),
              money(t.inbound, c),
              money(t.cold, c),
              money(t.other, c),
              money(t.total, c),
            ])}
          />
        </Grid.Col>
      </Grid>
    </ReviewSection>
  );
}

export function RankingSection({ review }: { review: Review }) {
  const c = review.currency;
  // The review ranks partners already.
  const ranked = review.sources.partners.slice(0, 10);
  return (
    <ReviewSection
      title="Partner ranking"
      description="New monthly revenue won from each partner's referrals in this period."
      testId="chart-ranking"
    >
      {ranked.length === 0 ? (
        <Text size="sm" c="dimmed">
          No partner referrals in this period yet. Log each lead a partner sends you on the Referrals page and it shows
          here.
        </Text>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 7 }}>
            <BarChart
              h={Math.max(120, ranked.length * 40 + 40)}
              data={ranked.map((p) => ({ partner: p.partnerName ?? 'Partner', won: p.wonMonthlyValue / 100 }))}
              dataKey="partner"
              orientation="vertical"
              barProps={still}
              withBarValueLabel
              valueFormatter={(v) => money(v * 100, c)}
              yAxisProps={{ width: 120 }}
              barChartProps={{ margin: { right: 72 } }}
              series={[{ name: 'won', label: 'New monthly revenue', color: 'teal.6' }]}
              aria-label="Bar chart of new monthly revenue won by partner"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 5 }}>
            <NumbersTable
              caption="Ranking in numbers"
              head={['Partner', 'Won', 'Win rate', 'New MRR']}
              rows={ranked.map((p) => [
                p.partnerName ?? 'Partner',
                p.won,
                percent(p.winRate),
                money(p.wonMonthlyValue, c),
              ])}
            />
          </Grid.Col>
        </Grid>
      )}
    </ReviewSection>
  );
}
