import { Alert, Button, FileButton, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';

interface Props {
  onFile: (file: File) => void;
  busy: boolean;
  error?: string | null;
}

const isCsv = (file: File) => /\.(csv|txt)$/i.test(file.name) || /csv|text\/plain/i.test(file.type);

/** Step 1: pick or drop a CSV file; nothing is sent to be saved yet. */
export function UploadStep({ onFile, busy, error }: Props) {
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const take = (file: File | null | undefined) => {
    if (!file) return;
    if (!isCsv(file)) {
      setProblem(`"${file.name}" is not a CSV file. In your spreadsheet, use "Save as" or "Download" → CSV.`);
      return;
    }
    setProblem(null);
    onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };
  const message = problem ?? error;
  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="lg"
        p={{ base: 'lg', sm: 48 }}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
          background: over ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconFileSpreadsheet size={30} />
          </ThemeIcon>
          <Text fw={600} size="lg">
            Drop a CSV file here
          </Text>
          <Text c="dimmed" size="sm" maw={460}>
            Export your partner list from a spreadsheet or CRM as CSV. You will match its columns to ours and check
            every row before anything is saved.
          </Text>
          <FileButton onChange={take} accept=".csv,text/csv,text/plain" inputProps={{ 'aria-label': 'CSV file' }}>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} loading={busy} mt="xs">
                Choose a file
              </Button>
            )}
          </FileButton>
        </Stack>
      </Paper>
      {message && (
        <Alert color="red" title="This file cannot be read">
          {message}
        </Alert>
      )}
    </Stack>
  );
}
