import { Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, outreachApi, type Partner, type ReplyAnswer } from '../../api.js';
import { FormFooter } from '../FormFooter.js';

const ANSWERS: { value: ReplyAnswer; label: string }[] = [
  { value: 'interested', label: 'Interested' },
  { value: 'not_now', label: 'Not now' },
  { value: 'no', label: 'No' },
];

/** Their answer stops the follow-up rule and moves the stage (replied or declined). */
export function ReplyModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState<ReplyAnswer>('interested');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => outreachApi.reply(partner.id, { answer, ...(on ? { on } : {}), note: note.trim() || null }),
    onSuccess: () => {
      for (const key of [['partner', partner.id], ['timeline', partner.id], ['partners'], ['today'], ['followups']]) {
        queryClient.invalidateQueries({ queryKey: key });
      }
      notifications.show({
        color: 'teal',
        title: 'Reply recorded',
        message: `${partner.name}: the follow-up rule stops here.`,
      });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Record {partner.name}'s reply</Text>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <div>
            <Text size="sm" fw={500} mb={4} id="answer-label">
              Their answer
            </Text>
            <SegmentedControl
              aria-labelledby="answer-label"
              fullWidth
              value={answer}
              onChange={(v) => setAnswer(v as ReplyAnswer)}
              data={ANSWERS}
            />
          </div>
          <TextInput
            type="date"
            label="Replied on"
            description="Leave empty for today"
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={errors.on}
          />
          <Textarea
            label="Note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.note}
          />
          <FormFooter
            error={save.error}
            fieldErrors={errors}
            pending={save.isPending}
            submitLabel="Record reply"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
