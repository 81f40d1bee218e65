import { Button, Group, Timeline as MTimeline, Skeleton, Spoiler, Stack, Text } from '@mantine/core';
import {
  IconArchive,
  IconArrowsExchange,
  IconCalendarEvent,
  IconMail,
  IconMessageReply,
  IconPencil,
  IconPlus,
  IconPoint,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { exactTime, relativeTime } from '../format.js';

const ICONS: Record<string, typeof IconPoint> = {
  'partner.created': IconPlus,
  'stage.changed': IconArrowsExchange,
  'partner.updated': IconPencil,
  'partner.archived': IconArchive,
  'partner.restored': IconArchive,
  'message.sent': IconMail,
  'reply.recorded': IconMessageReply,
  'call.booked': IconCalendarEvent,
  'call.done': IconCalendarEvent,
};

/** Everything that happened with a partner, newest first. */
export function Timeline({ partnerId, timeZone }: { partnerId: string; timeZone?: string }) {
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', partnerId],
    queryFn: ({ pageParam }) => api.timeline(partnerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (timeline.isPending) {
    return (
      <Stack gap="md">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Stack>
    );
  }
  if (timeline.isError) return <Text c="red">{timeline.error.message}</Text>;
  const items = timeline.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text c="dimmed">Nothing has happened yet.</Text>;
  return (
    <Stack gap="md">
      <MTimeline bulletSize={26} lineWidth={2} active={-1} aria-label="Timeline">
        {items.map((a) => {
          const Icon = ICONS[a.kind] ?? IconPoint;
          return (
            <MTimeline.Item key={a.id} bullet={<Icon size={14} />} data-testid="timeline-entry">
              <Text size="sm">{a.summary}</Text>
              {a.kind === 'message.sent' && typeof a.data.body === 'string' && (
                <MessageText subject={a.data.subject} body={a.data.body} />
              )}
              <Text size="xs" c="dimmed" mt={2}>
                <time dateTime={a.at} title={exactTime(a.at, timeZone)}>
                  {relativeTime(a.at)}
                </time>
              </Text>
            </MTimeline.Item>
          );
        })}
      </MTimeline>
      {timeline.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The exact text that went out; long messages fold so the timeline stays scannable. */
function MessageText({ subject, body }: { subject: unknown; body: string }) {
  return (
    <Spoiler
      maxHeight={64}
      showLabel="Show full message"
      hideLabel="Show less"
      mt={4}
      classNames={{ control: 'spoiler-control' }}
    >
      <div className="message-text" data-testid="message-text">
        {typeof subject === 'string' && subject && (
          <Text size="sm" fw={600}>
            {subject}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {body}
        </Text>
      </div>
    </Spoiler>
  );
}
