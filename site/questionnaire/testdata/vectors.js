// vectors.js runs the shared test vectors against the page's scoring
// script: node vectors.js score.js vectors.json. It loads score.js exactly
// as the page embeds it and compares every number with === (the Go scorer
// wrote the expected values; JSON carries doubles exactly).
"use strict";
const fs = require("fs");
const vm = require("vm");

const [scriptFile, vectorsFile] = process.argv.slice(2);
const ctx = {};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(scriptFile, "utf8") + "\nthis.scoreAnswers = scoreAnswers; this.formatScore = formatScore;", ctx);
const vectors = JSON.parse(fs.readFileSync(vectorsFile, "utf8"));

// outcome puts score.js's result in the shape the Go test writes.
function outcome(m, r) {
  const lv = (i) => (i >= 0 ? m.levels[i].id : "");
  return {
    dims: r.dims.map((d) => ({ score: d.score, level: lv(d.level) })),
    overall: { score: r.overall.score, level: lv(r.overall.level) },
    cappedBy: r.overall.cappedBy >= 0 ? m.flags[r.overall.cappedBy].id : "",
    raised: r.flags.map((f, i) => (f.raised ? m.flags[i].id : null)).filter((x) => x !== null),
    recs: r.recs.map((x) => ({ id: m.recommendations[x.rec].id, priority: x.priority })),
  };
}

// diff returns where a and b differ, or "" when they are equal (numbers
// compared with ===, so 61.25 and 61.250000000000004 differ).
function diff(a, b, path) {
  if (typeof a !== typeof b || (a === null) !== (b === null)) return `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  if (a === null || typeof a !== "object") return a === b ? "" : `${path}: ${a} != ${b}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = diff(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return "";
}

let failed = 0;
vectors.cases.forEach((c, i) => {
  const m = vectors.models[c.rubric];
  const got = outcome(m, ctx.scoreAnswers(m, c.answers));
  const d = diff(got, c.expect, "");
  if (d) {
    failed++;
    if (failed <= 10) console.log(`case ${i} (${c.rubric}): score.js ${d.replace(/^\./, "")} (Go)`);
  }
});
// formatScore rounds as `aiready score` prints: half away from zero.
const fmt = [[56.25, "56.3"], [56.24999, "56.2"], [0, "0.0"], [100, "100.0"], [12.35, "12.4"], [99.95, "100.0"], [33.333333333333336, "33.3"]];
for (const [x, want] of fmt) {
  if (ctx.formatScore(x, ".") !== want) {
    failed++;
    console.log(`formatScore(${x}) = ${ctx.formatScore(x, ".")}, want ${want}`);
  }
}
if (failed) {
  console.log(`${failed} of ${vectors.cases.length + fmt.length} checks differ`);
  process.exit(1);
}
console.log(`${vectors.cases.length} vectors and ${fmt.length} formats agree with the Go scorer`);
