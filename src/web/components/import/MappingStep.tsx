import { Alert, Badge, Button, Checkbox, Group, Paper, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconChecklist } from '@tabler/icons-react';
import type { ImportEntity } from './entities.js';
import type { DateOrder, ImportPreview } from './importApi.js';
import { type ColumnChoice, choiceProblems, IGNORE } from './mapping.js';

interface Props {
  fileName: string;
  preview: ImportPreview;
  choices: ColumnChoice[];
  onChoice: (index: number, field: string) => void;
  dateOrder: DateOrder;
  onDateOrder: (order: DateOrder) => void;
  onBack: () => void;
  onCheck: () => void;
  busy: boolean;
  entity: ImportEntity;
  /** Shown for imports that can create the partners a file names but the workspace lacks. */
  createPartners?: { checked: boolean; onChange: (checked: boolean) => void };
}

/** Step 2: which of our fields each column holds, with the first rows as they will be read. */
export function MappingStep(props: Props) {
  const { preview, choices, onChoice } = props;
  const { byColumn, missing } = choiceProblems(choices, preview);
  const options = [
    { value: IGNORE, label: 'Don’t import' },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} (required)` : f.label })),
  ];
  const labelOf = (key: string) => preview.fields.find((f) => f.key === key)?.label;
  const blocked = missing.length > 0 || byColumn.size > 0;
  const narrow = useMediaQuery('(max-width: 40em)');
  const exampleOf = (index: number) => preview.sample.map((r) => r.cells[index] ?? '').find((v) => v.trim() !== '');
  const select = (c: ColumnChoice) => (
    <Select
      aria-label={`Import “${c.header || `column ${c.index + 1}`}” as`}
      data={options}
      value={c.field}
      allowDeselect={false}
      disabled={Boolean(c.locked)}
      description={c.locked}
      error={byColumn.get(c.index)}
      onChange={(v) => onChoice(c.index, v ?? IGNORE)}
    />
  );
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        We guessed what each column of <b>{props.fileName}</b> holds. Change any guess, or choose “Don’t import” to
        leave a column out.
      </Text>
      {preview.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="About the header row">
          <Stack gap={2}>
            {preview.warnings.map((w) => (
              <Text size="sm" key={w}>
                {w.charAt(0).toUpperCase() + w.slice(1)}.
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {narrow ? (
        <Stack gap="sm" aria-label="Column mapping" role="list">
          {choices.map((c) => (
            <Paper key={c.index} withBorder radius="md" p="sm" role="listitem">
              <Text fw={600} size="sm">
                {c.header || `(column ${c.index + 1})`}
              </Text>
              <Text size="xs" c="dimmed" mb={6} style={{ overflowWrap: 'anywhere' }}>
                Example: {exampleOf(c.index) ?? '—'}
              </Text>
              {select(c)}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label="Column mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Column in your file</Table.Th>
                <Table.Th>Example</Table.Th>
                <Table.Th w={240}>Import as</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {choices.map((c) => {
                const example = exampleOf(c.index);
                return (
                  <Table.Tr key={c.index}>
                    <Table.Td fw={500}>{c.header || <Text c="dimmed">(column {c.index + 1})</Text>}</Table.Td>
                    <Table.Td c="dimmed" maw={220} style={{ overflowWrap: 'anywhere' }}>
                      {example ?? '—'}
                    </Table.Td>
                    <Table.Td>{select(c)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Radio.Group
        label="Dates like 03/04/2026 mean"
        value={props.dateOrder}
        onChange={(v) => props.onDateOrder(v === 'mdy' ? 'mdy' : 'dmy')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="dmy" label="Day first: 3 April" />
          <Radio value="mdy" label="Month first: March 4" />
        </Group>
      </Radio.Group>

      {props.createPartners && (
        <Checkbox
          label="Create partners that don’t exist yet"
          description="A row whose partner is not in your list is left out unless this is ticked; then the partner is added as an agency you can edit later."
          checked={props.createPartners.checked}
          onChange={(e) => props.createPartners?.onChange(e.currentTarget.checked)}
        />
      )}

      <Stack gap="xs">
        <Title order={2} size="h4">
          First rows
        </Title>
        <Table.ScrollContainer minWidth={Math.max(480, choices.length * 140)}>
          <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label="First rows of the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>Line</Table.Th>
                {choices.map((c) => (
                  <Table.Th key={c.index}>
                    <Stack gap={2}>
                      <span>{c.header || `(column ${c.index + 1})`}</span>
                      {c.field === IGNORE ? (
                        <Text size="xs" c="dimmed" fw={400}>
                          not imported
                        </Text>
                      ) : (
                        <Badge size="xs" variant="light" style={{ alignSelf: 'flex-start' }}>
                          {labelOf(c.field)}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td c="dimmed">{r.line}</Table.Td>
                  {choices.map((c) => (
                    <Table.Td key={c.index} c={c.field === IGNORE ? 'dimmed' : undefined}>
                      {r.cells[c.index] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {preview.sample.length === 0 && (
          <Text size="sm" c="dimmed">
            The file has a header row but no rows under it.
          </Text>
        )}
      </Stack>

      {missing.length > 0 && (
        <Alert color="red" title="A required field has no column">
          Choose the column that holds {missing.join(' and ')}: every {props.entity.singular} needs it.
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={props.onBack}>
          Choose another file
        </Button>
        <Button
          leftSection={<IconChecklist size={16} />}
          onClick={props.onCheck}
          disabled={blocked}
          loading={props.busy}
        >
          Check the file
        </Button>
      </Group>
    </Stack>
  );
}
