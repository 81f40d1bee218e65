import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconArrowsExchange, IconChevronDown, IconDots } from '@tabler/icons-react';
import { allowedMoves, STAGE_LABELS, type Stage } from '../../domain/stage.js';
import type { Partner } from '../api.js';

interface Props {
  partner: Partner;
  onMove(to: Stage): void;
  /** "button" on record pages, a compact icon on board cards. */
  variant?: 'button' | 'icon';
  disabled?: boolean;
}

/** The keyboard-friendly way to move a partner: lists only the stages it may move to. */
export function MoveMenu({ partner, onMove, variant = 'button', disabled }: Props) {
  const moves = allowedMoves(partner.stage);
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        {variant === 'icon' ? (
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${partner.name} to…`} disabled={disabled}>
            <IconDots size={16} />
          </ActionIcon>
        ) : (
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} />}
            rightSection={<IconChevronDown size={14} />}
            disabled={disabled}
          >
            Move to…
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {moves.map((to) => (
          <Menu.Item key={to} onClick={() => onMove(to)}>
            {STAGE_LABELS[to]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
