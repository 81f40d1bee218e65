import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/app/import/csv-source.js';

async function records(text: string, chunk: number) {
  async function* pieces() {
    for (let i = 0; i < text.length; i += chunk) yield Buffer.from(text.slice(i, i + chunk));
  }
  const out: { line: number; cells: string[] }[] = [];
  for await (const rs of readCsv(pieces())) out.push(...rs);
  return out;
}

const TRICKY =
  '\ufeffName;Notes;Value\r\n"Acme; Co";"two\r\nlines";"$1,000"\r\n\r\n;\r\nBee;"say ""hi""";5\r\nLast;no newline;7';

describe('reading CSV records', () => {
  it('gives the same records and line numbers however the file is cut into chunks', async () => {
    const expected = [
      { line: 1, cells: ['Name', 'Notes', 'Value'] },
      { line: 2, cells: ['Acme; Co', 'two\nlines', '$1,000'] },
      { line: 6, cells: ['Bee', 'say "hi"', '5'] },
      { line: 7, cells: ['Last', 'no newline', '7'] },
    ];
    for (const chunk of [1, 2, 3, 5, 8, 13, 64, 10_000]) expect(await records(TRICKY, chunk)).toEqual(expected);
  });

  it('names the line of a quote left open, at the end of a file or past any sane cell size', async () => {
    await expect(records('a,b\n1,2\n"open,3\n4,5\n', 4)).rejects.toMatchObject({
      message: expect.stringContaining('the quoted cell opened on line 3 is never closed'),
    });
    const huge = `a,b\n1,"${'x'.repeat(1_100_000)}\n`;
    await expect(records(`${huge}2,3\n`, 65_536)).rejects.toMatchObject({
      message: expect.stringContaining('the quoted cell opened on line 2 is never closed'),
    });
  });
});
