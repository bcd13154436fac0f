// Prints the formula-engine benchmark's table: each measurement for Folio and for
// HyperFormula, the ratio Folio/HyperFormula and the target. Reads the JSON lines both
// benches printed (files given as arguments). Exits 3 when a target is missed, so a
// caller can tell (run-formula-engine.sh reports it without failing).
import { readFileSync } from 'node:fs';

const targets = { build_eval: 0.1, edit_score: 0.05, edit_mrr: 0.05 };
const labels = {
  build_eval: 'build + full evaluation',
  edit_score: 'edit a score, read Summary',
  edit_mrr: 'edit an mrr, read total + Summary',
};

const results = {};
const info = {};
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line);
    if (o.measure) (results[o.measure] ??= {})[o.engine] = o;
    else if (o.info) info[o.engine] = o;
  }
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
let missed = 0;
console.log(`${pad('measurement (median)', 36)}${lpad('Folio ms', 10)}${lpad('HF ms', 10)}${lpad('Folio/HF', 10)}${lpad('target', 9)}  result`);
for (const m of Object.keys(targets)) {
  const f = results[m]?.folio, h = results[m]?.hyperformula;
  if (!f || !h) {
    console.log(`${pad(labels[m], 36)}  missing results`);
    ++missed;
    continue;
  }
  const ratio = f.median_ms / h.median_ms;
  const ok = ratio <= targets[m];
  if (!ok) ++missed;
  console.log(`${pad(labels[m], 36)}${lpad(ms(f.median_ms), 10)}${lpad(ms(h.median_ms), 10)}${lpad(ratio.toFixed(4) + 'x', 10)}` +
              `${lpad('<= ' + targets[m] + 'x', 9)}  ${ok ? 'met' : 'MISSED'} (${(h.median_ms / f.median_ms).toFixed(1)}x faster)`);
}
const hf = info.hyperformula;
if (hf) console.log(`HyperFormula ${hf.version} on Node ${hf.node}; ${hf.cells} cells; medians of ${results.build_eval?.folio?.reps} builds and ${results.edit_score?.folio?.reps} edits each.`);
process.exit(missed ? 3 : 0);
