import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconFileImport, IconPlus, IconUsersPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api.js';
import { usePartnerForm } from './PartnerFormProvider.js';

/** The first step on an empty workspace: write down a handful of potential partners. */
export function EmptyWorkspace() {
  const form = usePartnerForm();
  const queryClient = useQueryClient();
  const demo = useMutation({
    mutationFn: api.loadDemo,
    onSuccess: (r) => {
      queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        title: 'Sample data loaded',
        message: `${r.partners} sample partners added.`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not load the sample', message: err.message }),
  });
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 40 }} maw={720} mx="auto" mt="xl">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconUsersPlus size={26} />
        </ThemeIcon>
        <Title order={2} size="h3">
          Start with 5–10 potential partners
        </Title>
        <Text c="dimmed">
          Referral partners are businesses that already serve the clients you want: agencies with a different specialty,
          brands, and freelancers such as copywriters or coaches. Write down a short list first; you will reach out to
          them from here and track every step.
        </Text>
        <List size="sm" spacing={4} c="dimmed">
          <List.Item>Who sells to your ideal client but does not do what you do?</List.Item>
          <List.Item>Who do you already send work to, or get asked about?</List.Item>
        </List>
        <Group gap="sm" mt="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => form.open()}>
            Add partner
          </Button>
          <Button
            variant="default"
            leftSection={<IconDatabaseImport size={16} />}
            loading={demo.isPending}
            onClick={() => demo.mutate()}
          >
            Load sample data
          </Button>
          <Button variant="default" component={Link} to="/partners/import" leftSection={<IconFileImport size={16} />}>
            Import a spreadsheet
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
