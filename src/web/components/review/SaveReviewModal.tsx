import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api.js';
import { type PeriodParams, reviewApi } from './reviewApi.js';

/** Saves a snapshot of the figures with the owner's notes and decisions. */
export function SaveReviewModal({
  opened,
  onClose,
  period,
  periodLabel,
}: {
  opened: boolean;
  onClose: () => void;
  period: PeriodParams;
  periodLabel: string;
}) {
  const [notes, setNotes] = useState('');
  const [decisions, setDecisions] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => reviewApi.save(period, notes, decisions),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: ['reviews'] });
      queryClient.invalidateQueries({ queryKey: ['review'] });
      notifications.show({
        color: 'teal',
        title: 'Review saved',
        message: `The ${saved.periodLabel} review is saved.`,
      });
      setNotes('');
      setDecisions('');
      setErrors({});
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notifications.show({ color: 'red', title: 'Could not save the review', message: err.message });
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Save the ${periodLabel} review`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            The figures are kept as they are now, with what you noticed and what you decided.
          </Text>
          <Textarea
            label="Notes"
            placeholder="What stood out this period"
            autosize
            minRows={3}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
            data-autofocus
          />
          <Textarea
            label="Decisions"
            placeholder="Where to double down, whom to talk to, what to try next"
            autosize
            minRows={3}
            maxLength={5000}
            value={decisions}
            onChange={(e) => setDecisions(e.currentTarget.value)}
            error={errors.decisions}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
