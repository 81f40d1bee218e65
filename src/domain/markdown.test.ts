import fc from 'fast-check';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { inlineRuns, markdownBlock, markdownInline, markdownUnescape } from './markdown.js';

const HOSTILE = [
  '# Heading',
  '## Sub',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![img](javascript:alert(1))',
  '**bold** and __bold__',
  '*em* and _em_',
  '`code` and ``` fenced',
  '~~~\nfence\n~~~',
  'lone\r# CR heading',
  'x\r\nBEGIN:VEVENT',
  '- item',
  '+ item',
  '* item',
  '1. one',
  '2) two',
  '> quote',
  '---',
  'Title\n===',
  '| a | b |\n| --- | --- |',
  '~~struck~~',
  '&lt;b&gt; &amp; &#60;',
  '<https://evil.example>',
  '<div onclick="x">',
  '    indented code',
  '\tindented by tab',
  'back\\slash\\',
  '[ref]: https://evil.example',
  'a  \nhard break',
  'see https://evil.example/x, HTTP://EVIL.example and www.evil.example',
  'mail dana@evil.example',
];

/** What a reader must see: the text itself, whitespace runs read as one space. */
const literal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The literal text of marked's tokens, failing on any token that is not plain text. */
function textOf(tokens: Token[], allowed: string[]): string {
  return tokens
    .map((t) => {
      if (!allowed.includes(t.type)) throw new Error(`unexpected ${t.type} token: ${JSON.stringify(t.raw)}`);
      if (t.type === 'paragraph' && 'tokens' in t && t.tokens) return `${textOf(t.tokens, ['text', 'escape'])} `;
      if (t.type === 'space') return ' ';
      return 'text' in t ? t.text : t.raw;
    })
    .join('');
}

describe('markdownInline', () => {
  it('makes hostile text plain text inside our own markup', () => {
    for (const s of HOSTILE) {
      const md = markdownInline(s);
      expect(md).not.toMatch(/[\r\n]/);
      const [bullet, ...rest] = marked.lexer(`- Notes: ${md}`);
      expect(
        rest.filter((t) => t.type !== 'space'),
        s,
      ).toEqual([]);
      expect(bullet?.type, s).toBe('list');
      const item = (bullet as { items: { tokens: Token[] }[] }).items[0]!;
      const inline = (item.tokens[0] as { tokens: Token[] }).tokens;
      expect(literal(textOf(inline, ['text', 'escape'])), s).toBe(literal(`Notes: ${s}`));
      expect(literal(markdownUnescape(md))).toBe(literal(s));
    }
  });

  it('leaves ordinary names as they are', () => {
    expect(markdownInline('Brightline PR')).toBe('Brightline PR');
    expect(markdownInline("10% of the client's revenue, 3 months (flat $1,000.00)")).toBe(
      "10% of the client's revenue, 3 months (flat $1,000.00)",
    );
    expect(markdownInline('Pixel & Pine_Co')).toBe('Pixel \\& Pine\\_Co');
  });

  it('renders to HTML without any element the text did not ask for', () => {
    const html = marked.parse(HOSTILE.map((s) => `- ${markdownInline(s)}`).join('\n'), { async: false });
    expect(html).not.toMatch(/<(script|a|img|h\d|strong|em|code|pre|del|table|blockquote|div|hr)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('markdownBlock', () => {
  it('keeps line breaks but no line can start a block', () => {
    for (const s of HOSTILE) {
      const tokens = marked.lexer(markdownBlock(s));
      expect(literal(textOf(tokens, ['paragraph', 'space'])), s).toBe(literal(s));
    }
    const all = markdownBlock(HOSTILE.join('\n'));
    expect(all.split('\n')).toHaveLength(HOSTILE.join('\n').split(/\r\n?|\n/).length);
    const html = marked.parse(all, { async: false });
    expect(html).not.toMatch(/<(script|a|img|h\d|strong|em|code|pre|del|table|blockquote|div|hr|ul|ol|li)\b/);
  });

  it('treats a lone CR as the line break Markdown readers see in it', () => {
    expect(markdownBlock('one\r# two\r\nthree')).toBe('one\n\\# two\nthree');
  });

  it('holds for any mix of Markdown punctuation, letters and line breaks', () => {
    const char = fc.constantFrom(
      ...'#*_`~[]()<>!&|\\-+=.:1 a\n\r\t'.split(''),
      'https://',
      'www.',
      'x@y.example',
      'javascript:',
      '&amp;',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(literal(textOf(marked.lexer(markdownBlock(s)), ['paragraph', 'space']))).toBe(literal(s));
        const [p, ...rest] = marked.lexer(`Text: ${markdownInline(s)}`);
        expect(rest.filter((t) => t.type !== 'space')).toEqual([]);
        expect(literal(textOf([p!], ['paragraph']))).toBe(literal(`Text: ${s}`));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('inlineRuns', () => {
  it('reads our bold markup and undoes escapes, never bolding escaped stars', () => {
    expect(inlineRuns(`**${markdownInline('**A** B')}** — ${markdownInline('works with **x**')}`)).toEqual([
      { text: '**A** B', bold: true },
      { text: ' — works with **x**', bold: false },
    ]);
    expect(inlineRuns('plain \\# \\<b\\>')).toEqual([{ text: 'plain # <b>', bold: false }]);
  });
});
