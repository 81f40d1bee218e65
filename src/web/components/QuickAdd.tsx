// The global quick-add: one button and the N key open a small chooser for the three things
// worth capturing between client work: a partner, a referral, a message already sent.
import { ActionIcon, Button, Kbd, Menu, Modal, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconHeartHandshake, IconMessage, IconPlus, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useComposer } from './outreach/ComposerProvider.js';
import { usePartnerForm } from './PartnerFormProvider.js';
import { PartnerSearch } from './PartnerSearch.js';
import { QuickAddReferral } from './referrals/QuickAddReferral.js';

type Choice = 'partner' | 'referral' | 'message';

export function QuickAdd({ compact }: { compact: boolean }) {
  const form = usePartnerForm();
  const composer = useComposer();
  const [menu, setMenu] = useState(false);
  const [open, setOpen] = useState<Choice | null>(null);
  const choose = (c: Choice) => {
    setMenu(false);
    if (c === 'partner') form.open();
    else setOpen(c);
  };
  // P, R or M pick straight from the open chooser, so "N then R" logs a referral.
  const letter = (c: Choice) => () => {
    if (menu) choose(c);
  };
  useHotkeys([
    ['n', () => setMenu(true)],
    ['p', letter('partner'), { preventDefault: false }],
    ['r', letter('referral'), { preventDefault: false }],
    ['m', letter('message'), { preventDefault: false }],
  ]);

  return (
    <>
      <Menu opened={menu} onChange={setMenu} position="bottom-end" width={230} shadow="md">
        <Menu.Target>
          {compact ? (
            <ActionIcon size="lg" aria-label="Quick add (N)" aria-keyshortcuts="n">
              <IconPlus size={18} />
            </ActionIcon>
          ) : (
            <Button leftSection={<IconPlus size={16} />} aria-keyshortcuts="n">
              New
            </Button>
          )}
        </Menu.Target>
        <Menu.Dropdown aria-label="Quick add">
          <Menu.Label>
            Quick add <Kbd size="xs">N</Kbd>
          </Menu.Label>
          <Menu.Item
            leftSection={<IconUser size={16} />}
            rightSection={<Kbd size="xs">P</Kbd>}
            onClick={() => choose('partner')}
          >
            Partner
          </Menu.Item>
          <Menu.Item
            leftSection={<IconHeartHandshake size={16} />}
            rightSection={<Kbd size="xs">R</Kbd>}
            onClick={() => choose('referral')}
          >
            Referral
          </Menu.Item>
          <Menu.Item
            leftSection={<IconMessage size={16} />}
            rightSection={<Kbd size="xs">M</Kbd>}
            onClick={() => choose('message')}
          >
            Log a message
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <QuickAddReferral opened={open === 'referral'} onClose={() => setOpen(null)} />
      <Modal
        opened={open === 'message'}
        onClose={() => setOpen(null)}
        title={<Text fw={650}>Log a message</Text>}
        closeButtonProps={{ 'aria-label': 'Cancel' }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Who did you write to? Pick the partner, then paste or write the message and mark it sent.
          </Text>
          <PartnerSearch
            label="Find the partner"
            autoFocus
            onPick={(id) => {
              setOpen(null);
              composer.open({ partnerId: id });
            }}
          />
        </Stack>
      </Modal>
    </>
  );
}
