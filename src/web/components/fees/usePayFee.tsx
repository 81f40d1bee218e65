import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dealsApi, type FeeLine } from '../../dealsApi.js';

type Change = { line: FeeLine; pay: true; on: string } | { line: FeeLine; pay: false };

/** Marks a fee line paid or unpaid, confirming with an Undo that puts it back as it was. */
export function usePayFee() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (c: Change & { undo?: boolean }) =>
      c.pay ? dealsApi.payFee(c.line.id, c.on) : dealsApi.unpayFee(c.line.id),
    onSuccess: (saved, c) => {
      queryClient.invalidateQueries({ queryKey: ['fees'] });
      queryClient.invalidateQueries({ queryKey: ['today'] });
      queryClient.invalidateQueries({ queryKey: ['partner-deals', saved.partnerId] });
      queryClient.invalidateQueries({ queryKey: ['timeline', saved.partnerId] });
      if (c.undo) return;
      const id = `fee-${saved.id}-${saved.status}`;
      const back: Change & { undo: boolean } = c.pay
        ? { line: saved, pay: false, undo: true }
        : { line: saved, pay: true, on: c.line.paidOn ?? saved.dueDate, undo: true };
      notifications.show({
        id,
        color: 'teal',
        title: c.pay ? 'Marked paid' : 'Marked unpaid',
        message: (
          <span>
            {saved.partnerName} · {saved.leadName} #{saved.seq}{' '}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                notifications.hide(id);
                mutation.mutate(back);
              }}
            >
              Undo
            </Button>
          </span>
        ),
        autoClose: 5000,
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message, autoClose: 8000 }),
  });
  return mutation;
}
