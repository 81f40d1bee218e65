import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

/** An empty list that says what the step is for and offers the first action. */
export function EmptyStep({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: ComponentType<{ size?: number }>;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 32 }}>
      <Stack gap="sm" align="flex-start" maw={560}>
        <ThemeIcon size={44} radius="xl" variant="light">
          <Icon size={24} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm">{children}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
