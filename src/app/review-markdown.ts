import { markdownInline as md } from '../domain/markdown.js';
import { STAGE_LABELS, type Stage } from '../domain/stage.js';
import type { Review } from './review.js';

/** The review as a Markdown page, for a monthly meeting or a note in the owner's files. */
export function reviewMarkdown(r: Review): string {
  const money = (minor: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: r.currency }).format(minor / 100);
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };

  lines.push(`# Partnership review: ${r.period.label}`, '', `${r.period.from} to ${r.period.to}, as of ${r.asOf}`, '');
  lines.push('## The goal', '');
  table(
    ['', 'amount'],
    [
      ['New monthly revenue won (all sources)', money(r.goal.newMonthlyRevenue)],
      ['of which from partnerships', money(r.goal.newPartnerMonthlyRevenue)],
      ['Recurring revenue from partner clients', money(r.goal.recurringPartnerRevenue)],
      ['Monthly target', money(r.goal.monthlyTarget)],
      ['Progress to target', pct(r.goal.progress)],
      [
        'Return on platform cost',
        r.goal.returnOnCost === null ? '—' : `${r.goal.returnOnCost.toFixed(1)}× ${money(r.goal.monthlyPlatformCost)}`,
      ],
    ],
  );

  lines.push('## Leads by source', '');
  table(
    ['source', 'received', 'won', 'lost', 'pending', 'win rate', 'new monthly revenue'],
    [
      ...r.sources.bySource.map((s) => [
        s.source === 'partner' ? 'all partnerships' : s.source,
        s.received,
        s.won,
        s.lost,
        s.pending,
        pct(s.winRate),
        money(s.wonMonthlyValue),
      ]),
      ...r.sources.partners.map((s) => [
        // Partner names are typed by people: a `|` would split the table, `#` or `<b>` render.
        `· ${md(s.partnerName ?? s.partnerId ?? '')}`,
        s.received,
        s.won,
        s.lost,
        s.pending,
        pct(s.winRate),
        money(s.wonMonthlyValue),
      ]),
    ],
  );
  // A review saved before partners were limited has no total; it listed them all.
  const more = r.sources.partnersTotal - r.sources.partners.length;
  if (more > 0) lines.push(`${more} more partners sent leads; all are counted in all partnerships.`, '');
  lines.push(`Partnerships brought ${pct(r.sources.partnershipShare)} of the new monthly revenue.`, '');

  lines.push('## Pipeline', '');
  table(
    ['step', 'entered', 'went on', 'conversion', 'median days'],
    r.pipeline.funnel.map((f) => [
      `${STAGE_LABELS[f.from as Stage]} → ${STAGE_LABELS[f.to as Stage]}`,
      f.entered,
      f.advanced,
      pct(f.conversion),
      f.medianDays ?? '—',
    ]),
  );

  lines.push('## Fees', '');
  table(
    ['', 'we owe', 'owed to us'],
    [
      ['Falling due in the period', money(r.fees.accrued.payable), money(r.fees.accrued.receivable)],
      ['Paid in the period', money(r.fees.paid.payable), money(r.fees.paid.receivable)],
      ['Unpaid and due by its end', money(r.fees.outstanding.payable), money(r.fees.outstanding.receivable)],
    ],
  );

  const list = (title: string, items: { partnerName: string; reason: string }[], empty: string) => {
    lines.push(`## ${title}`, '');
    if (items.length === 0) lines.push(empty);
    for (const i of items) lines.push(`- **${md(i.partnerName)}**: ${md(i.reason)}`);
    lines.push('');
  };
  list('Double down on', r.doubleDown, 'No partner has brought a won client in this period yet.');
  list('Gone quiet', r.goneQuiet, 'Every partner with an agreement has been active lately.');
  list('Talk to', r.flags, 'No quality or terms issues.');

  lines.push(`## Checklist (${r.checklist.done} of ${r.checklist.total})`, '');
  for (const i of r.checklist.items) lines.push(`- [${i.done ? 'x' : ' '}] ${i.label}`);
  if (r.checklist.next) lines.push('', `Next: ${r.checklist.next.next}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
