import { z } from '@hono/zod-openapi';
import * as ics from 'ics';
import { line } from './common.js';

// The library's own URL test (the pattern its event schema applies), exported but not typed;
// should a release drop it, asking the library to write an event answers the same question.
const exported = (ics as unknown as { isValidURL?: (url: string) => boolean }).isValidURL;
const icsAccepts =
  typeof exported === 'function'
    ? exported
    : (url: string) => ics.createEvent({ start: 0, duration: { minutes: 1 }, url }).error === null;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

/**
 * The one form a stored link takes: an absolute http(s) address that the `ics` library (which
 * writes our calendar files) accepts. Anything else — `tel:`, `mailto:`, `javascript:`, an
 * IPv6 host, a space, `Bcc: someone@example.com` — once made every calendar answer fail.
 * Scheme and host are lower-cased (the library's pattern is case-sensitive; hosts are not).
 * Returns null when it is not such an address.
 */
export function normaliseLink(raw: string, options: { assumeHttps?: boolean } = {}): string | null {
  let s = raw.trim();
  if (options.assumeHttps && !SCHEME.test(s)) s = `https://${s}`;
  // The URL parser would quietly encode a space or read `\` as `/`; a link holds neither.
  if (/[\s\\<>"]/.test(s)) return null;
  const parts = PARTS.exec(s);
  if (!parts) return null;
  const [, scheme = '', authority = '', rest = ''] = parts;
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1).toLowerCase();
  const normalised = `${scheme.toLowerCase()}://${authority.slice(0, at + 1)}${host}${rest}`;
  let url: URL;
  try {
    url = new URL(normalised);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return icsAccepts(normalised) ? normalised : null;
}

export interface LinkOptions {
  /** An address to show in the refusal, e.g. https://cal.com/you/15min. */
  example: string;
  /** Spreadsheets hold `example.com`: read it as https://example.com. */
  assumeHttps?: boolean;
}

/** A link field: refused with an example of what is expected; never stored unnormalised. */
export function link(options: LinkOptions) {
  return linkOrEmpty(options, false) as z.ZodType<string, string>;
}

/** A link that may be left out or cleared: `''` and null become null. */
export function optionalLink(options: LinkOptions) {
  return linkOrEmpty(options, true).nullable().optional();
}

function linkOrEmpty({ example, assumeHttps }: LinkOptions, emptyIsNull: boolean) {
  const message = `expected an http(s) address such as ${example}`;
  return line()
    .max(500, 'expected at most 500 characters')
    .transform((s, ctx) => {
      if (s === '' && emptyIsNull) return null;
      const url = normaliseLink(s, { assumeHttps });
      if (url === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return url;
    })
    .openapi({ type: 'string', format: 'uri', example });
}
