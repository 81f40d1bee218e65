import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled block of the review; it never splits across printed pages. */
export function ReviewSection({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const id = `review-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} className="review-section" data-testid={testId}>
      <section aria-labelledby={id}>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id={id}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </section>
    </Paper>
  );
}

/** A compact table of the numbers a chart draws, for those who read rather than look. */
export function NumbersCaption({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="xs">
      {children}
    </Text>
  );
}
