import { describe, expect, it } from 'vitest';
import { textProblem } from './text.js';

describe('textProblem', () => {
  it('lets ordinary text through, emoji and other scripts included', () => {
    for (const s of ['', 'Pixel & Pine', 'Zoë 😀 日本', '\u00a0non-breaking', '\u0085 next line is not C0']) {
      expect(textProblem(s, 'line')).toBeNull();
      expect(textProblem(s, 'text')).toBeNull();
    }
  });

  it('keeps tab and line breaks in multi-line text only', () => {
    for (const s of ['a\tb', 'a\nb', 'a\r\nb', 'a\rb']) expect(textProblem(s, 'text')).toBeNull();
    expect(textProblem('a\nb', 'line')).toMatch(/line breaks are not allowed/);
    expect(textProblem('a\rb', 'line')).toMatch(/line breaks are not allowed/);
    expect(textProblem('a\tb', 'line')).toMatch(/control characters/);
  });

  it('refuses NUL, the other C0 controls and DEL in both kinds', () => {
    for (let code = 0; code < 0x20; code++) {
      if (code === 9 || code === 10 || code === 13) continue;
      const s = `a${String.fromCharCode(code)}b`;
      expect(textProblem(s, 'line'), `U+${code.toString(16)}`).toMatch(/control characters/);
      expect(textProblem(s, 'text'), `U+${code.toString(16)}`).toMatch(/control characters/);
    }
    expect(textProblem('a\u007fb', 'text')).toMatch(/control characters/);
  });

  it('refuses unpaired surrogates and keeps paired ones', () => {
    expect(textProblem('\ud83d\ude00', 'line')).toBeNull();
    for (const s of ['\ud800', 'a\ud800b', '\udc00', 'x\ude00', '\ude00\ud83d']) {
      expect(textProblem(s, 'line')).toMatch(/unpaired UTF-16 surrogate/);
      expect(textProblem(s, 'text')).toMatch(/unpaired UTF-16 surrogate/);
    }
  });
});
