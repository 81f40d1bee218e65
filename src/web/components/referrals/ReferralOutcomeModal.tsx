import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { LOST_REASONS, type LostReason } from '../../../domain/referral.js';
import { fieldIssues, type Referral } from '../../dealsApi.js';
import { useWorkspace } from '../fees/useWorkspace.js';
import { toMajor } from '../profileValues.js';
import { LOST_LABELS } from './labels.js';
import { useReferralAction } from './useReferralAction.js';

export type OutcomeKind = 'won' | 'lost' | 'end';

const TITLES: Record<OutcomeKind, string> = { won: 'Mark won', lost: 'Mark lost', end: 'End the client' };

/** The outcome changes that need details: won (value, start), lost (reason), end (churn date). */
export function ReferralOutcomeModal({
  referral,
  kind,
  onClose,
}: {
  referral: Referral | null;
  kind: OutcomeKind | null;
  onClose(): void;
}) {
  return (
    <Modal
      opened={Boolean(referral && kind)}
      onClose={onClose}
      title={referral && kind ? `${TITLES[kind]}: ${referral.leadName}` : ''}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
    >
      {referral && kind && (
        <OutcomeForm key={`${referral.id}-${kind}`} referral={referral} kind={kind} onClose={onClose} />
      )}
    </Modal>
  );
}

function OutcomeForm({ referral, kind, onClose }: { referral: Referral; kind: OutcomeKind; onClose(): void }) {
  const ws = useWorkspace();
  const act = useReferralAction();
  const [value, setValue] = useState<string | number>(
    referral.monthlyValue === null ? '' : toMajor(referral.monthlyValue, ws.currency),
  );
  const [date, setDate] = useState(kind === 'won' ? (referral.startDate ?? ws.today()) : ws.today());
  const [reason, setReason] = useState<LostReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const action =
      kind === 'won'
        ? { kind, monthlyValue: ws.toMinor(value), startDate: date }
        : kind === 'lost'
          ? { kind, reason, note: note.trim() || undefined }
          : { kind, on: date };
    act.mutate(
      { referral, action },
      {
        onSuccess: onClose,
        onError: (err) => {
          const fields = fieldIssues(err);
          setErrors(fields);
          setFormError(Object.keys(fields).length ? null : err.message);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {kind === 'won' && (
          <>
            <NumberInput
              label={`Monthly value (${ws.currency})`}
              description="What the client pays each month; fees are worked out from it"
              required
              decimalScale={ws.digits}
              thousandSeparator=","
              hideControls
              value={value}
              onChange={setValue}
              error={errors.monthlyValue}
              className="tabular"
              data-autofocus
            />
            <TextInput
              label="Client start date"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.startDate}
            />
          </>
        )}
        {kind === 'lost' && (
          <>
            <Select
              label="Reason"
              required
              data={LOST_REASONS.map((r) => ({ value: r, label: LOST_LABELS[r] }))}
              value={reason}
              onChange={(r) => setReason(r as LostReason | null)}
              error={errors.reason}
              data-autofocus
            />
            <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </>
        )}
        {kind === 'end' && (
          <TextInput
            label="Day the client stopped"
            description="Unpaid fee lines for the months after it are dropped; paid ones stay"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.on}
            data-autofocus
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={act.isPending}>
            {TITLES[kind]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
