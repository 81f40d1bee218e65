import fs from 'node:fs';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import type { Ctx, Deps } from '../../app/context.js';
import { exportFeesCsv, exportReferralsCsv } from '../../app/export/referrals.js';
import { importReferrals, REFERRAL_IMPORT_BATCH, type ReferralImportReport } from '../../app/import/referrals.js';
import { resolvePartner } from '../../app/partners.js';
import { parseMapPairs } from '../../domain/import/fields.js';
import { REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, REFERRAL_SOURCES } from '../../domain/referral.js';
import { fileSize } from '../files.js';
import { emit } from '../output.js';
import { withRuntime } from '../session.js';
import {
  describeReport,
  endWithRejections,
  positiveInt,
  withProgressBar,
  writeFileFrom,
  writeTo,
} from './portability.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `import referrals`, `export referrals` and `export fees`, added to the groups `portabilityCommands` made. */
export function referralPortabilityCommands(program: Command) {
  const group = (name: string) => {
    const found = program.commands.find((c) => c.name() === name);
    if (!found) throw new Error(`register the "${name}" command group first`);
    return found;
  };

  group('import')
    .command('referrals')
    .description(
      'Import referrals from CSV. Partners are found by name (any case), e-mail or id. A row seen before (same id, or same partner, lead and date) updates instead of repeating. Empty direction = received, empty outcome = pending; a won row needs a monthly value, and its start date defaults to the referral date; a lost row without a reason is lost for "other".',
    )
    .argument('<file>', 'CSV file (comma, semicolon or tab separated)')
    .option('--map <column=field>', 'which field a column holds (repeat; field "ignore" skips it)', collect, [])
    .option('--dry-run', 'report what would be created, updated and rejected, and change nothing')
    .option('--create-partners', 'create an agency partner for each partner name the workspace lacks')
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2026').choices(['dmy', 'mdy']).default('dmy'))
    .option('--batch-size <n>', 'rows per transaction', String(REFERRAL_IMPORT_BATCH))
    .action(async (file: string, opts, cmd: Command) => {
      fileSize(file);
      const batchSize = positiveInt(opts.batchSize, '--batch-size');
      await withRuntime(cmd, async ({ deps, ctx }, o) => {
        const report = await withProgressBar(file, o, (onProgress) =>
          importReferrals(deps, ctx, fs.createReadStream(file), {
            map: parseMapPairs(opts.map),
            dryRun: Boolean(opts.dryRun),
            createPartners: Boolean(opts.createPartners),
            dateOrder: opts.dateOrder,
            batchSize,
            onProgress,
          }),
        );
        emit(o, report, describeReferralReport);
        endWithRejections(report);
      });
    });

  const exportCmd = group('export');
  exportCmd
    .command('referrals')
    .description('Export referrals as CSV (the list filters apply)')
    .option('--out <file>', 'write here instead of to standard output')
    .option('--bom', 'start with a byte-order mark (helps some spreadsheet programs read UTF-8)')
    .addOption(new Option('--direction <dir>').choices([...REFERRAL_DIRECTIONS]))
    .addOption(new Option('--source <source>').choices([...REFERRAL_SOURCES]))
    .addOption(new Option('--outcome <outcome>').choices([...REFERRAL_OUTCOMES]))
    .option('--partner <partner>', 'id, e-mail or name')
    .option('--from <YYYY-MM-DD>', 'on or after')
    .option('--to <YYYY-MM-DD>', 'on or before')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const filters = {
          direction: opts.direction,
          source: opts.source,
          outcome: opts.outcome,
          partnerId: await partnerId(deps, ctx, opts.partner),
          from: opts.from,
          to: opts.to,
        };
        await write(opts, exportReferralsCsv(deps, ctx, defined(filters), { bom: Boolean(opts.bom) }));
        if (opts.out) o.err(`${pc.green('Exported')} referrals to ${opts.out}`);
      }),
    );

  exportCmd
    .command('fees')
    .description('Export fee lines as CSV (the ledger filters apply)')
    .option('--out <file>', 'write here instead of to standard output')
    .option('--bom', 'start with a byte-order mark (helps some spreadsheet programs read UTF-8)')
    .option('--partner <partner>', 'id, e-mail or name')
    .addOption(new Option('--status <status>', 'due, overdue or paid').choices(['due', 'overdue', 'paid']))
    .addOption(
      new Option('--direction <dir>', 'payable (we owe) or receivable (owed to us)').choices(['payable', 'receivable']),
    )
    .option('--from <YYYY-MM-DD>', 'due on or after')
    .option('--to <YYYY-MM-DD>', 'due on or before')
    .option('--as-of <YYYY-MM-DD>', 'overdue means due before this day (default today)')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const filters = {
          partnerId: await partnerId(deps, ctx, opts.partner),
          status: opts.status,
          direction: opts.direction,
          from: opts.from,
          to: opts.to,
          asOf: opts.asOf,
        };
        await write(opts, exportFeesCsv(deps, ctx, defined(filters), { bom: Boolean(opts.bom) }));
        if (opts.out) o.err(`${pc.green('Exported')} fee lines to ${opts.out}`);
      }),
    );
}

async function partnerId(deps: Deps, ctx: Ctx, ref: string | undefined): Promise<string | undefined> {
  return ref ? (await resolvePartner(deps, ctx, ref)).id : undefined;
}

function defined(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

async function write(opts: { out?: string }, chunks: AsyncIterable<string>) {
  if (!opts.out) {
    for await (const chunk of chunks) await writeTo(process.stdout, chunk);
    return;
  }
  await writeFileFrom(opts.out, chunks);
}

function describeReferralReport(r: ReferralImportReport): string {
  const text = describeReport(r);
  if (r.partnersCreated.length === 0) return text;
  const verb = r.dryRun ? 'Would create' : 'Created';
  return `${text}\n${verb} ${r.partnersCreated.length} partner(s): ${r.partnersCreated.map((p) => `${p.name} (${p.type})`).join(', ')}`;
}
