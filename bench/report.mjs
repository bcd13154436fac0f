// Prints the formula-engine benchmark's table: each measurement for Folio and for
// HyperFormula, the ratio Folio/HyperFormula and its target.
//
//   node report.mjs FILE...
// Each FILE holds the JSON lines one bench run printed (either engine); run-formula-engine.sh
// passes one HyperFormula and one Folio file per round, in order. With several rounds the
// table shows the median over the rounds of each engine's median, their ratio, and the
// lowest and highest ratio of a single round. Exits 3 when a target is missed.
import { readFileSync } from 'node:fs';

const targets = { build_eval: 0.1, edit_score: 0.05, edit_mrr: 0.05 };
const labels = {
  build_eval: 'build + full evaluation',
  edit_score: 'edit a score, read Summary',
  edit_mrr: 'edit an mrr, read total + Summary',
};

const runs = {};  // measure → engine → [result of each round]
const info = {};
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line);
    if (o.measure) ((runs[o.measure] ??= {})[o.engine] ??= []).push(o);
    else if (o.info) info[o.engine] = o;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

let missed = 0;
console.log(`${pad('measurement (median)', 35)}${lpad('Folio ms', 9)}${lpad('HF ms', 9)}${lpad('Folio/HF', 10)}` +
            `${lpad('rounds', 17)}${lpad('target', 10)}  result`);
for (const m of Object.keys(targets)) {
  const f = runs[m]?.folio ?? [], h = runs[m]?.hyperformula ?? [];
  if (f.length === 0 || h.length === 0) {
    console.log(`${pad(labels[m], 35)}  missing results`);
    ++missed;
    continue;
  }
  const fm = median(f.map((r) => r.median_ms)), hm = median(h.map((r) => r.median_ms));
  const ratio = fm / hm;
  const perRound = f.slice(0, h.length).map((r, i) => r.median_ms / h[i].median_ms);
  const spread = `${Math.min(...perRound).toFixed(3)}-${Math.max(...perRound).toFixed(3)}x`;
  const ok = ratio <= targets[m];
  if (!ok) ++missed;
  console.log(`${pad(labels[m], 35)}${lpad(ms(fm), 9)}${lpad(ms(hm), 9)}${lpad(ratio.toFixed(4) + 'x', 10)}` +
              `${lpad(spread, 17)}${lpad('<= ' + targets[m] + 'x', 10)}  ${ok ? 'met' : 'MISSED'} (Folio ${(hm / fm).toFixed(1)}x faster)`);
}
const hf = info.hyperformula;
const rounds = runs.build_eval?.folio?.length ?? 0;
if (hf) {
  console.log(`HyperFormula ${hf.version} on Node ${hf.node}; ${hf.cells} cells; ${rounds} round(s), each the median of ` +
              `${runs.build_eval?.folio?.[0]?.reps} builds and ${runs.edit_score?.folio?.[0]?.reps} edits per engine.`);
}
process.exit(missed ? 3 : 0);
