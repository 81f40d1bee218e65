import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDatabaseImport, IconTable, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.js';
import { IMPORT_ENTITIES, type ImportEntity, type ImportEntityKey } from '../components/import/entities.js';
import { ImportProgressBar } from '../components/import/ImportProgressBar.js';
import {
  type DateOrder,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  previewImport,
  runImport,
} from '../components/import/importApi.js';
import { MappingStep } from '../components/import/MappingStep.js';
import { type ColumnChoice, initialChoices, mapOverrides } from '../components/import/mapping.js';
import { ReportView } from '../components/import/ReportView.js';
import { UploadStep } from '../components/import/UploadStep.js';
import { PageHeader } from '../components/PageHeader.js';

type Step = 0 | 1 | 2 | 3;
const nf = new Intl.NumberFormat();

/**
 * Upload → match columns → check (a dry run that saves nothing) → import. Only the last step
 * writes; the file stays in the browser and is sent again for each step.
 */
export function ImportPage({ entity: key }: { entity: ImportEntityKey }) {
  const entity = IMPORT_ENTITIES[key];
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [dateOrder, setDateOrder] = useState<DateOrder>('dmy');
  const [progress, setProgress] = useState<ImportProgress>({ rows: 0, bytes: 0 });
  const [createPartners, setCreatePartners] = useState(false);

  const load = useMutation({
    mutationFn: (f: File) => previewImport(entity.path, f),
    onSuccess: (p, f) => {
      setFile(f);
      setPreview(p);
      setChoices(initialChoices(p));
      setStep(1);
    },
  });
  const run = (dryRun: boolean) => {
    if (!file) throw new Error('no file chosen');
    setProgress({ rows: 0, bytes: 0 });
    return runImport(
      entity.path,
      file,
      { map: mapOverrides(choices), dateOrder, dryRun, createPartners: entity.canCreatePartners && createPartners },
      setProgress,
    );
  };
  const check = useMutation({ mutationFn: () => run(true) });
  const save = useMutation({
    mutationFn: () => run(false),
    onSuccess: (r) => {
      for (const k of entity.staleKeys) queryClient.invalidateQueries({ queryKey: [k] });
      setStep(3);
      notifications.show({
        color: 'teal',
        title: 'Import finished',
        message: `${nf.format(r.created)} created, ${nf.format(r.updated)} updated${partnersNote(r)}.`,
      });
    },
  });

  // The server finishes an import even if the page goes away, but the person would lose the report.
  const running = check.isPending || save.isPending;
  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  const restart = () => {
    load.reset();
    check.reset();
    save.reset();
    setFile(null);
    setPreview(null);
    setStep(0);
  };
  const startCheck = () => {
    save.reset();
    setStep(2);
    check.mutate();
  };
  const backToMapping = () => {
    check.reset();
    save.reset();
    setStep(1);
  };

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to={entity.listPath}>
          {entity.listLabel}
        </Anchor>
        <Text fz="sm">Import</Text>
      </Breadcrumbs>
      <PageHeader
        title={entity.title}
        description="Bring in the list you already keep. Nothing is saved until you press Import on the last step."
      />
      <ImportSteps active={step === 3 ? 4 : step} />

      {step === 0 && <UploadStep onFile={(f) => load.mutate(f)} busy={load.isPending} error={load.error?.message} />}

      {step === 1 && preview && file && (
        <MappingStep
          fileName={file.name}
          preview={preview}
          choices={choices}
          onChoice={(index, field) => setChoices((prev) => prev.map((c) => (c.index === index ? { ...c, field } : c)))}
          dateOrder={dateOrder}
          onDateOrder={setDateOrder}
          onBack={restart}
          onCheck={startCheck}
          busy={check.isPending}
          entity={entity}
          createPartners={
            entity.canCreatePartners ? { checked: createPartners, onChange: setCreatePartners } : undefined
          }
        />
      )}

      {step === 2 && file && (
        <Stack gap="lg">
          {check.isPending && <ImportProgressBar progress={progress} total={file.size} verb="Checking" />}
          {check.error && <Problem error={check.error} />}
          {check.data && !save.isPending && <ReportView report={check.data} entity={entity} />}
          {save.isPending && <ImportProgressBar progress={progress} total={file.size} verb="Importing" />}
          {save.error && (
            <Problem
              error={save.error}
              note="Rows read before the problem may already be saved. Fix the file and import it again: saved rows are recognised, not doubled."
            />
          )}
          {!check.isPending && (
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                onClick={backToMapping}
                disabled={save.isPending}
              >
                Back to the columns
              </Button>
              {check.data && (
                <ImportButton
                  report={check.data}
                  entity={entity}
                  busy={save.isPending}
                  onImport={() => save.mutate()}
                />
              )}
            </Group>
          )}
        </Stack>
      )}

      {step === 3 && save.data && (
        <Stack gap="lg">
          <Alert color="teal" title="Import finished" icon={<IconDatabaseImport size={18} />}>
            The {entity.plural} from {file?.name} are in your list.
          </Alert>
          <ReportView report={save.data} entity={entity} />
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconUpload size={16} />} onClick={restart}>
              Import another file
            </Button>
            <Button component={Link} to={entity.listPath} leftSection={<IconTable size={16} />}>
              {entity.openListLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}

const STEPS = [
  { label: 'Upload', description: 'A CSV file' },
  { label: 'Match columns', description: 'Ours and yours' },
  { label: 'Check', description: 'Saves nothing' },
  { label: 'Import', description: 'Saves the rows' },
];

/** The four steps; on a phone, numbered dots and the current step's name. */
function ImportSteps({ active }: { active: number }) {
  const narrow = useMediaQuery('(max-width: 40em)');
  return (
    <Stack gap={6} mb="xl">
      <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Import steps">
        {STEPS.map((s) => (
          <Stepper.Step
            key={s.label}
            label={narrow ? undefined : s.label}
            description={narrow ? undefined : s.description}
            aria-label={s.label}
          />
        ))}
      </Stepper>
      {narrow && (
        <Text size="sm" fw={600}>
          Step {Math.min(active, 3) + 1} of 4: {STEPS[Math.min(active, 3)]?.label}
        </Text>
      )}
    </Stack>
  );
}

function partnersNote(r: ImportReport): string {
  const n = r.partnersCreated?.length ?? 0;
  return n > 0 ? `, ${nf.format(n)} new ${n === 1 ? 'partner' : 'partners'}` : '';
}

function ImportButton({
  report,
  entity,
  busy,
  onImport,
}: {
  report: ImportReport;
  entity: ImportEntity;
  busy: boolean;
  onImport: () => void;
}) {
  const count = report.created + report.updated;
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to import: every row is either up to date or rejected.
      </Text>
    );
  }
  return (
    <Button leftSection={<IconDatabaseImport size={16} />} loading={busy} onClick={onImport}>
      Import {nf.format(count)} {count === 1 ? entity.singular : entity.plural}
    </Button>
  );
}

function Problem({ error, note }: { error: Error; note?: string }) {
  const issues = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
  return (
    <Paper>
      <Alert color="red" title="The import could not run">
        <Text size="sm">{error.message}</Text>
        {issues.map(([field, message]) => (
          <Text size="sm" key={field}>
            {field}: {message}
          </Text>
        ))}
        {note && (
          <Text size="sm" mt="xs">
            {note}
          </Text>
        )}
      </Alert>
    </Paper>
  );
}
