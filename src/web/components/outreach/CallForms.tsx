import { Modal, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type Call, type Fit, outreachApi, type Partner } from '../../api.js';
import { FormFooter } from '../FormFooter.js';

function invalidate(queryClient: ReturnType<typeof useQueryClient>, partnerId: string) {
  for (const key of [['partner', partnerId], ['timeline', partnerId], ['calls', partnerId], ['partners'], ['today']]) {
    queryClient.invalidateQueries({ queryKey: key });
  }
}

/** Books a fit call at a local time in the workspace time zone. */
export function BookCallModal({
  partner,
  calendarLink,
  timeZone,
  opened,
  onClose,
}: {
  partner: Partner;
  calendarLink: string | null;
  timeZone: string;
  opened: boolean;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [at, setAt] = useState('');
  const [minutes, setMinutes] = useState<number | string>(20);
  const [link, setLink] = useState(calendarLink ?? '');
  const [agenda, setAgenda] = useState('');
  const save = useMutation({
    mutationFn: () =>
      outreachApi.bookCall(partner.id, {
        at,
        minutes: Number(minutes) || 20,
        ...(link.trim() ? { link: link.trim() } : {}),
        agenda: agenda.trim() || null,
      }),
    onSuccess: () => {
      invalidate(queryClient, partner.id);
      notifications.show({
        color: 'teal',
        title: 'Call booked',
        message: `Download the .ics to add it to your calendar.`,
      });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Book a fit call with {partner.name}</Text>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <TextInput
            type="datetime-local"
            label="Starts at"
            description={`In your time zone (${timeZone})`}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errors.at}
            required
          />
          <NumberInput
            label="Minutes"
            description="15–20 minutes is enough to check the fit"
            value={minutes}
            onChange={setMinutes}
            min={5}
            max={240}
            error={errors.minutes}
          />
          <TextInput
            label="Meeting link"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            error={errors.link}
          />
          <Textarea
            label="Agenda"
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.agenda}
          />
          <FormFooter
            error={save.error}
            fieldErrors={errors}
            pending={save.isPending}
            submitLabel="Book call"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The notes the fit call is for: their clients, their services, the fit and what comes next. */
export function CompleteCallModal({
  partner,
  call,
  opened,
  onClose,
}: {
  partner: Partner;
  call: Call;
  opened: boolean;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [fit, setFit] = useState<Fit>('yes');
  const [theirIdealClient, setIdeal] = useState('');
  const [theirServices, setServices] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [notes, setNotes] = useState('');
  const blank = (s: string) => s.trim() || null;
  const save = useMutation({
    mutationFn: () =>
      outreachApi.completeCall(call.id, {
        fit,
        theirIdealClient: blank(theirIdealClient),
        theirServices: blank(theirServices),
        nextStep: blank(nextStep),
        notes: blank(notes),
      }),
    onSuccess: () => {
      invalidate(queryClient, partner.id);
      notifications.show({ color: 'teal', title: 'Call completed', message: `${partner.name} moved to Call done.` });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>How did the call with {partner.name} go?</Text>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Their ideal client"
            value={theirIdealClient}
            onChange={(e) => setIdeal(e.currentTarget.value)}
            error={errors.theirIdealClient}
          />
          <TextInput
            label="Their services"
            value={theirServices}
            onChange={(e) => setServices(e.currentTarget.value)}
            error={errors.theirServices}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="fit-label">
              A good fit?
            </Text>
            <SegmentedControl
              aria-labelledby="fit-label"
              fullWidth
              value={fit}
              onChange={(v) => setFit(v as Fit)}
              data={[
                { value: 'yes', label: 'Yes' },
                { value: 'maybe', label: 'Maybe' },
                { value: 'no', label: 'No' },
              ]}
            />
          </div>
          <TextInput
            label="Next step"
            value={nextStep}
            onChange={(e) => setNextStep(e.currentTarget.value)}
            error={errors.nextStep}
          />
          <Textarea
            label="Notes"
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            error={errors.notes}
          />
          <FormFooter
            error={save.error}
            fieldErrors={errors}
            pending={save.isPending}
            submitLabel="Save notes"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
