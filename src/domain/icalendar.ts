/**
 * What the `ics` library leaves to its caller, per RFC 5545. It escapes `\`, `;`, `,` and LF
 * or CRLF in SUMMARY, DESCRIPTION and LOCATION, but a lone CR passes through raw (a reader
 * that breaks lines on CR then sees a new property, e.g. `BEGIN:VEVENT`), X-WR-CALNAME gets no
 * TEXT escaping at all, control characters pass through, and lines are folded at 75
 * characters where the RFC says 75 octets.
 */

// Legacy rows may hold what the API now refuses; a calendar file holds none of it (RFC 5545
// TEXT allows no control character but tab).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Multi-line text for the library: every CRLF, lone CR or LF becomes LF (which it escapes). */
export function icsText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

/** One-line text for the library (a summary, a location): line breaks and tabs become spaces. */
export function icsLine(value: string): string {
  return icsText(value).replace(/[\n\t]+/g, ' ');
}

/** RFC 5545 TEXT escaping, for the properties the library writes unescaped. */
export function escapeIcsText(value: string): string {
  return icsLine(value).replace(/[\\;,]/g, (c) => `\\${c}`);
}

const encoder = new TextEncoder();

/**
 * Re-folds a whole iCalendar document so that no line is longer than 75 octets of UTF-8,
 * continuation lines starting with one space, never splitting a character. The library's
 * own folds (CRLF + tab) are undone first; its content lines hold no other CR or LF.
 */
export function foldIcs(document: string): string {
  const lines = document.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Code points, so a surrogate pair (an emoji) stays whole.
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
