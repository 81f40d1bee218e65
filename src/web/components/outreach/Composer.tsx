import {
  Alert,
  Anchor,
  Button,
  Drawer,
  Group,
  List,
  Mark,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCopy, IconSend } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type MessageChannel, outreachApi, type Partner, type Template } from '../../api.js';
import { calendarDate } from '../../format.js';
import { usePartnerForm } from '../PartnerFormProvider.js';
import type { ComposeTarget } from './ComposerProvider.js';

const KIND_LABELS: Record<string, string> = {
  first_touch: 'First touch',
  follow_up: 'Follow-up',
  bad_fit_clarification: 'Bad-fit clarification',
  other: 'Other',
};

/** Picks the template to start with: the asked kind, else what the stage calls for. */
function startTemplate(templates: Template[], partner: Partner, kind?: string): Template | undefined {
  const wanted = kind ?? (partner.stage === 'contacted' ? 'follow_up' : 'first_touch');
  return templates.find((t) => t.kind === wanted) ?? templates[0];
}

function defaultChannel(t: Template | undefined, partner: Partner): MessageChannel {
  if (t?.channel === 'linkedin') return 'linkedin';
  if (t?.channel === 'email' && partner.email) return 'email';
  return 'manual';
}

export function Composer({ target, opened, onClose }: { target: ComposeTarget; opened: boolean; onClose(): void }) {
  const phone = useMediaQuery('(max-width: 48em)');
  const partner = useQuery({
    queryKey: ['partner', target.partnerId],
    queryFn: () => api.getPartner(target.partnerId),
  });
  const templates = useQuery({ queryKey: ['templates'], queryFn: outreachApi.templates });
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={<Text fw={700}>Write to {partner.data?.name ?? '…'}</Text>}
    >
      {partner.isError || templates.isError ? (
        <Alert color="red">{(partner.error ?? templates.error)?.message}</Alert>
      ) : partner.data && templates.data ? (
        <ComposerForm partner={partner.data} templates={templates.data.items} kind={target.kind} onDone={onClose} />
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </Drawer>
  );
}

function ComposerForm({
  partner,
  templates,
  kind,
  onDone,
}: {
  partner: Partner;
  templates: Template[];
  kind?: string;
  onDone(): void;
}) {
  const queryClient = useQueryClient();
  const partnerForm = usePartnerForm();
  const first = startTemplate(templates, partner, kind);
  const [templateId, setTemplateId] = useState<string | null>(first?.id ?? null);
  const [subject, setSubject] = useState(first?.subject ?? '');
  const [body, setBody] = useState(first?.body ?? '');
  const [channel, setChannel] = useState<MessageChannel>(defaultChannel(first, partner));
  const [on, setOn] = useState('');
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const template = templates.find((t) => t.id === templateId);

  const [draft] = useDebouncedValue({ templateId, subject, body }, 250);
  const preview = useQuery({
    queryKey: ['preview', partner.id, draft],
    queryFn: () =>
      outreachApi.preview(partner.id, {
        ...(draft.templateId ? { template: draft.templateId } : {}),
        subject: draft.subject,
        body: draft.body,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const followUps = useQuery({ queryKey: ['followups'], queryFn: () => outreachApi.followUps() });
  const mine = followUps.data?.items.find((f) => f.partner.id === partner.id);
  const followUpSent = template?.kind === 'follow_up' && mine?.followUpOn ? mine.followUpOn : null;

  const send = useMutation({
    mutationFn: () =>
      outreachApi.send(partner.id, {
        ...(templateId ? { template: templateId } : {}),
        subject,
        body,
        channel,
        ...(on ? { on } : {}),
      }),
    onSuccess: (m) => {
      for (const key of [
        ['partner', partner.id],
        ['timeline', partner.id],
        ['partners'],
        ['today'],
        ['followups'],
        ['messages'],
      ]) {
        queryClient.invalidateQueries({ queryKey: key });
      }
      notifications.show({
        color: 'teal',
        title: m.channel === 'email' ? 'E-mail sent' : 'Marked as sent',
        message: `${KIND_LABELS[m.kind] ?? m.kind} to ${partner.name} is on the timeline.`,
      });
      onDone();
    },
  });

  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const fieldErrors = previewError?.fieldErrors() ?? {};
  const sendError = send.error instanceof ApiError ? send.error : send.error ? { message: send.error.message } : null;
  const missing = preview.data?.missing ?? [];
  const blocked = !preview.data || !!previewError || missing.length > 0 || !!followUpSent;

  const pickTemplate = (id: string | null) => {
    const t = templates.find((x) => x.id === id);
    setTemplateId(id);
    if (t) {
      setSubject(t.subject ?? '');
      setBody(t.body);
      setChannel(defaultChannel(t, partner));
    }
  };

  const copy = async () => {
    if (!preview.data) return;
    try {
      await navigator.clipboard.writeText(preview.data.body);
      setCopiedText(preview.data.body);
      notifications.show({
        color: 'teal',
        title: 'Copied',
        message: 'Paste it into LinkedIn or your mail, then mark it as sent.',
      });
    } catch {
      notifications.show({
        color: 'red',
        title: 'Could not copy',
        message: 'Select the text in the preview and copy it by hand.',
      });
    }
  };

  return (
    <Stack gap="md">
      <Select
        label="Template"
        data={templates.map((t) => ({
          value: t.id,
          label: t.name === KIND_LABELS[t.kind] ? t.name : `${t.name} · ${KIND_LABELS[t.kind] ?? t.kind}`,
        }))}
        value={templateId}
        onChange={pickTemplate}
        allowDeselect={false}
      />
      <TextInput
        label="Subject"
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={fieldErrors.subject}
      />
      <Textarea
        label="Message"
        description="Merge fields such as {{partner.first_name}} are filled in for this partner."
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={14}
        error={fieldErrors.body}
      />

      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-body)" aria-label="Preview">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
          Preview for {partner.name}
          {preview.data?.recipient ? ` · to ${preview.data.recipient}` : ''}
        </Text>
        {preview.data?.subject && (
          <Text fw={600} size="sm" mb={6} data-testid="preview-subject">
            <Highlighted text={preview.data.subject} />
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-body">
          {preview.data ? <Highlighted text={preview.data.body} /> : '…'}
        </Text>
      </Paper>

      {missing.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title="Fill these in before sending"
          data-testid="missing-fields"
        >
          <List size="sm" spacing={4}>
            {missing.map((m) => (
              <List.Item key={m.field}>
                <code>{`{{${m.field}}}`}</code> — {m.label}.{' '}
                {m.field.startsWith('partner.') ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => partnerForm.open(partner)}>
                    Edit the partner
                  </Anchor>
                ) : (
                  <Anchor component={Link} to="/settings" size="sm" onClick={onDone}>
                    Open settings
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
          <Text size="xs" mt={6}>
            Or remove the field from the text.
          </Text>
        </Alert>
      )}
      {followUpSent && (
        <Alert color="gray" title="The one follow-up is already sent" data-testid="follow-up-done">
          You followed up with {partner.name} on {calendarDate(followUpSent)}. One polite follow-up is enough; record
          their reply when it comes.
        </Alert>
      )}
      {sendError && (
        <Alert color="red" title="Not sent" data-testid="send-error">
          {sendError.message}
        </Alert>
      )}

      <Group align="flex-end" gap="md" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="channel-label">
            Sent through
          </Text>
          <SegmentedControl
            aria-labelledby="channel-label"
            value={channel}
            onChange={(v) => setChannel(v as MessageChannel)}
            data={[
              { value: 'email', label: 'E-mail' },
              { value: 'linkedin', label: 'LinkedIn' },
              { value: 'manual', label: 'Other' },
            ]}
          />
        </div>
        <TextInput
          type="date"
          label="Sent on"
          description={channel === 'email' ? 'E-mail goes out now' : 'Leave empty for today'}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          disabled={channel === 'email'}
          error={send.error instanceof ApiError ? send.error.fieldErrors().on : undefined}
          w={170}
        />
      </Group>

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          variant="default"
          leftSection={<IconCopy size={16} />}
          onClick={copy}
          disabled={!preview.data || !!previewError}
        >
          {copiedText !== null && copiedText === preview.data?.body ? 'Copied' : 'Copy text'}
        </Button>
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={blocked || preview.isFetching}
        >
          {channel === 'email' ? 'Send e-mail' : 'Mark as sent'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Shows the rendered text with every still-empty `{{field}}` marked. */
function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\{\{[a-z_]+\.[a-z_]+\}\})/g);
  return (
    <>
      {parts.map((part, i) =>
        /^\{\{.*\}\}$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
          <Mark key={i} color="yellow" data-testid="missing-mark">
            {part}
          </Mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
