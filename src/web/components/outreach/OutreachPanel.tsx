import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconDownload, IconMessageReply, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Call, outreachApi, type Partner, type Profile } from '../../api.js';
import { calendarDate, exactTime } from '../../format.js';
import { BookCallModal, CompleteCallModal } from './CallForms.js';
import { useComposer } from './ComposerProvider.js';
import { followUpText } from './followUpText.js';
import { ReplyModal } from './ReplyModal.js';

const FIT_LABELS = { yes: 'Good fit', maybe: 'Maybe a fit', no: 'Not a fit' } as const;

/** Outreach on the partner page: where the follow-up stands, the next message, reply and calls. */
export function OutreachPanel({ partner, profile }: { partner: Partner; profile: Profile | undefined }) {
  const composer = useComposer();
  const [modal, setModal] = useState<'reply' | 'book' | null>(null);
  const [completing, setCompleting] = useState<Call | null>(null);
  const followUps = useQuery({ queryKey: ['followups'], queryFn: () => outreachApi.followUps() });
  const calls = useQuery({ queryKey: ['calls', partner.id], queryFn: () => outreachApi.partnerCalls(partner.id) });
  const item = followUps.data?.items.find((f) => f.partner.id === partner.id);
  const status = item && followUps.data ? followUpText(item, followUps.data.asOf) : null;
  const tz = profile?.timeZone ?? 'UTC';

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            Outreach
          </Title>
          <Text size="sm" c={status?.late ? 'var(--pl-overdue)' : 'dimmed'} data-testid="follow-up-status">
            {status ? (
              <span title={status.date ? calendarDate(status.date) : undefined}>{status.text}</span>
            ) : partner.stage === 'identified' ? (
              'Not contacted yet: start with a short first message.'
            ) : (
              'No follow-up pending.'
            )}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            size="sm"
            leftSection={<IconPencil size={16} />}
            onClick={() => composer.open({ partnerId: partner.id })}
            disabled={!!partner.archivedAt}
          >
            Write message
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconMessageReply size={16} />}
            onClick={() => setModal('reply')}
          >
            Record reply
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => setModal('book')}
          >
            Book call
          </Button>
        </Group>
      </Group>

      {calls.data && calls.data.items.length > 0 && (
        <Stack gap="xs" data-testid="calls">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Calls
          </Text>
          {calls.data.items.map((c) => (
            <Paper key={c.id} withBorder radius="sm" p="sm" data-testid="call">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {exactTime(c.startsAt, tz)} · {c.minutes} min
                    </Text>
                    {c.status === 'done' ? (
                      <Badge variant="light" color="teal" tt="none">
                        {c.fit ? FIT_LABELS[c.fit] : 'Done'}
                      </Badge>
                    ) : (
                      <Badge variant="light" tt="none">
                        Booked
                      </Badge>
                    )}
                  </Group>
                  {c.meetingLink && (
                    <Anchor
                      href={c.meetingLink}
                      target="_blank"
                      rel="noreferrer noopener"
                      size="sm"
                      style={{ wordBreak: 'break-all' }}
                    >
                      {c.meetingLink}
                    </Anchor>
                  )}
                  {c.status === 'done' && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {[
                        c.theirIdealClient && `Their ideal client: ${c.theirIdealClient}`,
                        c.theirServices && `Their services: ${c.theirServices}`,
                        c.nextStep && `Next step: ${c.nextStep}`,
                        c.notes,
                      ]
                        .filter(Boolean)
                        .join('\n')}
                    </Text>
                  )}
                </Stack>
                <Group gap="xs">
                  <Button
                    component="a"
                    href={outreachApi.callIcsUrl(c.id)}
                    download
                    size="xs"
                    variant="subtle"
                    leftSection={<IconDownload size={14} />}
                  >
                    .ics
                  </Button>
                  {c.status === 'booked' && (
                    <Button size="xs" variant="default" onClick={() => setCompleting(c)}>
                      Complete
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      <ReplyModal partner={partner} opened={modal === 'reply'} onClose={() => setModal(null)} />
      {modal === 'book' && (
        <BookCallModal
          partner={partner}
          calendarLink={profile?.calendarLink ?? null}
          timeZone={tz}
          opened
          onClose={() => setModal(null)}
        />
      )}
      {completing && (
        <CompleteCallModal partner={partner} call={completing} opened onClose={() => setCompleting(null)} />
      )}
    </Paper>
  );
}
