import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconFileExport, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { PartnerListParams } from '../../api.js';
import { exportUrl } from './importApi.js';

/** The Partners page's secondary actions: bring a spreadsheet in, take the shown list out. */
export function PartnersMenu({ filters }: { filters: PartnerListParams }) {
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <ActionIcon variant="default" size={36} aria-label="More actions">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/partners/import" leftSection={<IconFileImport size={16} />}>
          Import a spreadsheet
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>The list as filtered now</Menu.Label>
        <Menu.Item component="a" href={exportUrl(filters, false)} download leftSection={<IconFileExport size={16} />}>
          Export CSV
        </Menu.Item>
        <Menu.Item
          component="a"
          href={exportUrl(filters, true)}
          download
          leftSection={<IconFileSpreadsheet size={16} />}
        >
          Export CSV for Excel (BOM)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
