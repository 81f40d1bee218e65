import fs from 'node:fs';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { bookCall, callIcs, completeCall } from '../../app/calls.js';
import { resolvePartner } from '../../app/partners.js';
import { FITS } from '../../domain/outreach.js';
import { emit } from '../output.js';
import { withRuntime } from '../session.js';

export function callCommand(program: Command) {
  const call = program.command('call').description('Fit calls with partners');

  call
    .command('book')
    .description('Book a call (time in the workspace time zone)')
    .argument('<partner>', 'id, e-mail or exact name')
    .requiredOption('--at <datetime>', 'start, YYYY-MM-DDTHH:MM (or "YYYY-MM-DD HH:MM")')
    .option('--minutes <n>', 'length; 15–20 suits a fit call', '20')
    .option('--link <url>', 'meeting link (default: the calendar link in the profile)')
    .option('--agenda <text>', 'what to cover')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        const c = await bookCall(deps, ctx, p.id, {
          at: opts.at,
          minutes: opts.minutes,
          link: opts.link,
          agenda: opts.agenda,
        });
        emit(o, c, (x) => `${pc.green('Booked')} ${p.name} at ${opts.at} (${x.minutes} min) ${pc.dim(x.id)}`);
      }),
    );

  call
    .command('done')
    .description('Record what you learned on the call')
    .argument('<call>', 'call id')
    .addOption(new Option('--fit <fit>', 'is it a fit').choices([...FITS]).makeOptionMandatory())
    .option('--notes <text>', 'notes')
    .option('--their-ideal-client <text>', 'who they most want as clients')
    .option('--their-services <text>', 'what they offer')
    .option('--next-step <text>', 'what happens next')
    .action(async (id: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const c = await completeCall(deps, ctx, id, {
          fit: opts.fit,
          notes: opts.notes,
          theirIdealClient: opts.theirIdealClient,
          theirServices: opts.theirServices,
          nextStep: opts.nextStep,
        });
        emit(o, c, (x) => `${pc.green('Call done')}, fit: ${x.fit}${x.nextStep ? `; next: ${x.nextStep}` : ''}`);
      }),
    );

  call
    .command('ics')
    .description('Write the call as an .ics calendar file')
    .argument('<call>', 'call id')
    .option('--out <file>', 'file to write (default: print it)')
    .action(async (id: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const { filename, ics } = await callIcs(deps, ctx, id);
        if (opts.out) {
          fs.writeFileSync(opts.out, ics);
          emit(o, { file: opts.out, filename }, (x) => `${pc.green('Wrote')} ${x.file}`);
        } else if (o.json) emit(o, { filename, ics }, () => '');
        else process.stdout.write(ics);
      }),
    );
}
