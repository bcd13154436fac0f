// The csv_aggregate benchmark: DuckDB's side (through its Node API, @duckdb/node-api).
//
// Runs query.sql (the five metrics by region × month, read_csv with explicit types) on
// the CSV with the given number of threads, writes the result rows as CSV in the form
// folio_bench_scan writes (region,month,nps,csat_share,frt_mean,fcr_share,mrr; numbers
// in JavaScript's shortest round-trip form), and prints one JSON line with the time of
// the query alone (query_ms) and of opening DuckDB (open_ms). run.sh measures the whole
// process (wall time, CPU time, peak RSS) around it with /usr/bin/time.
//
//   node duckdb.mjs --csv FILE [--threads 2] [--out RESULT.csv]
//
// DuckDB is looked up in DUCKDB_DIR (a folder where `npm install --prefix <dir>
// @duckdb/node-api` ran), else with Node's usual resolution.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function usage() {
  console.error('usage: node duckdb.mjs --csv FILE [--threads N] [--out RESULT.csv]');
  process.exit(2);
}

const opts = { csv: null, threads: 2, out: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const v = argv[i + 1];
  if (v === undefined) usage();
  if (argv[i] === '--csv') opts.csv = v;
  else if (argv[i] === '--threads') opts.threads = Math.max(1, parseInt(v, 10));
  else if (argv[i] === '--out') opts.out = v;
  else usage();
}
if (!opts.csv) usage();

const dir = process.env.DUCKDB_DIR;
const require = createRequire(dir ? path.join(path.resolve(dir), 'package.json') : import.meta.url);
const { DuckDBInstance } = require('@duckdb/node-api');

const sql = readFileSync(path.join(here, 'query.sql'), 'utf8')
  .replaceAll('{{csv}}', path.resolve(opts.csv).replaceAll("'", "''"));

const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(opts.threads) });
const connection = await instance.connect();
const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
const t1 = performance.now();
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJS();
const t2 = performance.now();

if (opts.out) {
  const cell = (v) => (v === null || v === undefined ? '' : String(v));
  const lines = ['region,month,nps,csat_share,frt_mean,fcr_share,mrr'];
  for (const r of rows) {
    lines.push([r.region, r.month, r.nps, r.csat_share, r.frt_mean, r.fcr_share, r.mrr].map(cell).join(','));
  }
  writeFileSync(opts.out, lines.join('\n') + '\n');
}
console.log(JSON.stringify({
  engine: 'duckdb', version, threads: opts.threads, groups: rows.length,
  open_ms: +(t1 - t0).toFixed(1), query_ms: +(t2 - t1).toFixed(1),
}));
connection.closeSync?.();
instance.closeSync?.();
