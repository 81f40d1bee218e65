import type { FollowUpItem } from '../../api.js';
import { calendarDate, dueLabel } from '../../format.js';

const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** One line on where the follow-up rule stands, counted from the server's day (`asOf`). */
export function followUpText(f: FollowUpItem, asOf: string): { text: string; date: string | null; late: boolean } {
  const now = at(asOf);
  switch (f.state) {
    case 'not_due':
      return { text: `Follow-up ${dueLabel(f.dueOn!, asOf)}`, date: f.dueOn, late: false };
    case 'due':
      return {
        text: `Follow-up due; overdue ${dueLabel(f.overdueOn!, asOf).replace('due ', '')}`,
        date: f.dueOn,
        late: false,
      };
    case 'overdue': {
      const days = Math.round((now - at(f.overdueOn!)) / 86_400_000) + 1;
      return { text: `Follow-up overdue by ${days} day${days === 1 ? '' : 's'}`, date: f.overdueOn, late: true };
    }
    case 'awaiting_reply':
      return {
        text: `Followed up on ${calendarDate(f.followUpOn!)}; waiting for a reply`,
        date: f.noResponseOn,
        late: false,
      };
    case 'propose_no_response':
      return {
        text: `No reply since ${calendarDate(f.followUpOn ?? f.firstTouchOn!)}: mark as no response?`,
        date: f.noResponseOn,
        late: true,
      };
    default:
      return { text: 'No follow-up pending', date: null, late: false };
  }
}
