// The deal side of Today: fees to pay or collect this week, partners whose leads miss the mark,
// and the periodic review when it is due.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconChartBar, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TodayAgenda } from '../../api.js';
import type { FeeLine } from '../../dealsApi.js';
import { calendarDate } from '../../format.js';
import { PayButton } from '../fees/FeeLinesTable.js';
import { useWorkspace } from '../fees/useWorkspace.js';
import { useComposer } from '../outreach/ComposerProvider.js';
import { Row, Section, ShownOf } from './AgendaParts.js';

const DAY = 86_400_000;

/** "overdue by 3 days", "due today", "due in 4 days", counted from the agenda's day. */
export function feeDueText(dueDate: string, asOf: string): string {
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / DAY);
  if (days < 0) return `overdue by ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

export function FeesDueSection({ lines, asOf }: { lines: FeeLine[]; asOf: string }) {
  return (
    <Section
      title="Fees due"
      count={lines.length}
      testId="today-fees"
      extra={
        <Anchor component={Link} to="/fees" size="sm">
          All fees
        </Anchor>
      }
    >
      {lines.map((l) => (
        <FeeRow key={l.id} line={l} asOf={asOf} />
      ))}
    </Section>
  );
}

function FeeRow({ line: l, asOf }: { line: FeeLine; asOf: string }) {
  const ws = useWorkspace();
  const late = l.overdue || l.dueDate < asOf;
  return (
    <Group justify="space-between" gap="xs" py="xs" wrap="wrap" className="agenda-row" data-testid="today-fee">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" variant="light" color={l.direction === 'payable' ? 'gray' : 'teal'} tt="none">
            {l.direction === 'payable' ? 'Pay' : 'Collect'}
          </Badge>
          <Anchor component={Link} to={`/partners/${l.partnerId}`} fw={600} size="sm" truncate>
            {l.partnerName}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {l.leadName} · month {l.seq}
        </Text>
        <Text size="xs" c={late ? 'var(--pl-overdue)' : 'dimmed'} title={calendarDate(l.dueDate)}>
          {feeDueText(l.dueDate, asOf)}
        </Text>
      </Stack>
      <Group gap="md" wrap="nowrap" style={{ flexShrink: 0, marginLeft: 'auto' }}>
        <Text size="sm" fw={600} className="tabular" ta="right" miw={90} data-testid="today-fee-amount">
          {ws.money(l.amount)}
        </Text>
        <PayButton line={l} today={asOf} />
      </Group>
    </Group>
  );
}

export function LeadQualitySection({ flags, total }: { flags: TodayAgenda['flags']; total: number }) {
  const composer = useComposer();
  return (
    <Section title="Talk to about lead quality" count={total} testId="today-flags">
      {flags.map((f) => (
        <Row
          key={f.partnerId}
          id={f.partnerId}
          name={f.partnerName}
          action={
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => composer.open({ partnerId: f.partnerId, kind: 'bad_fit_clarification' })}
            >
              Write clarification
            </Button>
          }
        >
          <Text size="xs" c="dimmed">
            {f.badFit.badCount} of the last {f.badFit.judged.length} judged referrals were a bad fit. Say again who you
            help best.
          </Text>
        </Row>
      ))}
      <ShownOf shown={flags.length} total={total} />
    </Section>
  );
}

export function ReviewSection({ review }: { review: TodayAgenda['review'] }) {
  return (
    <Section title="Review" testId="today-review">
      <Group justify="space-between" gap="xs" py="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text size="sm" fw={600}>
            The {review.period} review is due
          </Text>
          <Text size="xs" c="dimmed">
            {review.lastReviewOn
              ? `Last review on ${calendarDate(review.lastReviewOn)}.`
              : 'No review yet: a few minutes on what each partnership brought keeps the effort where it pays.'}
          </Text>
        </Stack>
        <Button
          component={Link}
          to="/review"
          size="xs"
          variant="light"
          leftSection={<IconChartBar size={14} />}
          style={{ flexShrink: 0 }}
        >
          Open the review
        </Button>
      </Group>
    </Section>
  );
}
