// The formula-engine benchmark: HyperFormula's side (Folio's is ../formula_engine_bench.cpp).
//
// Loads the workload the C++ bench emitted (`folio_formula_engine_bench --emit DIR`:
// DIR/cells.tsv, one "Sheet!A1<TAB>entry" per line, and DIR/plan.json), so both engines
// run exactly the same cells, and measures the same three things the same way:
//   build_eval  HyperFormula.buildFromSheets (which evaluates everything) and every
//               value read back with getSheetValues;
//   edit_score  setCellContents on one score cell, then the Summary cells read;
//   edit_mrr    setCellContents on one mrr value near the top, then the last running
//               total and the Summary cells read.
// Each is run once more first (not counted: JIT warm-up); the median is reported.
//
//   node bench.mjs --workload DIR [--build-reps N] [--edit-reps N] [--values-out FILE]
//                  [--use-column-index]
// Prints one JSON object per line, as the C++ side does. --values-out writes the checked
// cells' values at three checkpoints ("checkpoint<TAB>Sheet!A1<TAB>type<TAB>value"),
// which the C++ side compares with its own (--compare).
//
// HyperFormula is looked up in HYPERFORMULA_DIR (a folder where `npm install --prefix
// <dir> hyperformula` ran), else with Node's usual resolution.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

function loadHyperFormula() {
  const dir = process.env.HYPERFORMULA_DIR;
  const require = createRequire(dir ? path.join(path.resolve(dir), 'package.json') : import.meta.url);
  const hf = require('hyperformula');
  const HyperFormula = hf.HyperFormula ?? hf.default?.HyperFormula ?? hf.default;
  return { HyperFormula, version: HyperFormula.version };
}

function parseArgs(argv) {
  const opts = { workload: null, buildReps: 5, editReps: 21, valuesOut: null, useColumnIndex: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--use-column-index') { opts.useColumnIndex = true; continue; }
    const v = argv[++i];
    if (v === undefined) usage();
    if (a === '--workload') opts.workload = v;
    else if (a === '--build-reps') opts.buildReps = Math.max(1, parseInt(v, 10));
    else if (a === '--edit-reps') opts.editReps = Math.max(1, parseInt(v, 10));
    else if (a === '--values-out') opts.valuesOut = v;
    else usage();
  }
  if (!opts.workload) usage();
  return opts;
}

function usage() {
  console.error('usage: node bench.mjs --workload DIR [--build-reps N] [--edit-reps N] [--values-out FILE] [--use-column-index]');
  process.exit(2);
}

// "Data!B12" → { sheetName: 'Data', row: 11, col: 1 } (0-based).
function parseAddress(text) {
  const m = /^(.+)!([A-Z]+)([0-9]+)$/.exec(text);
  if (!m) throw new Error(`bad address ${text}`);
  let col = 0;
  for (const ch of m[2]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheetName: m[1], row: parseInt(m[3], 10) - 1, col: col - 1 };
}

// The entry as typed: a formula, a number, or text (the generator writes nothing else).
function typed(entry) {
  if (entry.startsWith('=')) return entry;
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(entry)) return Number(entry);
  return entry;
}

function loadWorkload(dir) {
  const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  const sheets = {};
  for (const name of plan.sheets) sheets[name] = [];
  let count = 0;
  for (const line of readFileSync(path.join(dir, 'cells.tsv'), 'utf8').split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const at = parseAddress(line.slice(0, tab));
    const rows = sheets[at.sheetName];
    while (rows.length <= at.row) rows.push([]);
    const row = rows[at.row];
    while (row.length < at.col) row.push(null);
    row[at.col] = typed(line.slice(tab + 1));
    ++count;
  }
  if (count !== plan.cells) throw new Error(`cells.tsv has ${count} cells, plan.json says ${plan.cells}`);
  return { plan, sheets, count };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function report(measure, ms, extra = {}) {
  const f = (x) => Number(x.toFixed(4));
  console.log(JSON.stringify({
    engine: 'hyperformula', measure, median_ms: f(median(ms)), min_ms: f(Math.min(...ms)), max_ms: f(Math.max(...ms)),
    reps: ms.length, ...extra,
  }));
}

function accumulate(v) {
  return typeof v === 'number' ? v : typeof v === 'string' ? 1 : 0;
}

function typedText(v) {
  if (v === null || v === undefined) return 'blank\t';
  if (typeof v === 'number') return `number\t${String(v)}`;
  if (typeof v === 'string') return `text\t${v}`;
  if (typeof v === 'boolean') return `bool\t${v ? 'TRUE' : 'FALSE'}`;
  if (typeof v === 'object' && typeof v.value === 'string' && v.value.startsWith('#')) return `error\t${v.value}`;
  return `other\t${JSON.stringify(v)}`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { HyperFormula, version } = loadHyperFormula();
  const { plan, sheets, count } = loadWorkload(opts.workload);
  const config = { licenseKey: 'gpl-v3' };
  if (opts.useColumnIndex) config.useColumnIndex = true;

  // 1. Build and evaluate, from nothing to every value read back.
  let hf = null;
  let checksum = 0;
  const build = [], load = [], read = [];
  for (let rep = -1; rep < opts.buildReps; ++rep) {
    if (hf) hf.destroy();
    hf = null;
    const t0 = performance.now();
    const h = HyperFormula.buildFromSheets(sheets, config);
    const t1 = performance.now();
    let sum = 0;
    for (const name of plan.sheets) {
      for (const row of h.getSheetValues(h.getSheetId(name))) for (const v of row) sum += accumulate(v);
    }
    const t2 = performance.now();
    checksum = sum;
    hf = h;
    if (rep < 0) continue;
    build.push(t2 - t0);
    load.push(t1 - t0);
    read.push(t2 - t1);
  }

  const address = (text) => {
    const at = parseAddress(text);
    return { sheet: hf.getSheetId(at.sheetName), row: at.row, col: at.col };
  };
  const summary = plan.summary_cells.map(address);
  const lastTotal = address(plan.last_total);

  const mine = [];
  const snapshot = (name) => {
    for (const c of plan.check_cells) mine.push(`${name}\t${c}\t${typedText(hf.getCellValue(address(c)))}`);
  };
  snapshot('build');

  // 2. and 3. One edit, then the reads.
  const edits = (edit, readTotal) => {
    const at = address(edit.cell);
    const ms = [];
    for (let rep = -1; rep < opts.editReps; ++rep) {
      const i = rep < 0 ? 1 : rep;  // the warm-up run keeps the original value
      const t0 = performance.now();
      hf.setCellContents(at, edit.values[i % 2]);
      let sum = 0;
      if (readTotal) sum += accumulate(hf.getCellValue(lastTotal));
      for (const c of summary) sum += accumulate(hf.getCellValue(c));
      const t1 = performance.now();
      checksum += sum;
      if (rep >= 0) ms.push(t1 - t0);
    }
    return ms;
  };
  const score = edits(plan.score_edit, false);
  snapshot('after_score_edits');
  const mrr = edits(plan.mrr_edit, true);
  snapshot('after_mrr_edits');

  console.log(JSON.stringify({
    engine: 'hyperformula', info: 'workload', version, node: process.version, cells: count,
    use_column_index: opts.useColumnIndex, checksum: Number(checksum.toFixed(4)),
  }));
  report('build_eval', build, { parts: { build_ms: Number(median(load).toFixed(4)), read_ms: Number(median(read).toFixed(4)) } });
  report('edit_score', score);
  report('edit_mrr', mrr);

  if (opts.valuesOut) writeFileSync(opts.valuesOut, mine.join('\n') + '\n');
}

main();
