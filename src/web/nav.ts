import {
  IconCalendarCheck,
  IconChartBar,
  IconCoin,
  IconFileText,
  IconHeartHandshake,
  IconMail,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';

export const NAV = [
  { to: '/today', label: 'Today', icon: IconCalendarCheck },
  { to: '/partners', label: 'Partners', icon: IconUsers },
  { to: '/outreach', label: 'Outreach', icon: IconMail },
  { to: '/agreements', label: 'Agreements', icon: IconFileText },
  { to: '/referrals', label: 'Referrals', icon: IconHeartHandshake },
  { to: '/fees', label: 'Fees', icon: IconCoin },
  { to: '/review', label: 'Review', icon: IconChartBar },
  { to: '/settings', label: 'Settings', icon: IconSettings },
] as const;
