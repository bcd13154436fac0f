// The csv_aggregate benchmark's agreement check: every engine must compute the same
// numbers. Compares the reference result (DuckDB's, as CSV: region,month,nps,csat_share,
// frt_mean,fcr_share,mrr) with each other result, either the same CSV form
// (folio_bench_scan --out) or Folio's JSON (`folio render bench.folio --format json`:
// the table by region, month with the metrics NPS, CSAT, FRT, FCR, MRR). Numbers must
// agree to a relative 1e-9 (sums in a different order differ in the last bits only);
// a group missing on either side, or an error cell, is a mismatch.
//
//   node compare.mjs REFERENCE.csv OTHER.csv|OTHER.json [...]
// Prints one line per file ("scan.csv: 96 groups agree") and the first differences;
// exits 1 on any mismatch.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fields = ['nps', 'csat_share', 'frt_mean', 'fcr_share', 'mrr'];
const folioNames = { NPS: 'nps', CSAT: 'csat_share', FRT: 'frt_mean', FCR: 'fcr_share', MRR: 'mrr' };

function readCsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const out = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    const row = Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
    const values = {};
    for (const f of fields) values[f] = row[f] === '' ? null : Number(row[f]);
    out.set(`${row.region}|${row.month}`, values);
  }
  return out;
}

// A month as Folio may write it: "2024-03", "2024-03-01", or an Excel date serial.
function monthKey(v) {
  if (typeof v === 'number') {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return d.toISOString().slice(0, 7);
  }
  return String(v).slice(0, 7);
}

function readFolio(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const table = (doc.tables ?? []).find((t) => Array.isArray(t.by) && t.by.join(',') === 'region,month');
  if (!table) throw new Error(`${file}: no table by region, month`);
  const out = new Map();
  for (const row of table.rows) {
    const values = {};
    for (const [name, f] of Object.entries(folioNames)) {
      const v = row[name];
      values[f] = typeof v === 'number' ? v : v && typeof v === 'object' && 'error' in v ? `error ${v.error}` : null;
    }
    out.set(`${row.region}|${monthKey(row.month)}`, values);
  }
  return out;
}

function close(a, b) {
  if (a === null || b === null) return a === b;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const [refFile, ...others] = process.argv.slice(2);
if (!refFile || others.length === 0) {
  console.error('usage: node compare.mjs REFERENCE.csv OTHER.csv|OTHER.json [...]');
  process.exit(2);
}
const ref = readCsv(refFile);
let failed = false;
for (const file of others) {
  let got;
  try {
    got = file.endsWith('.json') ? readFolio(file) : readCsv(file);
  } catch (e) {
    console.log(`${path.basename(file)}: MISMATCH: ${e.message}`);
    failed = true;
    continue;
  }
  const problems = [];
  for (const [key, want] of ref) {
    const have = got.get(key);
    if (!have) { problems.push(`${key}: missing`); continue; }
    for (const f of fields) {
      if (!close(want[f], have[f])) problems.push(`${key} ${f}: ${have[f]}, expected ${want[f]}`);
    }
  }
  for (const key of got.keys()) if (!ref.has(key)) problems.push(`${key}: not in the reference`);
  if (problems.length === 0) {
    console.log(`${path.basename(file)}: ${ref.size} groups agree with ${path.basename(refFile)}`);
  } else {
    failed = true;
    console.log(`${path.basename(file)}: MISMATCH in ${problems.length} values, e.g.`);
    for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
  }
}
process.exit(failed ? 1 : 0);
