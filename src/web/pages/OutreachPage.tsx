import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  Select,
  Spoiler,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrackets, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, outreachApi, type Template, type TemplateInput } from '../api.js';
import { useComposer } from '../components/outreach/ComposerProvider.js';
import { PageHeader } from '../components/PageHeader.js';
import { PartnerSearch } from '../components/PartnerSearch.js';
import { calendarDate } from '../format.js';

const KINDS = [
  { value: 'first_touch', label: 'First touch' },
  { value: 'follow_up', label: 'Follow-up' },
  { value: 'bad_fit_clarification', label: 'Bad-fit clarification' },
  { value: 'other', label: 'Other' },
];
const CHANNELS = [
  { value: 'any', label: 'Any channel' },
  { value: 'email', label: 'E-mail' },
  { value: 'linkedin', label: 'LinkedIn' },
];
const kindLabel = (k: string) => KINDS.find((x) => x.value === k)?.label ?? k;

export function OutreachPage() {
  const templates = useQuery({ queryKey: ['templates'], queryFn: outreachApi.templates });
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const composer = useComposer();
  const items = templates.data?.items ?? [];
  const current = selected === 'new' ? null : (items.find((t) => t.id === selected) ?? items[0] ?? null);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Outreach"
        description="Templates for your messages, and a log of everything you sent."
        actions={
          <>
            <PartnerSearch label="Write to a partner" onPick={(partnerId) => composer.open({ partnerId })} />
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setSelected('new')}>
              New template
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="xs">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" py={6}>
              Templates
            </Text>
            {items.map((t) => (
              <NavLink
                key={t.id}
                label={t.name}
                description={t.name === kindLabel(t.kind) ? undefined : kindLabel(t.kind)}
                active={selected !== 'new' && current?.id === t.id}
                onClick={() => setSelected(t.id)}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {(current || selected === 'new') && (
            <TemplateEditor
              key={selected === 'new' ? 'new' : current?.id}
              template={selected === 'new' ? null : current}
              onSaved={(t) => setSelected(t.id)}
            />
          )}
        </Grid.Col>
      </Grid>
      <SentLog />
    </Stack>
  );
}

function TemplateEditor({ template, onSaved }: { template: Template | null; onSaved(t: Template): void }) {
  const queryClient = useQueryClient();
  const [v, setV] = useState<TemplateInput>({
    name: template?.name ?? '',
    kind: template?.kind ?? 'first_touch',
    channel: template?.channel ?? 'any',
    subject: template?.subject ?? '',
    body: template?.body ?? '',
  });
  const [note, setNote] = useState<string | null>(null);
  const set = <K extends keyof TemplateInput>(k: K, value: TemplateInput[K]) => setV((s) => ({ ...s, [k]: value }));
  const save = useMutation({
    mutationFn: () => {
      const input = { ...v, subject: v.subject?.trim() ? v.subject : null };
      return template ? outreachApi.editTemplate(template.id, input) : outreachApi.createTemplate(input);
    },
    onSuccess: (t) => {
      queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifications.show({ color: 'teal', title: 'Template saved', message: t.name });
      onSaved(t);
    },
  });
  const convert = useMutation({
    mutationFn: async () => {
      const body = await outreachApi.convertBrackets(v.body);
      const subject = v.subject ? await outreachApi.convertBrackets(v.subject) : null;
      return { body, subject };
    },
    onSuccess: ({ body, subject }) => {
      setV((s) => ({ ...s, body: body.text, subject: subject ? subject.text : s.subject }));
      const converted = [...body.converted, ...(subject?.converted ?? [])];
      const unknown = [...body.unknown, ...(subject?.unknown ?? [])];
      setNote(
        `${converted.length ? `Converted ${converted.join(', ')}.` : 'No [bracket] placeholders found.'}${
          unknown.length ? ` Left as written: ${unknown.join(', ')}.` : ''
        }`,
      );
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            {template ? 'Edit template' : 'New template'}
          </Title>
          <TextInput
            label="Name"
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Group grow>
            <Select
              label="Kind"
              data={KINDS}
              value={v.kind}
              onChange={(k) => k && set('kind', k as TemplateInput['kind'])}
              allowDeselect={false}
              error={errors.kind}
            />
            <Select
              label="Channel"
              data={CHANNELS}
              value={v.channel}
              onChange={(c) => c && set('channel', c as TemplateInput['channel'])}
              allowDeselect={false}
              error={errors.channel}
            />
          </Group>
          <TextInput
            label="Subject"
            value={v.subject ?? ''}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label="Body"
            description="Merge fields look like {{partner.first_name}}; the composer fills them in for each partner."
            value={v.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            autosize
            minRows={8}
            error={errors.body}
          />
          {note && (
            <Alert color="gray" withCloseButton onClose={() => setNote(null)}>
              {note}
            </Alert>
          )}
          {save.error && !Object.keys(errors).length && (
            <Text c="red" size="sm">
              {save.error.message}
            </Text>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconBrackets size={16} />}
              onClick={() => convert.mutate()}
              loading={convert.isPending}
            >
              Convert [Name] placeholders
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save template
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SentLog() {
  const log = useInfiniteQuery({
    queryKey: ['messages'],
    queryFn: ({ pageParam }) => outreachApi.messages(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        Sent log
      </Title>
      {log.isError ? (
        <Text c="red">{log.error.message}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing sent yet. Open a partner and choose "Write message" to send your first short note.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" data-testid="sent-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Message</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{calendarDate(m.sentOn)}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Anchor component={Link} to={`/partners/${m.partnerId}`} size="sm">
                      {m.partner.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                    <Text size="sm">{kindLabel(m.kind)}</Text>
                    <Text size="xs" c="dimmed">
                      {m.channel === 'email' ? 'E-mail' : m.channel === 'linkedin' ? 'LinkedIn' : 'Sent by hand'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Spoiler
                      maxHeight={44}
                      showLabel="Show all"
                      hideLabel="Show less"
                      classNames={{ control: 'spoiler-control' }}
                    >
                      {m.subject && (
                        <Text size="sm" fw={600}>
                          {m.subject}
                        </Text>
                      )}
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {m.body}
                      </Text>
                    </Spoiler>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Button
          mt="sm"
          variant="default"
          size="xs"
          onClick={() => log.fetchNextPage()}
          loading={log.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Paper>
  );
}
