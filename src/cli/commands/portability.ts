import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { backupWorkspace, restoreWorkspace, sqliteCopy, type TableCounts } from '../../app/backup.js';
import { exportPartnersCsv } from '../../app/export/partners.js';
import { PARTNER_IMPORT_BATCH, partnerImport } from '../../app/import/partners.js';
import { type ImportProgress, type ImportReport, importCsv } from '../../app/import/run.js';
import { PARTNER_SORTS } from '../../contract/partner.js';
import { AppError } from '../../domain/errors.js';
import { parseMapPairs } from '../../domain/import/fields.js';
import { STAGES } from '../../domain/stage.js';
import { RowsRejected } from '../exit-codes.js';
import { fileSize } from '../files.js';
import { emit, type Output, table } from '../output.js';
import { withRuntime } from '../session.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function portabilityCommands(program: Command) {
  const importCmd = program.command('import').description('Bring records in from a CSV file');
  importCmd
    .command('partners')
    .description('Import partners from CSV; rows matching an id, e-mail or LinkedIn URL update that partner')
    .argument('<file>', 'CSV file (comma, semicolon or tab separated)')
    .option('--map <column=field>', 'which field a column holds (repeat; field "ignore" skips it)', collect, [])
    .option('--dry-run', 'report what would be created, updated and rejected, and change nothing')
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2026').choices(['dmy', 'mdy']).default('dmy'))
    .option('--batch-size <n>', 'rows per transaction', String(PARTNER_IMPORT_BATCH))
    .action(async (file: string, opts, cmd: Command) => {
      fileSize(file);
      const batchSize = positiveInt(opts.batchSize, '--batch-size');
      await withRuntime(cmd, async ({ deps, ctx }, o) => {
        const report = await withProgressBar(file, o, (onProgress) =>
          importCsv(deps, ctx, partnerImport, fs.createReadStream(file), {
            map: parseMapPairs(opts.map),
            dryRun: Boolean(opts.dryRun),
            dateOrder: opts.dateOrder,
            batchSize,
            onProgress,
          }),
        );
        emit(o, report, describeReport);
        endWithRejections(report);
      });
    });

  const exportCmd = program.command('export').description('Take records out as CSV');
  exportCmd
    .command('partners')
    .description('Export partners as CSV (the list filters apply)')
    .option('--out <file>', 'write here instead of to standard output')
    .option('--bom', 'start with a byte-order mark (helps some spreadsheet programs read UTF-8)')
    .option('--type <types>', 'comma-separated: agency, brand, complementary')
    .option('--subtype <subtype>', 'subtype')
    .option('--stage <stages>', `comma-separated stages: ${STAGES.join(', ')}`)
    .option('--tag <tag>', 'tag')
    .option('-q, --search <text>', 'search name, company, contact, e-mail and notes')
    .addOption(new Option('--archived <mode>', 'archived partners').choices(['exclude', 'include', 'only']))
    .addOption(new Option('--sort <key>', 'sort by').choices([...PARTNER_SORTS]).default('name'))
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const filters = {
          type: opts.type,
          subtype: opts.subtype,
          stage: opts.stage,
          tag: opts.tag,
          q: opts.search,
          archived: opts.archived,
          sort: opts.sort,
        };
        const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
        const chunks = exportPartnersCsv(deps, ctx, defined, { bom: Boolean(opts.bom) });
        if (!opts.out) {
          for await (const chunk of chunks) await writeTo(process.stdout, chunk);
          return;
        }
        await writeFileFrom(opts.out, chunks);
        o.err(`${pc.green('Exported')} partners to ${opts.out}`);
      }),
    );

  program
    .command('backup')
    .description('Back up the whole workspace as JSON Lines (or copy the SQLite database file)')
    .option('--out <file>', 'the backup file to write')
    .option('--sqlite-copy <file>', 'instead, write a hot copy of the SQLite database file (VACUUM INTO)')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        if (opts.sqliteCopy) {
          refuseExisting(opts.sqliteCopy, '--sqlite-copy');
          await sqliteCopy(deps, opts.sqliteCopy);
          return emit(o, { file: opts.sqliteCopy }, (r) => `${pc.green('Copied')} the database to ${r.file}`);
        }
        if (!opts.out) throw AppError.validation([{ field: '--out', message: 'name the backup file: --out FILE' }]);
        refuseExisting(opts.out, '--out');
        const tmp = `${opts.out}.partial`;
        const stream = fs.createWriteStream(tmp);
        let counts: TableCounts;
        try {
          counts = await backupWorkspace(deps, ctx, (chunk) => writeTo(stream, chunk));
          stream.end();
          await once(stream, 'finish');
          fs.renameSync(tmp, opts.out);
        } catch (err) {
          stream.destroy();
          fs.rmSync(tmp, { force: true });
          throw err;
        }
        emit(
          o,
          { file: opts.out, tables: counts },
          (r) => `${pc.green('Backed up')} to ${r.file}\n${describeCounts(r.tables)}`,
        );
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into this workspace (it must be empty unless --force)')
    .argument('<file>', 'a file written by "partnerloop backup --out"')
    .option('--force', "replace the workspace's data with the backup")
    .action(async (file: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        fileSize(file);
        const lines = readline.createInterface({
          input: fs.createReadStream(file),
          crlfDelay: Number.POSITIVE_INFINITY,
        });
        const counts = await restoreWorkspace(deps, ctx, lines, { force: Boolean(opts.force) });
        emit(o, { file, tables: counts }, (r) => `${pc.green('Restored')} ${r.file}\n${describeCounts(r.tables)}`);
      }),
    );
}

