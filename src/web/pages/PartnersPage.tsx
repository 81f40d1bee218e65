import { Button, Center, Group, Loader, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { IconLayoutKanban, IconPlus, IconTable } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { EmptyWorkspace } from '../components/EmptyWorkspace.js';
import { PartnersMenu } from '../components/import/PartnersMenu.js';
import { PageHeader } from '../components/PageHeader.js';
import { PartnerBoard } from '../components/PartnerBoard.js';
import { PartnerFilters } from '../components/PartnerFilters.js';
import { usePartnerForm } from '../components/PartnerFormProvider.js';
import { PartnerTable } from '../components/PartnerTable.js';
import { usePartnerFilters } from '../components/usePartnerFilters.js';

export function PartnersPage() {
  const form = usePartnerForm();
  const { filters, sort, dir, view, update } = usePartnerFilters();
  const any = useQuery({
    queryKey: ['partners', 'any'],
    queryFn: () => api.listPartners({ limit: 1, archived: 'include' }),
  });

  const header = (
    <PageHeader
      title="Partners"
      description="Everyone you could refer work to, or receive it from, and where each conversation stands."
      actions={
        <>
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(v) => update({ view: v === 'board' ? 'board' : null })}
            data={[
              {
                value: 'table',
                label: (
                  <Center style={{ gap: 6 }}>
                    <IconTable size={16} aria-hidden />
                    <span>Table</span>
                  </Center>
                ),
              },
              {
                value: 'board',
                label: (
                  <Center style={{ gap: 6 }}>
                    <IconLayoutKanban size={16} aria-hidden />
                    <span>Board</span>
                  </Center>
                ),
              },
            ]}
          />
          <Group gap="sm" wrap="nowrap">
            <Button leftSection={<IconPlus size={16} />} onClick={() => form.open()}>
              Add partner
            </Button>
            <PartnersMenu filters={filters} />
          </Group>
        </>
      }
    />
  );

  if (any.isPending) {
    return (
      <>
        {header}
        <Center py="xl">
          <Loader aria-label="Loading partners" />
        </Center>
      </>
    );
  }
  if (any.data?.total === 0) {
    return (
      <>
        <VisuallyHidden>
          <h1>Partners</h1>
        </VisuallyHidden>
        <EmptyWorkspace />
      </>
    );
  }
  return (
    <>
      {header}
      <PartnerFilters filters={filters} update={update} showStage={view === 'table'} />
      {view === 'board' ? (
        <PartnerBoard filters={filters} />
      ) : (
        <PartnerTable filters={filters} sort={sort} dir={dir} onSort={(s, d) => update({ sort: s, dir: d })} />
      )}
    </>
  );
}
