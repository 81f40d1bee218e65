import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="flex-start" mt="xl" gap="sm">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">This address does not lead anywhere in Partnerloop.</Text>
      <Button component={Link} to="/partners">
        Go to partners
      </Button>
    </Stack>
  );
}
