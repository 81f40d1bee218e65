import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

// Commander gives an option to the first command on the path that declares it, so a
// subcommand that repeats an ancestor's option never sees it unless every command reads its
// options only up to the subcommand's name (src/cli/program-options.ts). This walks the real
// program so a new command cannot bring the bug back.

interface Shared {
  flag: string;
  command: string[];
  ancestor: string[];
}

const pathOf = (c: Command): string[] => (c.parent ? [...pathOf(c.parent), c.name()] : []);
const isHelp = (o: Option) => o.long === '--help';

function sharedOptions(program: Command): Shared[] {
  const found: Shared[] = [];
  const walk = (cmd: Command, ancestors: Command[]) => {
    for (const opt of cmd.options) {
      if (isHelp(opt)) continue;
      for (const a of ancestors) {
        if (a.options.some((o) => o.long === opt.long)) {
          found.push({ flag: opt.long ?? opt.flags, command: pathOf(cmd), ancestor: pathOf(a) });
        }
      }
    }
    for (const sub of cmd.commands) walk(sub, [...ancestors, cmd]);
  };
  walk(program, []);
  return found;
}

function find(program: Command, names: string[]): Command {
  return names.reduce((c, n) => {
    const sub = c.commands.find((s) => s.name() === n);
    if (!sub) throw new Error(`no command ${names.join(' ')}`);
    return sub;
  }, program);
}

/** A value commander accepts for `opt`, or none for a flag without one. */
function sampleValue(opt: Option): string[] {
  if (!opt.required && !opt.optional) return [];
  return [opt.argChoices?.[0] ?? 'sample'];
}

/** Parses `<command path> <flag> …` with every action replaced, so nothing touches a database. */
async function parseWithFlag(s: Shared): Promise<{ command: Command; ancestor: Command; attr: string }> {
  const program = buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const silence = (c: Command) => {
    c.action(() => {});
    for (const sub of c.commands) silence(sub);
  };
  silence(program);
  const command = find(program, s.command);
  const ancestor = find(program, s.ancestor);
  const opt = command.options.find((o) => o.long === s.flag) as Option;
  const args = command.registeredArguments.filter((a) => a.required).map(() => 'x');
  const mandatory = command.options
    .filter((o) => o.mandatory && o !== opt)
    .flatMap((o) => [o.long ?? o.flags, ...sampleValue(o)]);
  await program.parseAsync([...s.command, ...args, s.flag, ...sampleValue(opt), ...mandatory], { from: 'user' });
  return { command, ancestor, attr: opt.attributeName() };
}

describe('options a subcommand shares with an ancestor', () => {
  const program = buildProgram();
  // Every subcommand repeats the program's --json, --data-dir and --database-url on purpose
  // (commander refuses a command that declares one of them again), and the tests at the end
  // parse them.
  const globals = new Set(program.options.map((o) => o.long));
  const own = sharedOptions(program).filter((s) => !globals.has(s.flag));

  it('are the ones we know of (update this list when adding one; each is parsed below)', () => {
    expect(own.map((s) => `${s.command.join(' ')} ${s.flag} (also on "${s.ancestor.join(' ')}")`)).toEqual([
      'fees totals --partner (also on "fees")',
      'fees totals --from (also on "fees")',
      'fees totals --to (also on "fees")',
      'fees totals --as-of (also on "fees")',
      'review save --week (also on "review")',
      'review save --month (also on "review")',
      'review save --from (also on "review")',
      'review save --to (also on "review")',
    ]);
  });

  it.each(own.map((s) => [`${s.command.join(' ')} ${s.flag}`, s] as const))(
    '%s reaches the subcommand, not its ancestor',
    async (_label, s) => {
      const { command, ancestor, attr } = await parseWithFlag(s);
      expect(command.getOptionValueSource(attr)).toBe('cli');
      expect(ancestor.getOptionValueSource(attr)).not.toBe('cli');
    },
  );

  it('the parent still takes its own option before a subcommand name', async () => {
    const program = buildProgram();
    program.commands.find((c) => c.name() === 'review')?.action(() => {});
    await program.parseAsync(['review', '--week', '2026-W47'], { from: 'user' });
    expect(find(program, ['review']).opts().week).toBe('2026-W47');
  });

  it.each([
    ['after the subcommand', ['review', 'save', '--week', '2026-W48', '--json', '--data-dir', '/tmp/x']],
    ['before it', ['--json', '--data-dir', '/tmp/x', 'review', 'save', '--week', '2026-W48']],
    [
      'between the group and the subcommand',
      ['review', '--json', 'save', '--data-dir', '/tmp/x', '--week', '2026-W48'],
    ],
  ])('global options work %s', async (_label, argv) => {
    const program = buildProgram();
    const save = find(program, ['review', 'save']).action(() => {});
    await program.parseAsync(argv, { from: 'user' });
    expect(save.optsWithGlobals()).toMatchObject({ week: '2026-W48', json: true, dataDir: '/tmp/x' });
  });
});
