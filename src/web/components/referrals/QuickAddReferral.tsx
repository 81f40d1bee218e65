import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { REFERRAL_SOURCES, type ReferralDirection, type ReferralSource } from '../../../domain/referral.js';
import { dealsApi, fieldIssues } from '../../dealsApi.js';
import { useWorkspace } from '../fees/useWorkspace.js';
import { SOURCE_LABELS } from './labels.js';
import { PartnerPicker } from './PartnerPicker.js';

interface Props {
  opened: boolean;
  onClose(): void;
  /** Preset when adding from a partner's page. */
  partnerId?: string;
}

/** Logs a referral in a few keys: direction, where it came from, the lead, the date. */
export function QuickAddReferral({ opened, onClose, partnerId }: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={650} size="lg">
          Log a referral
        </Text>
      }
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
    >
      {opened && <QuickAddForm onClose={onClose} partnerId={partnerId} />}
    </Modal>
  );
}

function QuickAddForm({ onClose, partnerId: preset }: { onClose(): void; partnerId?: string }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<ReferralDirection>('received');
  const [source, setSource] = useState<ReferralSource>('partner');
  const [partnerId, setPartnerId] = useState<string | null>(preset ?? null);
  const [leadName, setLeadName] = useState('');
  const [company, setCompany] = useState('');
  const [contact, setContact] = useState('');
  const [date, setDate] = useState(ws.today());
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: () =>
      dealsApi.addReferral({
        direction,
        source,
        partnerId: source === 'partner' ? (partnerId ?? undefined) : undefined,
        leadName,
        company: company.trim() || null,
        contact: contact.trim() || null,
        date: date || undefined,
        notes: notes.trim() || null,
      }),
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: ['referrals'] });
      if (r.partnerId) {
        queryClient.invalidateQueries({ queryKey: ['partner-deals', r.partnerId] });
        queryClient.invalidateQueries({ queryKey: ['timeline', r.partnerId] });
      }
      notifications.show({
        color: 'teal',
        title: 'Referral logged',
        message: `${r.leadName} (${r.direction}). Mark it won or lost from the log when you know.`,
      });
      onClose();
    },
    onError: (err) => {
      const fields = fieldIssues(err);
      setErrors(fields);
      setFormError(Object.keys(fields).length ? null : err.message);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New referral">
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <div>
            <Text size="sm" fw={500} mb={4} id="ref-direction">
              Direction
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="ref-direction"
              data={[
                { value: 'received', label: 'Received (to us)' },
                { value: 'given', label: 'Given (by us)' },
              ]}
              value={direction}
              onChange={(v) => setDirection(v as ReferralDirection)}
            />
          </div>
          <Select
            label="Source"
            allowDeselect={false}
            data={REFERRAL_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
            value={source}
            onChange={(v) => setSource((v ?? 'partner') as ReferralSource)}
            error={errors.source}
          />
        </SimpleGrid>
        {source === 'partner' && (
          <PartnerPicker
            label={direction === 'received' ? 'From partner' : 'To partner'}
            required
            value={partnerId}
            onChange={setPartnerId}
            error={errors.partnerId}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Lead name"
            required
            data-autofocus
            value={leadName}
            onChange={(e) => setLeadName(e.currentTarget.value)}
            error={errors.leadName}
            maxLength={200}
          />
          <TextInput
            label="Company"
            value={company}
            onChange={(e) => setCompany(e.currentTarget.value)}
            error={errors.company}
            maxLength={200}
          />
          <TextInput
            label="Contact"
            placeholder="E-mail or phone"
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={errors.contact}
            maxLength={300}
          />
          <TextInput
            label="Date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Log referral
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
