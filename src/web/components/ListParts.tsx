import { Button, Group, Skeleton, Table } from '@mantine/core';

/** Grey rows that hold a table's height while its first page loads. */
export function SkeletonRows({ rows, colSpan }: { rows: number; colSpan: number }) {
  return Array.from({ length: rows }, (_, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
    <Table.Tr key={i}>
      <Table.Td colSpan={colSpan}>
        <Skeleton height={14} my={4} />
      </Table.Td>
    </Table.Tr>
  ));
}

/** The keyset "Load more" under a list, shown while the server says there is another page. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; fetchNextPage: () => unknown; isFetchingNextPage: boolean };
}) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
        Load more
      </Button>
    </Group>
  );
}
