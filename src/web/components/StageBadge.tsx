import { Badge, type BadgeProps } from '@mantine/core';
import { STAGE_LABELS, type Stage } from '../../domain/stage.js';

/** Tints group the stages (open, won, lost, parked); the label always says the stage in words. */
const COLORS: Record<Stage, string> = {
  identified: 'gray',
  contacted: 'blue',
  followed_up: 'blue',
  replied: 'cyan',
  call_booked: 'violet',
  call_done: 'violet',
  agreement: 'teal',
  declined: 'red',
  no_response: 'orange',
  paused: 'yellow',
  ended: 'dark',
};

export function StageBadge({ stage, ...props }: { stage: Stage } & BadgeProps & { 'data-testid'?: string }) {
  // Mantine clips badge text; in a table column that lets the label shrink to "Followed …".
  return (
    <Badge
      variant="light"
      color={COLORS[stage]}
      radius="sm"
      tt="none"
      fw={600}
      style={{ minWidth: 'max-content', flexShrink: 0 }}
      {...props}
    >
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
