/**
 * Text typed by people (partner names, handoff instructions, notes) put into the Markdown
 * documents we write, so that it reads as the literal text it is: never a heading, a list, a
 * link, emphasis, code, a table or raw HTML, in a Markdown viewer, in our PDF or in the web
 * app's preview. CommonMark lets a backslash escape any ASCII punctuation, so escaping is
 * backslashes only, and `markdownUnescape` gives the text back.
 */

// Meaningful anywhere in a line: emphasis, code, links and images, HTML and entities, ATX
// heading marks, GFM strikethrough and tables, the `@` of GFM's e-mail autolinks, and the
// backslash itself.
const INLINE = /[\\`*_[\]<>&#~|@]/g;
// GFM also links bare addresses: `https://…` and `www.…` become links unless broken up.
const AUTOLINK = /(?<=(?:https?|ftp)):(?=\/\/)|(?<=www)\./gi;
// Meaningful only where a line starts: list bullets, setext underlines, GFM table delimiter
// rows (`:-`), ordered-list numbers.
const LINE_START = /^([-+=:]|\d+(?=[.)]))/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function escapeLine(line: string): string {
  // Leading spaces or a tab would make an indented code block, where escapes show as typed.
  const escaped = line.trimStart().replace(INLINE, '\\$&').replace(AUTOLINK, '\\$&');
  return escaped.replace(LINE_START, (m) => (/\d/.test(m) ? m.replace(/(\d+)$/, '$1\\') : `\\${m}`));
}

/**
 * One line of literal text inside our own Markdown (a heading, a bullet, a bold name): line
 * breaks (CRLF, lone CR, LF) become spaces, so the text cannot start a new block.
 */
export function markdownInline(text: string): string {
  return escapeLine(
    text
      .replace(/[\r\n\t]+/g, ' ')
      .replace(CONTROL, '')
      .trim(),
  );
}

/**
 * Multi-line literal text as Markdown paragraphs: each line is escaped where it starts and
 * throughout; CRLF and a lone CR count as line breaks, as Markdown readers count them.
 */
export function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => escapeLine(line).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The literal text of an escaped run: `\*` → `*`, as CommonMark reads it. */
export function markdownUnescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export interface InlineRun {
  text: string;
  bold: boolean;
}

/**
 * A line of our one-pager's Markdown as runs of plain and bold text, for typesetting: `**`
 * toggles bold unless escaped; escapes are undone. Only the markup our documents use.
 */
export function inlineRuns(line: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let bold = false;
  let current = '';
  const push = () => {
    if (current) runs.push({ text: current, bold });
    current = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
      current += line[i + 1];
      i++;
    } else if (c === '*' && line[i + 1] === '*') {
      push();
      bold = !bold;
      i++;
    } else current += c;
  }
  push();
  return runs;
}
