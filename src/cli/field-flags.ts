import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';

const aliases = new WeakMap<Command, Record<string, string>>();

/**
 * Declares which flag fills an app field whose name differs from the flag's (`feeToThem` is
 * `--pay-them`), so a refusal names what the user typed. A field named like a flag's
 * attribute (`nextActionDate` for `--next-action-date`) needs no entry.
 */
export function fieldFlags(cmd: Command, map: Record<string, string>): Command {
  aliases.set(cmd, { ...aliases.get(cmd), ...map });
  return cmd;
}

/** `feeToThem.percent` → `--pay-them (percent)` for the command that ran; other fields unchanged. */
export function flagNamer(cmd: Command): (field: string) => string {
  return (field) => {
    const [head = '', ...rest] = field.split('.');
    const flag =
      aliases.get(cmd)?.[head] ?? cmd.options.find((o) => !o.hidden && o.long && o.attributeName() === head)?.long;
    if (!flag) return field;
    return rest.length ? `${flag} (${rest.join('.')})` : flag;
  };
}

/** The same validation error with its fields named as flags; any other error as it was. */
export function withFlagNames(err: AppError, name: (field: string) => string): AppError {
  const issues = err.details.issues as { field: string; message: string }[] | undefined;
  if (err.code !== 'validation_failed' || !issues) return err;
  return AppError.validation(issues.map((i) => ({ ...i, field: name(i.field) })));
}
