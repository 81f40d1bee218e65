import type { PartnerListParams } from '../../api.js';
import { exportUrl } from './importApi.js';
import { PortabilityMenu } from './PortabilityMenu.js';

/** The Partners page's secondary actions: bring a spreadsheet in, take the shown list out. */
export function PartnersMenu({ filters }: { filters: PartnerListParams }) {
  return (
    <PortabilityMenu
      importTo="/partners/import"
      importLabel="Import a spreadsheet"
      exportHref={(bom) => exportUrl(filters, bom)}
    />
  );
}
