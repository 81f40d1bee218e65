import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';
import { EmptyWorkspace } from '../components/EmptyWorkspace.js';
import { ComingSoonPage } from './ComingSoonPage.js';

export function TodayPage() {
  const any = useQuery({
    queryKey: ['partners', 'any'],
    queryFn: () => api.listPartners({ limit: 1, archived: 'include' }),
  });
  if (any.isPending) {
    return (
      <Stack align="center" mt="xl">
        <Loader aria-label="Loading" />
      </Stack>
    );
  }
  return any.data?.total === 0 ? <EmptyWorkspace /> : <ComingSoonPage step="today" />;
}
