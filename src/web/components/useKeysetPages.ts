import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/**
 * A filtered list read a keyset page at a time ("Load more"), with every loaded row in order.
 * While new filters load, the previous rows stay on screen instead of flashing empty.
 */
export function useKeysetPages<Page extends { items: unknown[]; nextCursor: string | null }>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page>,
) {
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows: Page['items'][number][] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return { list, rows };
}
