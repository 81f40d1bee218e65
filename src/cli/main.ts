import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
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
import { positionalOptions } from './program-options.js';

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

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input or a refused action. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof AppError) {
      process.stderr.write(`${describeError(err)}\n`);
      return 2;
    }
    process.stderr.write(`Unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

function describeError(err: AppError): string {
  const issues = err.details.issues as { field: string; message: string }[] | undefined;
  if (err.code === 'validation_failed' && issues?.length) {
    return `Error: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('\n       ')}`;
  }
  return `Error: ${err.message}`;
}
