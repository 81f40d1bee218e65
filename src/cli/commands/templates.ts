import fs from 'node:fs';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { addTemplate, editTemplate, listTemplatesOf, showTemplate } from '../../app/templates.js';
import { AppError } from '../../domain/errors.js';
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS, type Template } from '../../domain/template.js';
import { emit, keyValues, table } from '../output.js';
import { withRuntime } from '../session.js';

/** `--body-file` reads a file (or - for stdin), for pasting long texts written elsewhere. */
function bodyFrom(opts: { body?: string; bodyFile?: string }): string | undefined {
  if (opts.body !== undefined) return opts.body;
  if (opts.bodyFile === undefined) return undefined;
  try {
    return fs.readFileSync(opts.bodyFile === '-' ? 0 : opts.bodyFile, 'utf8');
  } catch (err) {
    throw AppError.validation([{ field: '--body-file', message: `cannot read it: ${(err as Error).message}` }]);
  }
}

function withTextFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--kind <kind>', 'what the template is for').choices([...TEMPLATE_KINDS]))
    .addOption(new Option('--channel <channel>', 'where it is meant to go').choices([...TEMPLATE_CHANNELS]))
    .option('--subject <text>', 'subject line (merge fields allowed)')
    .option('--body <text>', 'the text, with merge fields like {{partner.first_name}} or [Name]')
    .option('--body-file <file>', 'read the body from a file (- for stdin)');
}

export function templateCommand(program: Command) {
  const template = program.command('template').description('Message templates with merge fields');

  template
    .command('list')
    .description('List templates')
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) =>
        emit(o, await listTemplatesOf(deps, ctx), (l) =>
          table(
            ['Name', 'Kind', 'Channel', 'Id'],
            l.items.map((t) => [t.name, t.kind, t.channel, t.id]),
          ),
        ),
      ),
    );

  template
    .command('show')
    .description('Show a template')
    .argument('<template>', 'id or name')
    .action(async (ref: string, _opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => emit(o, await showTemplate(deps, ctx, ref), describeTemplate)),
    );

  withTextFlags(template.command('add').description('Add a template').argument('<name>', 'template name')).action(
    async (name: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const input = {
          name,
          kind: opts.kind ?? 'other',
          channel: opts.channel,
          subject: opts.subject,
          body: bodyFrom(opts),
        };
        emit(o, await addTemplate(deps, ctx, input), (t) => `${pc.green('Added')} ${t.name} ${pc.dim(t.id)}`);
      }),
  );

  withTextFlags(
    template
      .command('edit')
      .description('Change a template')
      .argument('<template>', 'id or name')
      .option('--name <name>', 'new name'),
  ).action(async (ref: string, opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const input = Object.fromEntries(
        Object.entries({
          name: opts.name,
          kind: opts.kind,
          channel: opts.channel,
          subject: opts.subject,
          body: bodyFrom(opts),
        }).filter(([, v]) => v !== undefined),
      );
      emit(o, await editTemplate(deps, ctx, ref, input), (t) => `${pc.green('Saved')} ${t.name}`);
    }),
  );
}

function describeTemplate(t: Template): string {
  return `${keyValues([
    ['Name', t.name],
    ['Kind', t.kind],
    ['Channel', t.channel],
    ['Id', t.id],
    ['Subject', t.subject],
  ])}\n\n${t.body}`;
}
