import Table from 'cli-table3';
import pc from 'picocolors';

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

export const stdio: Pick<Output, 'out' | 'err'> = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** Prints `value` as JSON for machines, or through `human` for people. */
export function emit<T>(o: Output, value: T, human: (v: T) => string): void {
  o.out(o.json ? JSON.stringify(value, null, 2) : human(value));
}

export function table(head: string[], rows: (string | number | null | undefined)[][]): string {
  const t = new Table({ head: head.map((h) => pc.bold(h)), style: { head: [], border: [] } });
  for (const r of rows) t.push(r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return t.toString();
}

export function keyValues(pairs: [string, string | number | null | undefined][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs
    .map(([k, v]) => `${pc.dim(k.padEnd(width))}  ${v === null || v === undefined || v === '' ? pc.dim('—') : v}`)
    .join('\n');
}

export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
}
