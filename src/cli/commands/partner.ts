import { type Command, Option } from 'commander';
import pc from 'picocolors';
import {
  archivePartner,
  createPartner,
  editPartner,
  listPartnerPage,
  movePartner,
  type PartnerPage,
  partnerTimeline,
  resolvePartner,
  restorePartner,
} from '../../app/partners.js';
import { PARTNER_SORTS } from '../../contract/partner.js';
import type { Partner } from '../../domain/partner.js';
import { STAGE_LABELS, STAGES } from '../../domain/stage.js';
import { emit, keyValues, table } from '../output.js';
import { withRuntime } from '../session.js';

/** Flags shared by add and edit, mapped to API field names. */
const FIELD_FLAGS: [flag: string, field: string, help: string][] = [
  ['--company <text>', 'company', 'company name'],
  ['--contact <name>', 'contactName', 'contact person'],
  ['--email <address>', 'email', 'e-mail address'],
  ['--linkedin <url>', 'linkedinUrl', 'LinkedIn profile URL'],
  ['--website <url>', 'website', 'website'],
  ['--type <type>', 'type', 'agency, brand or complementary'],
  [
    '--subtype <subtype>',
    'subtype',
    'agency: marketing|pr|web|branding|other; complementary: copywriter|designer|coach|consultant|other; brand: free text',
  ],
  ['--audience <text>', 'audience', 'their clients or audience'],
  ['--owner <name>', 'owner', 'who on your side owns the relationship'],
  ['--tags <list>', 'tags', 'comma-separated tags'],
  ['--notes <text>', 'notes', 'notes'],
  ['--next-action <text>', 'nextAction', 'the next thing to do'],
  ['--next-action-date <YYYY-MM-DD>', 'nextActionDate', 'when to do it'],
];

function withFieldFlags(cmd: Command): Command {
  for (const [flag, , help] of FIELD_FLAGS) cmd.option(flag, help);
  return cmd;
}

function fieldsFrom(opts: Record<string, string | undefined>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [flag, field] of FIELD_FLAGS) {
    const key = flag
      .split(' ')[0]!
      .slice(2)
      .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const value = opts[key];
    if (value === undefined) continue;
    if (field === 'tags')
      input.tags = value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    else if (field === 'nextActionDate') input.nextActionDate = value === '' ? null : value;
    else input[field] = value;
  }
  return input;
}

