import { MantineProvider } from '@mantine/core';
import { marked, type Token } from 'marked';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { addAgreement } from '../../src/app/agreements.js';
import { onePager, onePagerPdf } from '../../src/app/onepager.js';
import { editPartner } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';
import { OnePagerPreview } from '../../src/web/components/agreements/OnePagerPreview.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';

const NAME = '# Heading <script>alert(1)</script>';
const COMPANY = '[x](javascript:alert(1))';
const HANDOFF = 'Intro by e-mail\r# lone CR heading\r\nBEGIN:VEVENT\n- not a bullet';
const NOTES = '**bold** and `code`\n\n> quote\n<img src=x onerror=alert(1)>';

/** Every token of a Markdown document, depth first. */
function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => {
    const children = [
      ...('tokens' in t && Array.isArray(t.tokens) ? t.tokens : []),
      ...('items' in t && Array.isArray(t.items) ? (t.items as Token[]) : []),
    ];
    return [t, ...allTokens(children)];
  });
}

/** The text a PDF shows, from its uncompressed TJ runs. */
function pdfText(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)]
        .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    )
    .join('');
}

describeEachDb('the one-pager with hostile text', (env) => {
  async function hostileAgreement() {
    const { deps, ctx } = env();
    await setProfile(deps, ctx, {
      name: 'Northwind **Social**',
      senderName: 'Sam `Rivera`',
      // Multi-line in the profile, one line in the one-pager: the lone CR must not start a heading.
      positioning: 'Paid social\r# positioning heading',
    });
    const p = await partnerAfterCall(deps, ctx);
    await editPartner(deps, ctx, p.id, { name: NAME, company: COMPANY, audience: '| a | b |' });
    const a = await addAgreement(deps, ctx, p.id, {
      handoffMethod: 'other',
      handoffInstructions: HANDOFF,
      notes: NOTES,
      exclusivity: '~~none~~',
      theyReferToUs: '1. clients\n2. more',
    });
    return a;
  }

  it('writes Markdown in which typed text is only text: our headings, our bold, nothing else', async () => {
    const { deps, ctx } = env();
    const a = await hostileAgreement();
    const { markdown } = await onePager(deps, ctx, a.id);
    const tokens = allTokens(marked.lexer(markdown));
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => (t as { depth: number }).depth);
    expect(headings).toEqual([1, 2, 2, 2, 2, 2, 2]);
    expect(
      tokens.filter((t) =>
        ['html', 'link', 'image', 'codespan', 'code', 'blockquote', 'del', 'table', 'em'].includes(t.type),
      ),
    ).toEqual([]);
    expect(tokens.filter((t) => t.type === 'strong').map((t) => (t as { text: string }).text)).toEqual([
      'Northwind \\*\\*Social\\*\\*',
      `${NAME.replace(/[#<>]/g, '\\$&')} (\\[x\\](javascript:alert(1)))`,
    ]);
    const html = marked.parse(markdown, { async: false });
    expect(html).not.toMatch(/<(script|img|a|code|blockquote|del|table)\b/);
    expect(html).toContain('# Heading &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('**bold** and `code`');
    expect(markdown).not.toContain('\r');
    expect(markdown).toContain('Intro by e-mail\n\\# lone CR heading\nBEGIN:VEVENT\n\\- not a bullet');
  });

  it('typesets the same literal text in the PDF, without backslashes or markup', async () => {
    const { deps, ctx } = env();
    const a = await hostileAgreement();
    const shown = pdfText(await onePagerPdf(deps, ctx, a.id, { compress: false }));
    for (const literal of [NAME, COMPANY, '# lone CR heading', '- not a bullet', '**bold** and `code`', '~~none~~']) {
      expect(shown, literal).toContain(literal);
    }
    expect(shown).toContain('Northwind **Social**');
    expect(shown).toContain('Paid social # positioning heading');
    expect(shown).toContain('Sam `Rivera`');
    expect(shown).not.toContain('\\');
  });

  it("draws the web app's preview with the text as text", async () => {
    const { deps, ctx } = env();
    const a = await hostileAgreement();
    const { markdown } = await onePager(deps, ctx, a.id);
    const html = renderToStaticMarkup(
      createElement(MantineProvider, null, createElement(OnePagerPreview, { markdown })),
    );
    expect(html).not.toMatch(/<(script|img|a|code|blockquote)\b/);
    expect(html).toContain('# Heading &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('**bold** and `code`');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\\');
  });
});
