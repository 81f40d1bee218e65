import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconArrowLeft, IconCalendarDue, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Partner, type Profile } from '../api.js';
import { PartnerDeals } from '../components/agreements/PartnerDeals.js';
import { todayIn } from '../components/fees/useWorkspace.js';
import { MoveMenu } from '../components/MoveMenu.js';
import { OutreachPanel } from '../components/outreach/OutreachPanel.js';
import { usePartnerForm } from '../components/PartnerFormProvider.js';
import { capitalize, TYPE_LABELS } from '../components/partnerFormValues.js';
import { StageBadge } from '../components/StageBadge.js';
import { Timeline } from '../components/Timeline.js';
import { useMovePartner } from '../components/useMovePartner.js';
import { calendarDate, dueLabel, exactTime, isOverdue, relativeTime } from '../format.js';

export function PartnerPage() {
  const { id = '' } = useParams();
  const partner = useQuery({ queryKey: ['partner', id], queryFn: () => api.getPartner(id) });
  const profile = useQuery({ queryKey: ['profile'], queryFn: api.getProfile });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/partners" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden /> All partners
        </Group>
      </Anchor>
      {partner.isError ? (
        <Alert color="red" title="Partner not found">
          {partner.error.message}
        </Alert>
      ) : partner.isPending ? (
        <Stack gap="md">
          <Skeleton height={36} width="40%" />
          <Skeleton height={120} />
        </Stack>
      ) : (
        <Details partner={partner.data} profile={profile.data} />
      )}
    </Stack>
  );
}

function Details({ partner: p, profile }: { partner: Partner; profile: Profile | undefined }) {
  const timeZone = profile?.timeZone;
  const today = todayIn(timeZone);
  const form = usePartnerForm();
  const move = useMovePartner();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () => (p.archivedAt ? api.restorePartner(p.id) : api.archivePartner(p.id)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['partner', saved.id], saved);
      queryClient.invalidateQueries({ queryKey: ['partners'] });
      queryClient.invalidateQueries({ queryKey: ['timeline', saved.id] });
      notifications.show({
        color: 'teal',
        title: saved.archivedAt ? 'Archived' : 'Restored',
        message: saved.archivedAt
          ? `${saved.name} is hidden from lists; the history is kept.`
          : `${saved.name} is back on your lists.`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message }),
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {p.name}
            </Title>
            <StageBadge stage={p.stage} size="lg" data-testid="stage-badge" />
            {p.archivedAt && (
              <Badge variant="outline" color="gray" tt="none">
                Archived
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {[TYPE_LABELS[p.type], p.subtype && capitalize(p.subtype), p.company !== p.name ? p.company : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => form.open(p)}>
            Edit
          </Button>
          <MoveMenu
            partner={p}
            onMove={(to) =>
              move.mutate({ partner: p, to, undo: (from) => move.mutate({ partner: { ...p, stage: to }, to: from }) })
            }
            disabled={move.isPending}
          />
          <Button
            variant="subtle"
            color="gray"
            leftSection={p.archivedAt ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
            onClick={() => archive.mutate()}
            loading={archive.isPending}
          >
            {p.archivedAt ? 'Restore' : 'Archive'}
          </Button>
        </Group>
      </Group>

      <Paper withBorder radius="md" p="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconCalendarDue size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Next action
            </Text>
            {p.nextAction ? (
              <Text fw={600}>{p.nextAction}</Text>
            ) : (
              <Text c="dimmed">None planned. Edit the partner to set one.</Text>
            )}
            {p.nextActionDate && (
              <Text
                size="sm"
                c={isOverdue(p.nextActionDate, today) ? 'var(--pl-overdue)' : 'dimmed'}
                title={calendarDate(p.nextActionDate)}
              >
                {calendarDate(p.nextActionDate)} · {dueLabel(p.nextActionDate, today)}
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>

      <OutreachPanel partner={p} profile={profile} />
      <PartnerDeals partnerId={p.id} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              Key facts
            </Title>
            <Stack gap="sm">
              <Fact label="Contact">{p.contactName}</Fact>
              <Fact label="E-mail">{p.email && <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor>}</Fact>
              <Fact label="LinkedIn">{p.linkedinUrl && <ExternalLink href={p.linkedinUrl} />}</Fact>
              <Fact label="Website">{p.website && <ExternalLink href={p.website} />}</Fact>
              <Fact label="Audience">{p.audience}</Fact>
              <Fact label="Owner">{p.owner}</Fact>
              <Fact label="Tags">
                {p.tags.length > 0 && (
                  <Group gap={4}>
                    {p.tags.map((t) => (
                      <Badge key={t} variant="default" tt="none" size="sm">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Fact>
              <Fact label="Notes">
                {p.notes && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {p.notes}
                  </Text>
                )}
              </Fact>
              <Fact label="Added">
                <span title={exactTime(p.createdAt, timeZone)}>{relativeTime(p.createdAt)}</span>
              </Fact>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="md">
              Timeline
            </Title>
            <Timeline partnerId={p.id} timeZone={timeZone} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children ? (
        <Text size="sm" component="div">
          {children}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </div>
  );
}

function ExternalLink({ href }: { href: string }) {
  const url = /^https?:\/\//i.test(href) ? href : `https://${href}`;
  return (
    <Anchor href={url} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
      {href.replace(/^https?:\/\/(www\.)?/i, '')}
    </Anchor>
  );
}
