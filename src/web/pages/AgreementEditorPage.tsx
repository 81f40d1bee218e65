import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypePdf, IconMarkdown } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AgreementTerm } from '../../domain/agreement.js';
import { onePagerMarkdown } from '../../domain/onepager.js';
import { ApiError, api, type Partner } from '../api.js';
import { AgreementForm } from '../components/agreements/AgreementForm.js';
import { AgreementMenu } from '../components/agreements/AgreementMenu.js';
import {
  type AgreementFormValues,
  agreementFormValues,
  previewAgreement,
  toAgreementInput,
} from '../components/agreements/agreementFormValues.js';
import { STATUS_COLORS, STATUS_LABELS, TERM_LABELS } from '../components/agreements/labels.js';
import { OnePagerPreview } from '../components/agreements/OnePagerPreview.js';
import { useWorkspace } from '../components/fees/useWorkspace.js';
import { toMajor } from '../components/profileValues.js';
import { PartnerPicker } from '../components/referrals/PartnerPicker.js';
import { type Agreement, dealsApi, fieldIssues, onePagerUrl } from '../dealsApi.js';

/** /agreements/new?partner=ID proposes one; /agreements/:id edits and acts on it. */
export function AgreementEditorPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const [partnerId, setPartnerId] = useState<string | null>(search.get('partner'));
  const agreement = useQuery({ queryKey: ['agreement', id], queryFn: () => dealsApi.getAgreement(id!), enabled: !!id });
  const ws = useWorkspace();
  const pid = agreement.data?.partnerId ?? partnerId;
  const partner = useQuery({ queryKey: ['partner', pid], queryFn: () => api.getPartner(pid!), enabled: !!pid });

  const back = (
    <Anchor component={Link} to="/agreements" size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden /> All agreements
      </Group>
    </Anchor>
  );
  if (id && agreement.isError) {
    return (
      <Stack gap="lg">
        {back}
        <Alert color="red" title="Agreement not found">
          {agreement.error.message}
        </Alert>
      </Stack>
    );
  }
  if (!id && !partnerId) {
    return (
      <Stack gap="lg" maw={480}>
        {back}
        <Title order={1} size="h2">
          New agreement
        </Title>
        <Text c="dimmed" size="sm">
          Pick the partner you have talked terms with. The proposal stays a draft until you activate it.
        </Text>
        <PartnerPicker label="Partner" value={null} onChange={setPartnerId} data-autofocus />
      </Stack>
    );
  }
  if ((id && agreement.isPending) || partner.isPending || !ws.profile) {
    return (
      <Stack gap="md">
        {back}
        <Skeleton height={36} width="40%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (partner.isError) {
    return (
      <Stack gap="lg">
        {back}
        <Alert color="red" title="Partner not found">
          {partner.error.message}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {back}
      <Editor key={agreement.data?.id ?? 'new'} saved={agreement.data ?? null} partner={partner.data} />
    </Stack>
  );
}

function Editor({ saved, partner }: { saved: Agreement | null; partner: Partner }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const money = { toMajor: (m: number) => toMajor(m, ws.currency), toMinor: ws.toMinor };
  const [values, setValues] = useState<AgreementFormValues>(() => agreementFormValues(saved, money));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const readOnly = saved?.status === 'ended';

  const set = <K extends keyof AgreementFormValues>(key: K, value: AgreementFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => f !== key && !f.startsWith(`${key}.`))));
  };
  const refresh = (a: Agreement) => {
    queryClient.setQueryData(['agreement', a.id], a);
    queryClient.invalidateQueries({ queryKey: ['agreements'] });
    queryClient.invalidateQueries({ queryKey: ['partner', a.partnerId] });
    queryClient.invalidateQueries({ queryKey: ['partner-deals', a.partnerId] });
    queryClient.invalidateQueries({ queryKey: ['timeline', a.partnerId] });
    queryClient.invalidateQueries({ queryKey: ['partners'] });
    queryClient.invalidateQueries({ queryKey: ['fees'] });
  };
  const showError = (err: Error) => {
    const fields = fieldIssues(err);
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? 'Check the fields marked below.' : err.message);
  };

  const save = useMutation({
    mutationFn: async (then: 'stay' | 'activate') => {
      const input = toAgreementInput(values, money);
      let a = saved ? await dealsApi.editAgreement(saved.id, input) : await dealsApi.createAgreement(partner.id, input);
      if (then === 'activate') {
        try {
          a = await dealsApi.activateAgreement(a.id);
        } catch (err) {
          refresh(a);
          throw err;
        }
      }
      return { a, then };
    },
    onSuccess: ({ a, then }) => {
      setErrors({});
      setFormError(null);
      refresh(a);
      notifications.show({
        color: 'teal',
        title: then === 'activate' ? 'Agreement active' : saved ? 'Changes saved' : 'Proposal saved',
        message:
          then === 'activate'
            ? `${partner.name} is now at stage Agreement; referrals from ${a.startDate} follow these terms.`
            : `Agreement with ${partner.name}.`,
      });
      if (!saved) navigate(`/agreements/${a.id}`, { replace: true });
    },
    onError: showError,
  });

  const act = useMutation({
    mutationFn: async (
      action:
        | { kind: 'end' }
        | { kind: 'dispute'; term: AgreementTerm; disputed: boolean }
        | { kind: 'refusal'; note: string },
    ) => {
      if (!saved) throw new Error('Save the agreement first');
      if (action.kind === 'end') return { a: await dealsApi.endAgreement(saved.id), kind: action.kind };
      if (action.kind === 'dispute') {
        const r = await dealsApi.disputeTerm(saved.id, action.term, action.disputed);
        setSuggestion(r.suggestion);
        return { a: r.agreement, kind: action.kind };
      }
      await dealsApi.recordRefusal(saved.partnerId, action.note || undefined);
      return { a: await dealsApi.getAgreement(saved.id), kind: action.kind };
    },
    onSuccess: ({ a, kind }) => {
      refresh(a);
      const message =
        kind === 'end'
          ? `The agreement with ${partner.name} ended on ${a.endDate}.`
          : kind === 'refusal'
            ? `${partner.name} moved to Declined; the proposal is closed.`
            : a.disputedTerms.length > 0
              ? `Still to settle: ${a.disputedTerms.map((t) => TERM_LABELS[t]).join(', ')}.`
              : 'Every term is settled.';
      notifications.show({ color: 'teal', title: 'Saved', message });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        title: 'Not done',
        message: err instanceof ApiError ? err.message : String(err),
        autoClose: 8000,
      }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate('stay');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') navigate('/agreements');
  };

  const markdown = onePagerMarkdown({
    agreement: previewAgreement(values, saved, money),
    partner,
    profile: ws.profile!,
    formatMoney: ws.money,
  });

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="Agreement">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="sm">
              <Title order={1} size="h2">
                Agreement with {partner.name}
              </Title>
              {saved && (
                <Badge color={STATUS_COLORS[saved.status]} variant="light" tt="none" data-testid="agreement-status">
                  {STATUS_LABELS[saved.status]}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {saved?.status === 'active'
                ? `In force since ${saved.startDate}. Changes apply to the fees not yet paid.`
                : saved?.status === 'ended'
                  ? `Ended on ${saved.endDate}.`
                  : 'Agree who refers whom and on what terms; the preview is the one-pager you can send.'}{' '}
              <Anchor component={Link} to={`/partners/${partner.id}`} size="sm">
                Open partner
              </Anchor>
            </Text>
          </Stack>
          <Group gap="sm">
            {saved && (
              <AgreementMenu
                agreement={saved}
                busy={act.isPending}
                onEnd={() => act.mutate({ kind: 'end' })}
                onDispute={(term, disputed) => act.mutate({ kind: 'dispute', term, disputed })}
                onRefusal={(note) => act.mutate({ kind: 'refusal', note })}
              />
            )}
            {!readOnly && saved?.status !== 'proposed' && (
              <Button type="submit" loading={save.isPending && save.variables === 'stay'}>
                {saved ? 'Save changes' : 'Save proposal'}
              </Button>
            )}
            {saved?.status === 'proposed' && (
              <>
                <Button type="submit" variant="default" loading={save.isPending && save.variables === 'stay'}>
                  Save
                </Button>
                <Button
                  onClick={() => save.mutate('activate')}
                  loading={save.isPending && save.variables === 'activate'}
                >
                  Activate
                </Button>
              </>
            )}
          </Group>
        </Group>

        {(suggestion || (saved && saved.disputedTerms.length > 0)) && (
          <Alert color="yellow" title="A term is disputed" data-testid="dispute-suggestion">
            <Stack gap={6}>
              <Text size="sm">
                {suggestion ?? 'Send the one-pager so both sides read the same terms, then settle the disputed ones.'}{' '}
                Disputed: {saved?.disputedTerms.map((t) => TERM_LABELS[t]).join(', ') || 'none'}.
              </Text>
              {saved && <DownloadLinks id={saved.id} />}
            </Stack>
          </Alert>
        )}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder radius="md" p="md">
              <AgreementForm
                values={values}
                set={set}
                errors={errors}
                formError={formError}
                partnerName={partner.name}
                currency={ws.currency}
                digits={ws.digits}
                readOnly={readOnly}
              />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper
              withBorder
              radius="md"
              p="lg"
              className="one-pager-paper"
              component="section"
              aria-label="One-pager preview"
            >
              <Group justify="space-between" mb="sm">
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  One-pager preview
                </Text>
                {saved && <DownloadLinks id={saved.id} />}
              </Group>
              <OnePagerPreview markdown={markdown} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}

function DownloadLinks({ id }: { id: string }) {
  return (
    <Group gap="sm">
      <Anchor href={onePagerUrl(id, 'md')} download size="sm">
        <Group gap={4}>
          <IconMarkdown size={16} aria-hidden /> Markdown
        </Group>
      </Anchor>
      <Anchor href={onePagerUrl(id, 'pdf')} download size="sm">
        <Group gap={4}>
          <IconFileTypePdf size={16} aria-hidden /> PDF
        </Group>
      </Anchor>
    </Group>
  );
}