function refuseExisting(file: string, field: string) {
  if (fs.existsSync(file)) throw AppError.validation([{ field, message: `"${file}" exists; choose a new file name` }]);
}

export function positiveInt(raw: string, field: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw AppError.validation([{ field, message: 'expected a whole number ≥ 1' }]);
  return n;
}

/** Ends an import whose report lists rejected rows with its own exit code (EXIT.rowsRejected). */
export function endWithRejections(report: Pick<ImportReport, 'rejected'>): void {
  if (report.rejected > 0) throw new RowsRejected(report.rejected);
}

export async function writeTo(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export async function writeFileFrom(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const stream = fs.createWriteStream(file);
  try {
    for await (const chunk of chunks) await writeTo(stream, chunk);
    stream.end();
    await once(stream, 'finish');
  } catch (err) {
    stream.destroy();
    fs.rmSync(file, { force: true });
    throw err;
  }
}

function describeCounts(counts: TableCounts): string {
  return table(['Table', 'Rows'], Object.entries(counts));
}

export function describeReport(r: ImportReport): string {
  const verb = r.dryRun ? 'Dry run (nothing changed):' : 'Imported:';
  const lines = [
    `${pc.bold(verb)} ${r.rows} rows — ${pc.green(`${r.created} created`)}, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected ? pc.red(`${r.rejected} rejected`) : '0 rejected'}`,
    `Columns: ${r.mapping.map((m) => `${m.column} → ${m.field}`).join(', ')}`,
  ];
  if (r.ignoredColumns.length) lines.push(`Ignored columns: ${r.ignoredColumns.join(', ')}`);
  for (const w of r.warnings) lines.push(pc.yellow(`Warning: ${w}`));
  if (r.errors.length) {
    lines.push(
      table(
        ['Line', 'Column', 'Problem'],
        r.errors.map((e) => [e.line, e.column, e.message]),
      ),
    );
    if (r.errorsTruncated) lines.push('(more rejected rows than listed)');
  }
  return lines.join('\n');
}

/** Runs an import with a progress bar on stderr when a person is watching (a TTY, no --json). */
export async function withProgressBar<T>(
  file: string,
  o: Output,
  run: (onProgress: (p: ImportProgress) => void) => Promise<T>,
): Promise<T> {
  const bar =
    process.stderr.isTTY && !o.json
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: 'Importing |{bar}| {percentage}% | {rowsRead} rows', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(fileSize(file), 0, { rowsRead: 0 });
  try {
    return await run((p) => bar?.update(p.bytesRead, { rowsRead: p.rowsRead }));
  } finally {
    bar?.stop();
  }
}
