import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconFileExport, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Props {
  /** The import screen's route and the item's label; left out where a list cannot be imported. */
  importTo?: string;
  importLabel?: string;
  /** The CSV export of the list as filtered now, with or without a byte-order mark for Excel. */
  exportHref: (bom: boolean) => string;
}

/** A list page's secondary actions: bring a spreadsheet in, take the shown list out. */
export function PortabilityMenu({ importTo, importLabel = 'Import CSV', exportHref }: Props) {
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <ActionIcon variant="default" size={36} aria-label="More actions">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {importTo && (
          <>
            <Menu.Item component={Link} to={importTo} leftSection={<IconFileImport size={16} />}>
              {importLabel}
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        <Menu.Label>The list as filtered now</Menu.Label>
        <Menu.Item component="a" href={exportHref(false)} download leftSection={<IconFileExport size={16} />}>
          Export CSV
        </Menu.Item>
        <Menu.Item component="a" href={exportHref(true)} download leftSection={<IconFileSpreadsheet size={16} />}>
          Export CSV for Excel (BOM)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
