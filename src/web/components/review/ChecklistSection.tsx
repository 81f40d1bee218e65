import { Alert, Group, List, Progress, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { ReviewSection } from './ReviewSection.js';
import type { Review } from './reviewApi.js';

/** The guide's steps as a checklist, with the next thing to do called out. */
export function ChecklistSection({ checklist }: { checklist: Review['checklist'] }) {
  const pct = checklist.total ? Math.round((checklist.done / checklist.total) * 100) : 0;
  return (
    <ReviewSection title="Checklist" description="The steps of a working partnership pipeline, from your records.">
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="checklist-count">
          {checklist.done} of {checklist.total} done
        </Text>
      </Group>
      <Progress value={pct} aria-label={`${checklist.done} of ${checklist.total} checklist items done`} />
      {checklist.next && (
        <Alert
          variant="light"
          color="teal"
          icon={<IconArrowRight size={18} />}
          title={`Next: ${checklist.next.label}`}
          data-testid="checklist-next"
        >
          {checklist.next.next}
        </Alert>
      )}
      <List spacing="xs" size="sm" center>
        {checklist.items.map((item) => (
          <List.Item
            key={item.key}
            icon={
              <ThemeIcon
                size={20}
                radius="xl"
                color={item.done ? 'teal' : 'gray'}
                variant={item.done ? 'filled' : 'light'}
              >
                {item.done ? <IconCheck size={13} /> : <IconCircleDashed size={13} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={checklist.next?.key === item.key ? 700 : undefined}>
              {item.label}
            </Text>
            <Text size="sm" span c="dimmed" className="tabular">
              {item.progress ? ` · ${item.progress.current} of ${item.progress.target}` : ''}
              {item.done ? ' · done' : ' · to do'}
            </Text>
          </List.Item>
        ))}
      </List>
    </ReviewSection>
  );
}