export function partnerCommand(program: Command) {
  const partner = program.command('partner').description('Partners and their stage in the pipeline');

  withFieldFlags(
    partner
      .command('add')
      .description('Add a partner')
      .argument('<name>', 'partner name')
      .addOption(new Option('--stage <stage>', 'starting stage').choices([...STAGES]))
      .option('--force', 'save even if another partner has the same e-mail, LinkedIn URL or website'),
  ).action(async (name: string, opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const input = { name, ...fieldsFrom(opts), ...(opts.stage ? { stage: opts.stage } : {}) };
      const created = await createPartner(deps, ctx, input, { force: Boolean(opts.force) });
      emit(o, created, (p) => `${pc.green('Added')} ${p.name} ${pc.dim(p.id)}`);
    }),
  );

  partner
    .command('list')
    .description('List partners')
    .option('--type <types>', 'comma-separated: agency, brand, complementary')
    .option('--subtype <subtype>', 'subtype')
    .option('--stage <stages>', `comma-separated stages: ${STAGES.join(', ')}`)
    .option('--tag <tag>', 'tag')
    .option('-q, --search <text>', 'search name, company, contact, e-mail and notes')
    .addOption(new Option('--sort <key>', 'sort by').choices([...PARTNER_SORTS]).default('updated'))
    .addOption(new Option('--dir <dir>', 'sort direction').choices(['asc', 'desc']))
    .addOption(new Option('--archived <mode>', 'archived partners').choices(['exclude', 'include', 'only']))
    .option('--limit <n>', 'page size', '50')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const page = await listPartnerPage(deps, ctx, {
          type: opts.type,
          subtype: opts.subtype,
          stage: opts.stage,
          tag: opts.tag,
          q: opts.search,
          sort: opts.sort,
          dir: opts.dir,
          archived: opts.archived,
          limit: opts.limit,
          cursor: opts.cursor,
        });
        emit(o, page, describePage);
      }),
    );

  partner
    .command('show')
    .description('Show a partner and its latest activity')
    .argument('<partner>', 'id, e-mail or exact name')
    .action(async (ref: string, _opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        if (o.json) return emit(o, p, () => '');
        const timeline = await partnerTimeline(deps, ctx, p.id, { limit: 10 });
        const lines = timeline.items.map((a) => `  ${pc.dim(a.at.slice(0, 16).replace('T', ' '))}  ${a.summary}`);
        o.out(`${describePartner(p)}\n\n${pc.bold('Timeline')}\n${lines.join('\n')}`);
      }),
    );

  partner
    .command('timeline')
    .description("A partner's timeline, newest first")
    .argument('<partner>', 'id, e-mail or exact name')
    .option('--limit <n>', 'entries', '50')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        const page = await partnerTimeline(deps, ctx, p.id, { limit: opts.limit, cursor: opts.cursor });
        emit(o, page, (t) =>
          table(
            ['When', 'What'],
            t.items.map((a) => [a.at.slice(0, 16).replace('T', ' '), a.summary]),
          ),
        );
      }),
    );

  withFieldFlags(
    partner
      .command('edit')
      .description('Change fields of a partner (an empty value clears a field)')
      .argument('<partner>', 'id, e-mail or exact name')
      .option('--name <name>', 'new name')
      .option('--force', 'save even if another partner has the same e-mail, LinkedIn URL or website'),
  ).action(async (ref: string, opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const p = await resolvePartner(deps, ctx, ref);
      const input = { ...fieldsFrom(opts), ...(opts.name !== undefined ? { name: opts.name } : {}) };
      const updated = await editPartner(deps, ctx, p.id, input, { force: Boolean(opts.force) });
      emit(o, updated, (u) => `${pc.green('Saved')} ${u.name}`);
    }),
  );

  partner
    .command('move')
    .description('Move a partner to another stage')
    .argument('<partner>', 'id, e-mail or exact name')
    .argument('<stage>', STAGES.join(' | '))
    .option('--note <text>', 'why, for the timeline')
    .action(async (ref: string, stage: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        const moved = await movePartner(deps, ctx, p.id, { to: stage, note: opts.note });
        emit(o, moved, (m) => `${pc.green('Moved')} ${m.name} to ${STAGE_LABELS[m.stage]}`);
      }),
    );

  for (const [name, fn, verb, help] of [
    ['archive', archivePartner, 'Archived', 'Archive a partner (kept with its history, hidden from lists)'],
    ['restore', restorePartner, 'Restored', 'Bring an archived partner back'],
  ] as const) {
    partner
      .command(name)
      .description(help)
      .argument('<partner>', 'id, e-mail or exact name')
      .action(async (ref: string, _opts, cmd: Command) =>
        withRuntime(cmd, async ({ deps, ctx }, o) => {
          const p = await resolvePartner(deps, ctx, ref);
          emit(o, await fn(deps, ctx, p.id), (a) => `${pc.green(verb)} ${a.name}`);
        }),
      );
  }
}

function describePage(page: PartnerPage): string {
  if (page.items.length === 0) return 'No partners match. Add one with: partnerloop partner add "Name" --type agency';
  const rows = page.items.map((p) => [
    p.name,
    p.subtype ? `${p.type} · ${p.subtype}` : p.type,
    STAGE_LABELS[p.stage],
    p.nextActionDate,
    p.contactName,
    p.id,
  ]);
  const more = page.nextCursor ? `\nMore: --cursor ${page.nextCursor}` : '';
  return `${table(['Name', 'Type', 'Stage', 'Next action', 'Contact', 'Id'], rows)}\n${page.items.length} of ${page.total}${more}`;
}

function describePartner(p: Partner): string {
  return `${pc.bold(p.name)}${p.archivedAt ? pc.yellow(' (archived)') : ''}\n${keyValues([
    ['Id', p.id],
    ['Stage', STAGE_LABELS[p.stage]],
    ['Type', p.subtype ? `${p.type} · ${p.subtype}` : p.type],
    ['Company', p.company],
    ['Contact', p.contactName],
    ['E-mail', p.email],
    ['LinkedIn', p.linkedinUrl],
    ['Website', p.website],
    ['Their clients', p.audience],
    ['Owner', p.owner],
    ['Tags', p.tags.join(', ')],
    ['Next action', [p.nextActionDate, p.nextAction].filter(Boolean).join(' · ')],
    ['Notes', p.notes],
  ])}`;
}
