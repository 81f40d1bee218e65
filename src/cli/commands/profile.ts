import type { Command } from 'commander';
import { setProfile, showProfile } from '../../app/profile.js';
import { AppError } from '../../domain/errors.js';
import type { Profile } from '../../domain/profile.js';
import { emit, keyValues, money } from '../output.js';
import { withRuntime } from '../session.js';

const MONEY_KEYS = new Set(['monthlyRevenueTarget', 'monthlyPlatformCost']);
const NUMBER_KEYS = new Set(['partnerTarget', 'followUpMinDays', 'followUpMaxDays', 'noResponseDays']);

export function profileCommand(program: Command) {
  const profile = program.command('profile').description('The agency profile and workspace settings');

  profile
    .command('show')
    .description('Show the profile')
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => emit(o, await showProfile(deps, ctx), describeProfile)),
    );

  profile
    .command('set')
    .description(
      'Change fields, e.g. name="Northwind Social" monthly-revenue-target=6000 (money in whole currency units; empty clears)',
    )
    .argument('<assignments...>', 'KEY=VALUE pairs')
    .action(async (assignments: string[], _opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) =>
        emit(o, await setProfile(deps, ctx, parseAssignments(assignments)), describeProfile),
      ),
    );
}

/** `monthly-revenue-target=6,000` → `{ monthlyRevenueTarget: 600000 }`. */
export function parseAssignments(assignments: string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq < 1) {
      throw AppError.validation([{ field: a, message: 'expected KEY=VALUE, e.g. time-zone=Europe/London' }]);
    }
    const key = a.slice(0, eq).replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());
    const raw = a.slice(eq + 1).trim();
    patch[key] = convert(key, raw);
  }
  return patch;
}

function convert(key: string, raw: string): unknown {
  if (MONEY_KEYS.has(key)) {
    const amount = Number(raw.replace(/[,\s$€£]/g, ''));
    if (raw === '' || !Number.isFinite(amount)) {
      throw AppError.validation([{ field: key, message: `expected an amount such as 5000 or 5,000.00, got "${raw}"` }]);
    }
    return Math.round(amount * 100);
  }
  if (NUMBER_KEYS.has(key)) return raw === '' ? raw : Number(raw);
  return raw === '' ? null : raw;
}

function describeProfile(p: Profile): string {
  return keyValues([
    ['Name', p.name],
    ['Positioning', p.positioning],
    ['Ideal client', p.idealClient],
    ['Services offered', p.servicesOffered],
    ['Services referred out', p.servicesReferredOut],
    ['Sender', p.senderName && p.senderEmail ? `${p.senderName} <${p.senderEmail}>` : (p.senderName ?? p.senderEmail)],
    ['Calendar link', p.calendarLink],
    ['Currency', p.currency],
    ['Time zone', p.timeZone],
    ['Monthly revenue target', money(p.monthlyRevenueTarget, p.currency)],
    ['Monthly platform cost', money(p.monthlyPlatformCost, p.currency)],
    ['Review cadence', p.reviewCadence],
    ['Partner target', p.partnerTarget],
    ['Follow-up window', `${p.followUpMinDays}–${p.followUpMaxDays} days`],
    ['No response after', `${p.noResponseDays} days`],
  ]);
}
