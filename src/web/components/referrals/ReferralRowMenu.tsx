import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconRotate, IconThumbDown, IconThumbUp, IconTrophy, IconUserOff, IconX } from '@tabler/icons-react';
import type { Referral } from '../../dealsApi.js';
import type { OutcomeKind } from './ReferralOutcomeModal.js';
import { useReferralAction } from './useReferralAction.js';

/** The row actions of a referral; those that need details open the outcome dialog. */
export function ReferralRowMenu({
  referral: r,
  onOutcome,
}: {
  referral: Referral;
  onOutcome(kind: OutcomeKind): void;
}) {
  const act = useReferralAction();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Actions for ${r.leadName}`}
          onClick={(e) => e.stopPropagation()}
          loading={act.isPending}
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {r.outcome === 'pending' && (
          <>
            <Menu.Item leftSection={<IconTrophy size={16} />} onClick={() => onOutcome('won')}>
              Mark won…
            </Menu.Item>
            <Menu.Item leftSection={<IconX size={16} />} onClick={() => onOutcome('lost')}>
              Mark lost…
            </Menu.Item>
          </>
        )}
        {r.outcome === 'won' && !r.endDate && (
          <Menu.Item leftSection={<IconUserOff size={16} />} onClick={() => onOutcome('end')}>
            End client…
          </Menu.Item>
        )}
        {r.outcome !== 'pending' && (
          <Menu.Item
            leftSection={<IconRotate size={16} />}
            onClick={() => act.mutate({ referral: r, action: { kind: 'reopen' } })}
          >
            Reopen
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>Fit</Menu.Label>
        <Menu.Item
          leftSection={<IconThumbUp size={16} />}
          onClick={() => act.mutate({ referral: r, action: { kind: 'fit', fit: r.fit === 'good' ? null : 'good' } })}
        >
          {r.fit === 'good' ? 'Clear “good fit”' : 'Good fit'}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconThumbDown size={16} />}
          onClick={() => act.mutate({ referral: r, action: { kind: 'fit', fit: r.fit === 'bad' ? null : 'bad' } })}
        >
          {r.fit === 'bad' ? 'Clear “bad fit”' : 'Bad fit'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
