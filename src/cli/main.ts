import { Command } from 'commander';
import { agreementCommand } from './commands/agreement.js';
import { callCommand } from './commands/calls.js';
import { feesCommand } from './commands/fees.js';
import { outreachCommands } from './commands/outreach.js';
import { partnerCommand } from './commands/partner.js';
import { portabilityCommands } from './commands/portability.js';
import { profileCommand } from './commands/profile.js';
import { referralCommand } from './commands/referral.js';
import { referralPortabilityCommands } from './commands/referral-portability.js';
import { reviewCommands } from './commands/review.js';
import { serverCommands } from './commands/server.js';
import { templateCommand } from './commands/templates.js';
import { EXIT } from './exit-codes.js';
import { reportFailure } from './failure.js';
import { flagNamer } from './field-flags.js';
import { positionalOptions } from './program-options.js';
import type { GlobalOptions } from './session.js';

export function buildProgram(): Command {
  const program = new Command('partnerloop')
    .description('Your referral-partner pipeline: partners, outreach, agreements, referrals and fees')
    .showHelpAfterError()
    .exitOverride();
  serverCommands(program);
  profileCommand(program);
  partnerCommand(program);
  templateCommand(program);
  outreachCommands(program);
  callCommand(program);
  portabilityCommands(program);
  referralPortabilityCommands(program);
  agreementCommand(program);
  referralCommand(program);
  feesCommand(program);
  reviewCommands(program);
  for (const cmd of program.commands) exitOverrideDeep(cmd);
  return positionalOptions(program);
}

function exitOverrideDeep(cmd: Command) {
  cmd.exitOverride();
  for (const sub of cmd.commands) exitOverrideDeep(sub);
}

/**
 * Runs one command line and gives the exit code. Exit codes (src/cli/exit-codes.ts, and the
 * README's CLI section): 0 done, 1 unexpected failure (a bug), 2 bad input or a refused
 * action, 3 an import that rejected rows, 4 the database or mail server could not be used.
 * With --json a failure is printed on stderr as the API's `{ error: { code, message, details } }`.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Known for sure once a command is parsed; before that (a usage error), from the raw words.
  let json = argv.slice(2, argv.includes('--') ? argv.indexOf('--') : undefined).includes('--json');
  let nameField: ((field: string) => string) | undefined;
  program.hook('preAction', (_program, action) => {
    json = Boolean(action.optsWithGlobals<GlobalOptions>().json);
    nameField = flagNamer(action);
  });
  silenceUsageErrorsWhen(program, () => json);
  try {
    await program.parseAsync(argv);
    return EXIT.done;
  } catch (err) {
    return reportFailure(err, json, (text) => process.stderr.write(`${text}\n`), nameField);
  }
}

/** With --json, commander's own usage message would not be JSON; reportFailure prints it instead. */
function silenceUsageErrorsWhen(cmd: Command, quiet: () => boolean) {
  cmd.configureOutput({
    outputError: (text, write) => (quiet() ? undefined : write(text)),
    writeErr: (text) => (quiet() ? undefined : process.stderr.write(text)),
  });
  for (const sub of cmd.commands) silenceUsageErrorsWhen(sub, quiet);
}
