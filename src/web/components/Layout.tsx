import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconMoon, IconRefreshDot, IconSun } from '@tabler/icons-react';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { NAV } from '../nav.js';
import { ComposerProvider } from './outreach/ComposerProvider.js';
import { PartnerFormProvider } from './PartnerFormProvider.js';
import { PartnerSearch } from './PartnerSearch.js';
import { QuickAdd } from './QuickAdd.js';

export function Layout() {
  return (
    <PartnerFormProvider>
      <ComposerProvider>
        <Shell />
      </ComposerProvider>
    </PartnerFormProvider>
  );
}

function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const phone = useMediaQuery('(max-width: 48em)');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Group gap={6} wrap="nowrap" visibleFrom="xs" style={{ flexShrink: 0 }}>
            <IconRefreshDot size={24} color="var(--mantine-primary-color-filled)" aria-hidden />
            <Text fw={700} size="lg">
              Partnerloop
            </Text>
          </Group>
          <PartnerSearch />
          <Group gap="xs" wrap="nowrap" ml="auto">
            <QuickAdd compact={!!phone} />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Hidden, not just slid away, so keyboard focus never lands on the closed menu. */}
      <AppShell.Navbar p="sm" aria-label="Main" style={phone && !opened ? { visibility: 'hidden' } : undefined}>
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.6} />}
            active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
            onClick={close}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => setColorScheme(next)}
        aria-label={`Switch to ${next} theme`}
      >
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
