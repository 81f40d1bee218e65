import { Progress, Stack, Text } from '@mantine/core';
import type { ImportProgress } from './importApi.js';

const nf = new Intl.NumberFormat();

/** How far through the file the server is, by bytes read of the file's size. */
export function ImportProgressBar({
  progress,
  total,
  verb,
}: {
  progress: ImportProgress;
  total: number;
  verb: string;
}) {
  const percent = total > 0 ? Math.min(100, Math.round((progress.bytes / total) * 100)) : 0;
  return (
    <Stack gap={6}>
      <Progress
        value={percent}
        size="lg"
        radius="xl"
        animated
        aria-label={`${verb} the file`}
        data-testid="import-progress"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {verb}: {nf.format(progress.rows)} rows read ({percent}%)
      </Text>
    </Stack>
  );
}
