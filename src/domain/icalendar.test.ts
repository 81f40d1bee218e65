import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcs, icsLine, icsText } from './icalendar.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('icsText and icsLine', () => {
  it('turns every CRLF, lone CR and LF into LF in multi-line text', () => {
    expect(icsText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(icsText('x\r\nBEGIN:VEVENT')).toBe('x\nBEGIN:VEVENT');
    expect(icsText('lone\r')).toBe('lone\n');
  });

  it('keeps one line on one line, and drops control characters and unpaired surrogates', () => {
    expect(icsLine('Bright\rline\r\nPR\n\tx')).toBe('Bright line PR x');
    expect(icsText('a\u0000b\u001bc\u007fd\te')).toBe('abcd\te');
    expect(icsLine('half \ud83d and 😀')).toBe('half \ufffd and 😀');
  });

  it('escapes TEXT for the properties the library leaves alone', () => {
    expect(escapeIcsText('Northwind; Social, Inc. \\ partners\r\nX-EVIL:1')).toBe(
      'Northwind\\; Social\\, Inc. \\\\ partners X-EVIL:1',
    );
  });
});

describe('foldIcs', () => {
  it('leaves short lines alone and folds long ones at 75 octets with a leading space', () => {
    const doc = `BEGIN:VCALENDAR\r\nSUMMARY:${'a'.repeat(200)}\r\nEND:VCALENDAR\r\n`;
    const folded = foldIcs(doc);
    const lines = folded.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(2, -2).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(doc);
  });

  it('counts octets, not characters, and never splits a character', () => {
    const summary = `SUMMARY:${'é'.repeat(60)}${'😀'.repeat(30)}日本語`;
    const folded = foldIcs(`${summary}\r\n`);
    const lines = folded.split('\r\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`${summary}\r\n`);
  });

  it("undoes the library's own folds (CRLF and a tab) before folding again", () => {
    const libraryFolded = `DESCRIPTION:${'b'.repeat(74)}\r\n\t${'b'.repeat(10)}\r\n`;
    expect(foldIcs(libraryFolded)).toBe(`DESCRIPTION:${'b'.repeat(63)}\r\n ${'b'.repeat(21)}\r\n`);
  });
});
