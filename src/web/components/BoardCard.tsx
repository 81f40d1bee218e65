import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Stage } from '../../domain/stage.js';
import type { Partner } from '../api.js';
import { calendarDate, dueLabel, isOverdue } from '../format.js';
import { useWorkspace } from './fees/useWorkspace.js';
import { MoveMenu } from './MoveMenu.js';
import { TYPE_LABELS } from './partnerFormValues.js';

interface Props {
  partner: Partner;
  onMove(to: Stage): void;
}

export function BoardCard({ partner, onMove }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: partner.id, data: { partner } });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      className="board-card"
      data-dragging={isDragging}
      data-testid={`card-${partner.id}`}
    >
      <CardBody partner={partner}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Drag ${partner.name}`}
          style={{ cursor: 'grab' }}
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <MoveMenu partner={partner} onMove={onMove} variant="icon" />
      </CardBody>
    </Paper>
  );
}

/** The card's contents; also drawn in the drag overlay. `children` are the handle and menu. */
export function CardBody({ partner, children }: { partner: Partner; children?: [React.ReactNode, React.ReactNode] }) {
  const today = useWorkspace().today();
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      {children?.[0]}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor
          component={Link}
          to={`/partners/${partner.id}`}
          fw={600}
          size="sm"
          c="var(--mantine-color-text)"
          lineClamp={1}
        >
          {partner.name}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[TYPE_LABELS[partner.type], partner.company !== partner.name ? partner.company : null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {partner.nextAction && (
          <Text size="xs" lineClamp={2} mt={4}>
            {partner.nextAction}
          </Text>
        )}
        {partner.nextActionDate && (
          <Text
            size="xs"
            c={isOverdue(partner.nextActionDate, today) ? 'var(--pl-overdue)' : 'dimmed'}
            title={calendarDate(partner.nextActionDate)}
          >
            {dueLabel(partner.nextActionDate, today)}
          </Text>
        )}
      </Stack>
      {children?.[1]}
    </Group>
  );
}
