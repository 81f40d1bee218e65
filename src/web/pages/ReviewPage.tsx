import { ActionIcon, Alert, Anchor, Button, Group, Menu, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconDots, IconMarkdown, IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useWorkspace } from '../components/fees/useWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { PastReviews } from '../components/review/PastReviews.js';
import { PeriodPicker } from '../components/review/PeriodPicker.js';
import { modeOf, type PeriodMode, paramsFor } from '../components/review/period.js';
import { ReviewBody } from '../components/review/ReviewBody.js';
import { type PeriodParams, reviewApi } from '../components/review/reviewApi.js';
import { SaveReviewModal } from '../components/review/SaveReviewModal.js';
import { calendarDate } from '../format.js';

const PERIOD_KEYS = ['week', 'month', 'from', 'to'] as const;

/** Step 4 of the guide: what the partnership pipeline brought, against the goal, for any period. */
export function ReviewPage() {
  const [search, setSearch] = useSearchParams();
  // The workspace's calendar, not the browser's: its "this month" is the one the server counts.
  const today = useWorkspace().today();
  const urlParams = useMemo(() => {
    const p: PeriodParams = {};
    for (const k of PERIOD_KEYS) {
      const v = search.get(k);
      if (v) p[k] = v;
    }
    return p;
  }, [search]);
  // No period in the URL means this month: the question the owner asks most.
  const params = Object.keys(urlParams).length ? urlParams : paramsFor('this-month', today, {});
  const months = search.get('months') === '12' ? 12 : 6;
  const [chosenMode, setChosenMode] = useState<PeriodMode | null>(null);
  const mode = chosenMode ?? modeOf(params, today);
  const [saving, { open: openSave, close: closeSave }] = useDisclosure();

  const review = useQuery({
    queryKey: ['review', params, months],
    queryFn: () => reviewApi.figures(params, months),
    placeholderData: keepPreviousData,
  });

  const setUrl = (next: PeriodParams, nextMonths = months) => {
    const q = new URLSearchParams();
    for (const k of PERIOD_KEYS) if (next[k]) q.set(k, next[k]);
    if (nextMonths !== 6) q.set('months', String(nextMonths));
    setSearch(q, { replace: true });
  };
  const onMode = (m: PeriodMode) => {
    setChosenMode(m);
    setUrl(paramsFor(m, today, params));
  };

  const period = review.data?.period;
  return (
    <div className="review-page">
      <PageHeader
        title="Review"
        description={
          period ? (
            <span data-testid="review-period">
              {period.label} · {calendarDate(period.from)} – {calendarDate(period.to)}
            </span>
          ) : (
            'What partnerships bring, against your goal'
          )
        }
        actions={
          <Group gap="sm" className="no-print">
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={openSave} disabled={!review.data}>
              Save review
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More review actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  component="a"
                  href={reviewApi.markdownUrl(params)}
                  download={`review-${period?.label ?? 'period'}.md`}
                  leftSection={<IconMarkdown size={16} />}
                >
                  Download Markdown
                </Menu.Item>
                <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
                  Print
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      />
      <Stack gap="lg">
        <PeriodPicker mode={mode} params={params} onMode={onMode} onParams={(p) => setUrl(p)} />
        {review.isError ? (
          <Alert color="red" title="Could not load the review">
            {review.error.message}. Check the period and try again.
          </Alert>
        ) : review.data ? (
          <div style={{ opacity: review.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            {review.data.pipeline.partners === 0 && review.data.checklist.next && (
              <Alert color="teal" variant="light" mb="lg" title="Nothing to review yet" data-testid="review-empty">
                The figures fill in as you work the steps. Start with the first one:{' '}
                <Anchor component={Link} to="/partners" inherit fw={600}>
                  {review.data.checklist.next.label.toLowerCase()}
                </Anchor>
                .
              </Alert>
            )}
            <ReviewBody review={review.data} months={months} onMonths={(m) => setUrl(params, m)} />
          </div>
        ) : (
          <Stack gap="lg" aria-busy>
            <Skeleton h={140} />
            <Skeleton h={300} />
            <Skeleton h={300} />
          </Stack>
        )}
        <PastReviews />
        <Text size="xs" c="dimmed" className="print-only">
          Printed from Partnerloop
        </Text>
      </Stack>
      {period && <SaveReviewModal opened={saving} onClose={closeSave} period={params} periodLabel={period.label} />}
    </div>
  );
}
