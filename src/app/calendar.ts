import { createEvent, createEvents, type EventAttributes } from 'ics';
import { normaliseLink } from '../contract/link.js';
import { AppError } from '../domain/errors.js';
import { escapeIcsText, foldIcs, icsLine, icsText } from '../domain/icalendar.js';

export interface CalendarHeader {
  productId: string;
  calName?: string;
}

export interface CalendarFile {
  ics: string;
  /** Events left out entirely, and what was left out of the rest; also written into the file. */
  skipped: number;
  warnings: string[];
}

/**
 * Writes events through the `ics` library one at a time, so that one bad event (legacy data
 * the API no longer accepts) never fails the whole file. Text is cleaned for RFC 5545 first;
 * a link the library would refuse is left out of URL and LOCATION (it stays in the
 * description, as text); an event the library still refuses is left out. Each is reported
 * in the file as `X-PARTNERLOOP-WARNING` lines and an `X-PARTNERLOOP-SKIPPED` count, which
 * calendar apps ignore and a person reading the feed can find. The library's own error text
 * (its URL pattern, its schema paths) is never shown.
 */
export function writeCalendar(events: readonly EventAttributes[], header: CalendarHeader): CalendarFile {
  const warnings: string[] = [];
  const kept: EventAttributes[] = [];
  let skipped = 0;
  for (const raw of events) {
    const { event, linkDropped } = cleanEvent(raw);
    const label = eventLabel(event);
    if (createEvent(event).error) {
      skipped += 1;
      warnings.push(`${label}: left out of this file, the calendar library could not write it`);
      continue;
    }
    if (linkDropped) warnings.push(`${label}: meeting link left out of URL and LOCATION, it is not an http(s) address`);
    kept.push(event);
  }
  const { productId, calName } = header;
  // The library writes X-WR-CALNAME without TEXT escaping; it is given pre-escaped text.
  const result = createEvents(kept, { productId, ...(calName ? { calName: escapeIcsText(calName) } : {}) });
  if (result.error || result.value === null) throw unwritable();
  const notes = warnings.length
    ? [`X-PARTNERLOOP-SKIPPED:${skipped}`, ...warnings.map((w) => `X-PARTNERLOOP-WARNING:${escapeIcsText(w)}`)]
    : [];
  return { ics: foldIcs(withCalendarProperties(result.value, notes)), skipped, warnings };
}

/** The error a caller shows when nothing could be written: no library internals. */
function unwritable(): AppError {
  return new AppError('conflict', 'The calendar file could not be written');
}

function cleanEvent(raw: EventAttributes): { event: EventAttributes; linkDropped: boolean } {
  const event: EventAttributes = { ...raw };
  if (event.title !== undefined) event.title = icsLine(event.title);
  if (event.description !== undefined) event.description = icsText(event.description);
  let linkDropped = false;
  if (event.url !== undefined) {
    const url = normaliseLink(event.url);
    if (url === null) {
      linkDropped = true;
      delete event.url;
      if (raw.location === raw.url) delete event.location;
    } else {
      event.url = url;
      if (raw.location === raw.url) event.location = url;
    }
  }
  if (event.location !== undefined) event.location = icsLine(event.location);
  return { event, linkDropped };
}

function eventLabel(event: EventAttributes): string {
  const start = Array.isArray(event.start)
    ? event.start.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-')
    : typeof event.start === 'number' && Number.isFinite(event.start)
      ? `${new Date(event.start).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : String(event.start);
  return `${event.title ?? event.uid ?? 'An event'} (${start})`;
}

/** Calendar properties go before the first component (RFC 5545 §3.4). */
function withCalendarProperties(document: string, lines: string[]): string {
  if (lines.length === 0) return document;
  const at = document.indexOf('BEGIN:VEVENT');
  const cut = at === -1 ? document.lastIndexOf('END:VCALENDAR') : at;
  return `${document.slice(0, cut)}${lines.join('\r\n')}\r\n${document.slice(cut)}`;
}
