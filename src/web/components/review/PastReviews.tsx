import { Button, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { calendarDate, exactTime } from '../../format.js';
import { ReviewBody } from './ReviewBody.js';
import { ReviewSection } from './ReviewSection.js';
import { reviewApi } from './reviewApi.js';

export function PastReviews() {
  const list = useQuery({ queryKey: ['reviews'], queryFn: reviewApi.list });
  const [openId, setOpenId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  return (
    <ReviewSection title="Past reviews" description="Snapshots you saved, newest first." testId="past-reviews">
      {list.isPending ? (
        <Skeleton h={60} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No review saved yet. Save this one with your notes and decisions so the next review can compare.
        </Text>
      ) : (
        <Table aria-label="Past reviews" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              <Table.Th>Saved</Table.Th>
              <Table.Th>Decisions</Table.Th>
              <Table.Th className="no-print" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {r.periodLabel}
                  <Text size="xs" c="dimmed">
                    {calendarDate(r.periodFrom)} – {calendarDate(r.periodTo)}
                  </Text>
                </Table.Td>
                <Table.Td>{exactTime(r.reviewedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.decisions ?? r.notes ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td className="no-print" ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpenId(r.id)}
                    aria-label={`View the ${r.periodLabel} review`}
                  >
                    View
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={openId !== null} onClose={() => setOpenId(null)} size="90rem" title="Saved review">
        {openId && <SavedReviewView id={openId} />}
      </Modal>
    </ReviewSection>
  );
}

function SavedReviewView({ id }: { id: string }) {
  const saved = useQuery({ queryKey: ['reviews', id], queryFn: () => reviewApi.get(id) });
  if (saved.isPending) return <Skeleton h={300} />;
  if (saved.isError) return <Text c="red">{saved.error.message}</Text>;
  const r = saved.data;
  return (
    <Stack gap="md" data-testid="saved-review">
      <Text fw={700} size="lg">
        {r.periodLabel} · saved {exactTime(r.reviewedAt)}
      </Text>
      {r.notes && (
        <div>
          <Text fw={600} size="sm">
            Notes
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.notes}
          </Text>
        </div>
      )}
      {r.decisions && (
        <div>
          <Text fw={600} size="sm">
            Decisions
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.decisions}
          </Text>
        </div>
      )}
      <ReviewBody review={r.figures} months={r.figures.trend.length} />
    </Stack>
  );
}
