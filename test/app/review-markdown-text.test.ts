import { marked, type Tokens } from 'marked';
import { expect, it } from 'vitest';
import { createPartner } from '../../src/app/partners.js';
import { addReferral, markWon } from '../../src/app/referrals.js';
import { reviewFigures } from '../../src/app/review.js';
import { reviewMarkdown } from '../../src/app/review-markdown.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('the review Markdown with hostile partner names', (env) => {
  it('keeps a partner called "a | b <b>x</b>" in its own table cell, as text', async () => {
    const { deps, ctx, clock } = env();
    clock.set('2026-11-02T12:00:00.000Z');
    const name = 'Evil | PR <b>x</b> [y](javascript:alert(1))';
    const p = await createPartner(deps, ctx, { name, type: 'agency' });
    const r = await addReferral(deps, ctx, { direction: 'received', leadName: 'Acme', partnerId: p.id });
    await markWon(deps, ctx, r.id, { monthlyValue: 100_000, startDate: '2026-11-02' });
    const markdown = reviewMarkdown(await reviewFigures(deps, ctx, { month: '2026-11' }));
    const tables = marked.lexer(markdown).filter((t): t is Tokens.Table => t.type === 'table');
    const sources = tables.find((t) => t.header[0]?.text === 'source')!;
    const row = sources.rows.find((cells) => cells[0]?.text.startsWith('·'))!;
    expect(row).toHaveLength(7);
    expect(row[0]?.tokens.map((t) => ('text' in t ? t.text : t.raw)).join('')).toBe(`· ${name}`);
    const html = marked.parse(markdown, { async: false });
    expect(html).not.toMatch(/<(b|a)\b/);
    expect(html).toContain('Evil | PR &lt;b&gt;x&lt;/b&gt;');
  });
});
