import { Anchor, Button, Group, Loader, Modal, Paper, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCoffee, IconDownload, IconPencil, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type CallItem, type FollowUpItem, outreachApi, type TodayAgenda } from '../api.js';
import { EmptyWorkspace } from '../components/EmptyWorkspace.js';
import { useComposer } from '../components/outreach/ComposerProvider.js';
import { followUpText } from '../components/outreach/followUpText.js';
import { PageHeader } from '../components/PageHeader.js';
import { Row, Section, ShownOf } from '../components/today/AgendaParts.js';
import { FeesDueSection, LeadQualitySection, ReviewSection } from '../components/today/TodayDeals.js';
import { calendarDate, dueLabel } from '../format.js';

export function TodayPage() {
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const any = useQuery({
    queryKey: ['partners', 'any'],
    queryFn: () => api.listPartners({ limit: 1, archived: 'include' }),
  });
  const today = useQuery({ queryKey: ['today', asOf], queryFn: () => outreachApi.today(asOf) });
  if (any.isPending || today.isPending) {
    return (
      <Stack align="center" mt="xl">
        <Loader aria-label="Loading" />
      </Stack>
    );
  }
  if (any.data?.total === 0) return <EmptyWorkspace />;
  if (today.isError) return <Text c="red">{today.error.message}</Text>;
  return <Agenda agenda={today.data} />;
}

function Agenda({ agenda: a }: { agenda: TodayAgenda }) {
  const followUps = [...a.followUpsOverdue, ...a.followUpsDue];
  const calls = [...a.callsToday, ...a.callsThisWeek];
  const waiting =
    followUps.length +
    calls.length +
    a.proposedNoResponse.length +
    a.nextActionsTotal +
    a.feesDue.length +
    a.flagsTotal;
  // The review counts as something to do: the calm state shows only when nothing at all is due.
  const nothing = waiting === 0 && !a.review.due;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title="Today" description={`What needs you on ${calendarDate(a.asOf)} (${a.timeZone})`} />
      {nothing && (
        <Paper withBorder radius="lg" p={{ base: 'lg', sm: 32 }}>
          <Stack gap="sm" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light">
              <IconCoffee size={24} />
            </ThemeIcon>
            <Title order={2} size="h4">
              Nothing is waiting for you today
            </Title>
            <Text c="dimmed" size="sm">
              Follow-ups appear here five days after a first message, calls on their day, and partners whose next action
              date has come. Keep the pipeline moving: write a short first message to a partner you have not contacted
              yet.
            </Text>
            <Button component={Link} to="/partners?stage=identified" variant="default">
              Find someone to write to
            </Button>
          </Stack>
        </Paper>
      )}
      {followUps.length > 0 && (
        <Section title="Follow-ups" count={followUps.length} testId="today-followups">
          {followUps.map((f) => (
            <FollowUpRow key={f.partner.id} item={f} asOf={a.asOf} />
          ))}
        </Section>
      )}
      {calls.length > 0 && (
        <Section title="Calls this week" count={calls.length} testId="today-calls">
          {calls.map((c) => (
            <CallRow key={c.id} call={c} today={c.localStart.slice(0, 10) === a.asOf} />
          ))}
        </Section>
      )}
      {a.proposedNoResponse.length > 0 && (
        <Section title="No reply after the follow-up" count={a.proposedNoResponse.length} testId="today-no-response">
          {a.proposedNoResponse.map((f) => (
            <NoResponseRow key={f.partner.id} item={f} asOf={a.asOf} />
          ))}
        </Section>
      )}
      {a.nextActions.length > 0 && (
        <Section title="Next actions due" count={a.nextActionsTotal} testId="today-actions">
          {a.nextActions.map((n) => (
            <Row key={n.id} name={n.name} id={n.id}>
              <Text size="sm">{n.nextAction ?? 'Next action'}</Text>
              <Text
                size="xs"
                c={n.nextActionDate < a.asOf ? 'var(--pl-overdue)' : 'dimmed'}
                title={calendarDate(n.nextActionDate)}
              >
                {dueLabel(n.nextActionDate, a.asOf)}
              </Text>
            </Row>
          ))}
          <ShownOf shown={a.nextActions.length} total={a.nextActionsTotal}>
            <Anchor component={Link} to="/partners?sort=next_action" size="xs">
              All partners by next action
            </Anchor>
          </ShownOf>
        </Section>
      )}
      {a.feesDue.length > 0 && <FeesDueSection lines={a.feesDue} asOf={a.asOf} />}
      {a.flags.length > 0 && <LeadQualitySection flags={a.flags} total={a.flagsTotal} />}
      {a.review.due && <ReviewSection review={a.review} />}
    </Stack>
  );
}

function FollowUpRow({ item, asOf }: { item: FollowUpItem; asOf: string }) {
  const composer = useComposer();
  const s = followUpText(item, asOf);
  return (
    <Row
      id={item.partner.id}
      name={item.partner.name}
      action={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPencil size={14} />}
          onClick={() => composer.open({ partnerId: item.partner.id, kind: 'follow_up' })}
        >
          Write follow-up
        </Button>
      }
    >
      <Text size="xs" c={s.late ? 'var(--pl-overdue)' : 'dimmed'} title={s.date ? calendarDate(s.date) : undefined}>
        {s.text} · first message {calendarDate(item.firstTouchOn!)}
      </Text>
    </Row>
  );
}

function CallRow({ call: c, today }: { call: CallItem; today: boolean }) {
  const [date, time] = c.localStart.split('T') as [string, string];
  return (
    <Row
      id={c.partner.id}
      name={c.partner.name}
      action={
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
      }
    >
      <Group gap={6}>
        <IconCalendarEvent size={14} aria-hidden />
        <Text size="xs">
          {today ? 'Today' : calendarDate(date)}, {time} · {c.minutes} min
        </Text>
        {c.meetingLink && (
          <Anchor href={c.meetingLink} target="_blank" rel="noreferrer noopener" size="xs">
            Join link
          </Anchor>
        )}
      </Group>
    </Row>
  );
}

function NoResponseRow({ item, asOf }: { item: FollowUpItem; asOf: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('No reply to the first message or the follow-up');
  const s = followUpText(item, asOf);
  const move = useMutation({
    mutationFn: () => api.movePartner(item.partner.id, 'no_response', reason.trim() || undefined),
    onSuccess: (p) => {
      for (const key of [['today'], ['followups'], ['partners'], ['partner', p.id], ['timeline', p.id]]) {
        queryClient.invalidateQueries({ queryKey: key });
      }
      notifications.show({
        color: 'teal',
        title: 'Marked no response',
        message: `${p.name} rests; you can approach them again later.`,
      });
      setOpen(false);
    },
  });
  return (
    <Row
      id={item.partner.id}
      name={item.partner.name}
      action={
        <Button size="xs" variant="default" leftSection={<IconUserOff size={14} />} onClick={() => setOpen(true)}>
          Mark no response
        </Button>
      }
    >
      <Text size="xs" c="dimmed" title={s.date ? calendarDate(s.date) : undefined}>
        {s.text}
      </Text>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={<Text fw={700}>Mark {item.partner.name} as no response</Text>}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate();
          }}
        >
          <Stack gap="md">
            <Textarea
              label="Reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {move.error && (
              <Text c="red" size="sm">
                {move.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={move.isPending}>
                Mark no response
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Row>
  );
}
