// CSV import benchmark: generates a 100,000-row partner file, imports it with the real CLI into
// a fresh SQLite database, and reports rows/s and peak memory. Run: node bench/import.mjs [rows]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 100_000);
const dir = path.join(root, '.tmp', 'bench-import');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'partners.csv');

const types = ['PR agency', 'web agency', 'copywriter', 'SaaS', 'designer', 'marketing agency'];
const stages = ['identified', 'contacted', 'call done', 'agreement yes', 'no reply', 'followed up'];
const out = fs.openSync(file, 'w');
let buf = 'Name;E-mail;LinkedIn;Type;Status;Tags;Next action date;Notes\n';
for (let i = 0; i < rows; i++) {
  const day = String((i % 28) + 1).padStart(2, '0');
  buf += `Partner ${i};p${i}@example.com;https://www.linkedin.com/in/p-${i};${types[i % types.length]};${stages[i % stages.length]};"b2b, tier-${i % 3}";${day}/12/2026;"Met at event ${i % 50}"\n`;
  if (buf.length > 1 << 20) {
    fs.writeSync(out, buf);
    buf = '';
  }
}
fs.writeSync(out, buf);
fs.closeSync(out);
const size = fs.statSync(file).size;

function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(root, 'bench/report-rss.mjs'),
      path.join(root, 'bin/partnerloop.js'),
      '--data-dir',
      path.join(dir, 'data'),
      ...args,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1e6;
  return { seconds, rss, cpu, report: JSON.parse(r.stdout) };
}

// The first command creates and migrates the database, so the import below measures importing.
run(['--json', 'profile', 'show']);
const baseline = run(['--json', 'profile', 'show']);
const first = run(['--json', 'import', 'partners', file]);
const again = run(['--json', 'import', 'partners', file]);
const result = {
  rows,
  fileMB: +(size / 1e6).toFixed(1),
  created: first.report.created,
  importSeconds: +first.seconds.toFixed(2),
  rowsPerSecond: Math.round(rows / (first.seconds - baseline.seconds)),
  rowsPerSecondWallClock: Math.round(rows / first.seconds),
  rowsPerCpuSecond: Math.round(rows / (first.cpu - baseline.cpu)),
  peakRssMB: Math.round(first.rss),
  reimportUnchanged: again.report.unchanged,
  reimportRowsPerSecond: Math.round(rows / (again.seconds - baseline.seconds)),
  processStartSeconds: +baseline.seconds.toFixed(2),
};
console.table(result);
const resultsFile = path.join(root, 'bench', 'results.json');
const previous = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
fs.writeFileSync(resultsFile, `${JSON.stringify({ ...previous, csvImport: result }, null, 2)}\n`);
fs.rmSync(dir, { recursive: true, force: true });
