import { type Command, Option } from 'commander';

/** The options every command takes: before the subcommand's name or after it. */
function globalOptions(): Option[] {
  return [
    new Option('--json', 'print JSON (the same shapes as the API) instead of tables'),
    new Option('--data-dir <dir>', 'where the SQLite database lives (default ./data, or DATA_DIR)'),
    new Option('--database-url <url>', 'use PostgreSQL instead of SQLite (or DATABASE_URL)'),
  ];
}

/**
 * Makes every command read its own options only up to its subcommand's name, so
 * `review save --week 2026-W48` hands --week to `save` although `review` declares it too
 * (by default commander gives a shared option to the first command on the path that declares
 * it, the parent). Positional parsing would then refuse `partner list --json`, so every
 * subcommand also declares the global options, hidden from its help; `optsWithGlobals()`
 * (src/cli/session.ts) finds them wherever they were typed.
 * test/cli/option-shadowing.test.ts fails if a shared option stops reaching its subcommand.
 */
export function positionalOptions(program: Command): Command {
  for (const opt of globalOptions()) program.addOption(opt);
  const walk = (cmd: Command) => {
    cmd.enablePositionalOptions();
    for (const sub of cmd.commands) {
      for (const opt of globalOptions()) sub.addOption(opt.hideHelp());
      walk(sub);
    }
  };
  walk(program);
  return program;
}
