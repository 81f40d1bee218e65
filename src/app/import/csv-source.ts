import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../domain/errors.js';

export interface CsvRecord {
  /** The file line the record starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvProgress {
  bytesRead: number;
}

/**
 * Streams the records of a CSV file: strips a BOM, picks `,`, `;` or tab from the first line,
 * skips blank lines and keeps quoted line breaks. Line endings become `\n` first, so line
 * numbers count as an editor does. Never holds more than a chunk of the file.
 */
export async function* readCsv(
  source: AsyncIterable<Buffer | string>,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CsvRecord> {
  const iterator = normalisedText(source, onBytes)[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!head.includes('\n') && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const delimiter = detectDelimiter(head.split('\n', 1)[0] ?? '');
  async function* rest() {
    if (head) yield head;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // Line numbers are counted here rather than asked of the parser (its per-record info object
  // costs more than the parsing): a record starts on the line after the previous one ends, and
  // blank lines come through as one empty cell, to count and skip.
  const parser = Readable.from(rest()).pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true }));
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1;
      let blank = true;
      for (const cell of cells) {
        for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
        if (blank && cell.trim() !== '') blank = false;
      }
      if (!blank) yield { line: start, cells };
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw AppError.validation([{ field: 'file', message: `the CSV cannot be read: ${err.message}` }]);
    }
    throw err;
  }
}

async function* normalisedText(
  source: AsyncIterable<Buffer | string>,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let first = true;
  let pendingCr = false;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (pendingCr) text = `\r${text}`;
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    onBytes?.(bytes);
    if (text) yield text.replace(/\r\n?/g, '\n');
  }
  const tail = (pendingCr ? '\r' : '') + decoder.end();
  if (tail) yield tail.replace(/\r\n?/g, '\n');
}

/** The separator that splits the header line into the most columns, outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}
