import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { canMove, STAGE_LABELS, type Stage } from '../../domain/stage.js';
import { ApiError, api, type Partner } from '../api.js';

/** Moves a partner; confirms briefly, or shows the server's reason when the move is refused. */
export function useMovePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partner, to }: { partner: Partner; to: Stage; undo?: (from: Stage) => void }) =>
      api.movePartner(partner.id, to),
    onSuccess: (moved, { partner, undo }) => {
      queryClient.setQueryData(['partner', moved.id], moved);
      const id = `move-${moved.id}-${moved.updatedAt}`;
      // Undo is offered only when the stage machine allows the way back.
      const undoable = undo && canMove(moved.stage, partner.stage);
      notifications.show({
        id,
        color: 'teal',
        title: 'Stage changed',
        message: (
          <span>
            {moved.name}: {STAGE_LABELS[partner.stage]} → {STAGE_LABELS[moved.stage]}{' '}
            {undoable && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => {
                  notifications.hide(id);
                  undo(partner.stage);
                }}
              >
                Undo
              </Button>
            )}
          </span>
        ),
        autoClose: 4000,
      });
    },
    onError: (err, { partner, to }) => {
      const allowed =
        err instanceof ApiError && Array.isArray(err.details.allowed)
          ? (err.details.allowed as Stage[]).map((s) => STAGE_LABELS[s] ?? s).join(', ')
          : null;
      notifications.show({
        color: 'red',
        title: `${partner.name} cannot move to ${STAGE_LABELS[to]}`,
        message: `${err.message}${allowed ? `. Allowed next: ${allowed}.` : ''}`,
        autoClose: 8000,
      });
    },
    onSettled: (_d, _e, { partner }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['partners'] }),
        queryClient.invalidateQueries({ queryKey: ['partner', partner.id] }),
        queryClient.invalidateQueries({ queryKey: ['timeline', partner.id] }),
      ]),
  });
}
