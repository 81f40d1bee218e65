import { z } from '@hono/zod-openapi';
import { AppError, type FieldIssue } from '../domain/errors.js';
import { type TextKind, textProblem } from '../domain/text.js';

function refuseBadText(kind: TextKind) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * The string every request field is built from: one line with no control characters and no
 * unpaired surrogates (see domain/text.ts). Trimmed first unless `trim` is false, so a pasted
 * trailing newline is not a refusal. Chain `.min()`, `.max()` and the rest after it.
 */
export function line(options: { trim?: boolean } = {}) {
  return (options.trim === false ? z.string() : z.string().trim()).superRefine(refuseBadText('line'));
}

/** Like `line`, for multi-line text: tab, line feed and carriage return are allowed. */
export function text(options: { trim?: boolean } = {}) {
  return (options.trim === false ? z.string() : z.string().trim()).superRefine(refuseBadText('text'));
}

export const IdSchema = line({ trim: false }).min(1).max(64);

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'expected a real calendar date')
  .openapi({ example: '2026-11-24' });

/** Integer minor units (cents). */
export const MoneySchema = z
  .number()
  .int('expected whole minor units (cents), e.g. 500000 for 5,000.00')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .openapi({ example: 500000 });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

/** Turns zod's issues into the field/message pairs every adapter shows. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    return [{ field: base, message: issue.message }];
  });
}

/** Parses input against a schema or throws one AppError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(fieldIssues(result.error));
  return result.data;
}

/** Optional multi-line text that may be cleared: empty strings become null. */
export function optionalText(max: number) {
  return optional(text(), max);
}

/** Optional one-line text that may be cleared: empty strings become null. */
export function optionalLine(max: number) {
  return optional(line(), max);
}

function optional(schema: z.ZodString, max: number) {
  return schema
    .max(max, `expected at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}
