import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One block of the Today agenda: a titled card with its count and an optional link on the right. */
export function Section({
  title,
  count,
  testId,
  extra,
  children,
}: {
  title: string;
  count?: number;
  testId: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="section" aria-label={title}>
      <Group gap="xs" mb="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          {count !== undefined && (
            <Text c="dimmed" size="sm">
              {count}
            </Text>
          )}
        </Group>
        {extra}
      </Group>
      <Stack gap={0}>{children}</Stack>
    </Paper>
  );
}

/** An agenda line: the partner (linked) with details below, and its one action on the right. */
export function Row({
  id,
  name,
  children,
  action,
}: {
  id: string;
  name: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="xs" py="xs" wrap="wrap" className="agenda-row">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Anchor component={Link} to={`/partners/${id}`} fw={600} size="sm">
          {name}
        </Anchor>
        {children}
      </Stack>
      {action && <div style={{ flexShrink: 0 }}>{action}</div>}
    </Group>
  );
}

/** Under a list Today cut short: how many it shows of how many, and where the rest are. */
export function ShownOf({ shown, total, children }: { shown: number; total: number; children?: ReactNode }) {
  if (total <= shown) return null;
  return (
    <Text size="xs" c="dimmed" pt="xs" data-testid="shown-of">
      Showing {shown} of {total.toLocaleString('en')}. {children}
    </Text>
  );
}
