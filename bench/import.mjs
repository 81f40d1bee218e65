// CSV import benchmark: generates a 100,000-row partner (or referral) file, imports it with the
// real CLI into fresh SQLite databases, and reports rows/s and peak memory.
// Run: node bench/import.mjs [rows] [partners|referrals] [results file]; BENCH_IMPORT_RUNS=3 by default.
// Reports the median run (rows/s over the import's own time), with the slowest and fastest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 100_000);
const mode = process.argv[3] ?? 'partners';
if (mode !== 'partners' && mode !== 'referrals') throw new Error('mode: partners or referrals');
const dir = path.join(root, '.tmp', 'bench-import');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${mode}.csv`);
const partnersFile = path.join(dir, 'partners.csv');
const PARTNERS = 40;

function writeLines(target, header, count, line) {
  const out = fs.openSync(target, 'w');
  let buf = header;
  for (let i = 0; i < count; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

const types = ['PR agency', 'web agency', 'copywriter', 'SaaS', 'designer', 'marketing agency'];
const stages = ['identified', 'contacted', 'call done', 'agreement yes', 'no reply', 'followed up'];
if (mode === 'partners') {
  writeLines(
    file,
    'Name;E-mail;LinkedIn;Type;Status;Tags;Next action date;Notes\n',
    rows,
    (i) =>
      `Partner ${i};p${i}@example.com;https://www.linkedin.com/in/p-${i};${types[i % types.length]};${stages[i % stages.length]};"b2b, tier-${i % 3}";${String((i % 28) + 1).padStart(2, '0')}/12/2026;"Met at event ${i % 50}"\n`,
  );
} else {
  // A sheet as owners keep it: 40 partners (named in mixed case), odd headers, day-first dates,
  // a third won with money in "$2,000.00" form; partner 0 has an active 10% x 3 agreement, so
  // its won referrals each derive three fee lines.
  writeLines(
    partnersFile,
    'Name;E-mail;Type;Status\n',
    PARTNERS,
    (i) => `Referrer ${i};r${i}@example.com;PR agency;call done\n`,
  );
  const outcomes = ['won', 'open', 'lost'];
  writeLines(file, 'Referred by;Client;When;Result;MRR;Company;Notes\n', rows, (i) => {
    const partner = i % 2 ? `Referrer ${i % PARTNERS}` : `referrer ${i % PARTNERS}`;
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2026`;
    const outcome = outcomes[i % 3];
    const value = outcome === 'won' ? `"$${(1000 + (i % 40) * 50).toLocaleString('en-US')}.00"` : '';
    return `${partner};Lead ${i};${date};${outcome};${value};Company ${i % 997};"Intro ${i % 50}"\n`;
  });
}
const size = fs.statSync(file).size;

function run(dataDir, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(root, 'bench/report-rss.mjs'),
      path.join(root, 'bin/partnerloop.js'),
      '--data-dir',
      dataDir,
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

// The database every run starts from: created and migrated (and, for referrals, the partners
// and an agreement in place), so each run below measures importing alone.
const baseDir = path.join(dir, 'base');
run(baseDir, ['--json', 'profile', 'show']);
if (mode === 'referrals') {
  run(baseDir, ['--json', 'import', 'partners', partnersFile]);
  run(baseDir, [
    '--json',
    'agreement',
    'add',
    'Referrer 0',
    '--pay-them',
    '10%x3',
    '--they-pay',
    'none',
    '--start',
    '2026-01-01',
    '--handoff',
    'intro_email',
  ]);
  run(baseDir, ['--json', 'agreement', 'activate', 'Referrer 0']);
}

// Several runs, each into a fresh copy: one run on a shared two-core machine can be a third off.
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const runDir = path.join(dir, 'run');
const runs = [];
for (let i = 0; i < RUNS; i++) {
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(baseDir, runDir, { recursive: true });
  // A process that starts, opens the database and answers, so the import's own time is the difference.
  const baseline = run(runDir, ['--json', 'profile', 'show']);
  const first = run(runDir, ['--json', 'import', mode, file]);
  runs.push({
    first,
    baseline,
    rowsPerSecond: rows / (first.seconds - baseline.seconds),
    rowsPerCpuSecond: rows / (first.cpu - baseline.cpu),
  });
}
const again = run(runDir, ['--json', 'import', mode, file]);
const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rates = runs.map((r) => r.rowsPerSecond);
const median = runs.find((r) => r.rowsPerSecond === middle(rates));
const result = {
  mode,
  rows,
  runs: RUNS,
  rejected: median.first.report.rejected,
  fileMB: +(size / 1e6).toFixed(1),
  created: median.first.report.created,
  importSeconds: +median.first.seconds.toFixed(2),
  rowsPerSecond: Math.round(median.rowsPerSecond),
  rowsPerSecondMin: Math.round(Math.min(...rates)),
  rowsPerSecondMax: Math.round(Math.max(...rates)),
  rowsPerSecondWallClock: Math.round(rows / median.first.seconds),
  rowsPerCpuSecond: Math.round(middle(runs.map((r) => r.rowsPerCpuSecond))),
  peakRssMB: Math.round(Math.max(...runs.map((r) => r.first.rss))),
  reimportUnchanged: again.report.unchanged,
  reimportRowsPerSecond: Math.round(rows / (again.seconds - median.baseline.seconds)),
  processStartSeconds: +median.baseline.seconds.toFixed(2),
};
console.table(result);
// `npm run bench` passes its own file to collect this row; run alone, it adds to bench/results.json.
const resultsFile = process.argv[4] ?? path.join(root, 'bench', 'results.json');
const previous = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
const key = mode === 'partners' ? 'csvImport' : 'csvImportReferrals';
fs.writeFileSync(resultsFile, `${JSON.stringify({ ...previous, [key]: result }, null, 2)}\n`);
// BENCH_KEEP=1 keeps the files and database for a closer look.
if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
