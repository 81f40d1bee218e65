/**
 * What text Partnerloop stores. PostgreSQL refuses U+0000 in text columns (SQLite keeps it, so
 * a backup holding one could not move to PostgreSQL), other C0 controls break the documents we
 * write (.ics, Markdown, CSV, e-mail headers), and an unpaired UTF-16 surrogate is silently
 * turned into U+FFFD when encoded as UTF-8. So both kinds of text refuse control characters
 * and unpaired surrogates; multi-line text keeps tab, line feed and carriage return.
 */
export type TextKind = 'line' | 'text';

// DEL (U+007F) counts too: it is a control character that no form ever means to send.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// One test that clean text (nearly all of it) passes: imports check every cell of every row.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's job
const SUSPECT = /[\u0000-\u001f\u007f\ud800-\udfff]/;

/** Why `value` may not be stored as text of this kind, or null when it may. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (!SUSPECT.test(value)) return null;
  if (kind === 'line' && LINE_BREAK.test(value)) return 'line breaks are not allowed here (one line only)';
  if ((kind === 'line' ? LINE_CONTROL : TEXT_CONTROL).test(value)) {
    return kind === 'line'
      ? 'control characters (such as U+0000) are not allowed'
      : 'control characters (such as U+0000) are not allowed; tab and line breaks are fine';
  }
  if (LONE_SURROGATE.test(value)) return 'expected valid Unicode text (it holds an unpaired UTF-16 surrogate)';
  return null;
}
