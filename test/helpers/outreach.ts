import type { Ctx, Deps } from '../../src/app/context.js';
import { createPartner } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';

/** A profile with every field the default templates use, and one partner ready for outreach. */
export async function readyToWrite(deps: Deps, ctx: Ctx, profile: Record<string, unknown> = {}) {
  await setProfile(deps, ctx, {
    name: 'Northwind Social',
    positioning: 'short-form video for DTC skincare brands',
    idealClient: 'skincare brands selling online',
    servicesOffered: 'TikTok and Reels production',
    senderName: 'Sam Rivera',
    senderEmail: 'sam@northwind.example',
    calendarLink: 'https://cal.example/sam/15min',
    ...profile,
  });
  return createPartner(deps, ctx, {
    name: 'Brightline PR',
    type: 'agency',
    subtype: 'pr',
    contactName: 'Dana Whitfield',
    email: 'dana@brightline.example',
    audience: 'beauty brands launching products',
  });
}

/** A minimal iCalendar reader for tests: unfolds lines and returns each VEVENT's properties. */
export function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).split(';')[0] ?? '';
      current[key] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  if (!text.startsWith('BEGIN:VCALENDAR') || !text.trimEnd().endsWith('END:VCALENDAR')) {
    throw new Error('not an iCalendar document');
  }
  return events;
}
