import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportEntity } from './entities.js';
import type { ImportReport } from './importApi.js';

const nf = new Intl.NumberFormat();

/** The counts of a dry or real run and every rejected row with its line, column and reason. */
export function ReportView({ report, entity }: { report: ImportReport; entity: ImportEntity }) {
  const would = report.dryRun;
  const stats = [
    { label: would ? 'Would be created' : 'Created', value: report.created, key: 'created' },
    { label: would ? 'Would be updated' : 'Updated', value: report.updated, key: 'updated' },
    { label: 'Already up to date', value: report.unchanged, key: 'unchanged' },
    { label: 'Rejected', value: report.rejected, key: 'rejected' },
  ];
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {stats.map((s) => (
          <Paper key={s.key} withBorder radius="md" p="md" data-testid={`import-${s.key}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {s.label}
            </Text>
            <Text
              fz={28}
              fw={700}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              c={s.key === 'rejected' && s.value > 0 ? 'red.7' : undefined}
            >
              {nf.format(s.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {nf.format(report.rows)} {report.rows === 1 ? 'row' : 'rows'} read. {entity.matchNote}
      </Text>
      {report.partnersCreated && report.partnersCreated.length > 0 && (
        <Alert
          color="blue"
          title={`${would ? 'Partners that will be created' : 'Partners created'}: ${nf.format(report.partnersCreated.length)}`}
          data-testid="import-partners-created"
        >
          <Text size="sm">{report.partnersCreated.map((p) => p.name).join(', ')}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            They are added as agencies; check their type and details on the Partners page.
          </Text>
        </Alert>
      )}
      {report.warnings.length > 0 && (
        <Alert color="yellow" title="About the header row">
          {report.warnings.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}.`).join(' ')}
        </Alert>
      )}
      {report.errors.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {would ? 'Rows that will be left out' : 'Rows that were left out'}
          </Title>
          <Text size="sm" c="dimmed">
            Fix these rows in your spreadsheet and import the file again; the rows already imported will be recognised.
          </Text>
          <Table.ScrollContainer minWidth={340}>
            <Table striped withTableBorder verticalSpacing={6} aria-label="Rejected rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Line</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((e) => (
                  <Table.Tr key={`${e.line}-${e.field}-${e.message}`}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{e.line}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errorsTruncated && (
            <Text size="sm" c="dimmed">
              Only the first {nf.format(report.errors.length)} problems are listed.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
