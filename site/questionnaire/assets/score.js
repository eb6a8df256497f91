// score.js scores one respondent exactly as the Go scorer does
// (assess/answer.go, score.go, aggregate.go), step for step and in the
// same order of floating-point operations, so that the numbers are equal
// to the last bit, not only to the decimal. The shared vectors in
// testdata/vectors.json hold the two in lockstep (vectors_test.go runs
// them here in Node and the Go scorer writes them).
//
// m is the page's model (model.go). answers has one entry per question:
// null (not answered), {s: i} (skip answer i), {a: i} (answer i of a scale
// or choice), {sel: [bool...]} (multi), or a string (text).

function resolveAnswer(q, ans) {
  if (ans === null || ans === undefined) return { state: "missing" };
  if (q.type === "text") return typeof ans === "string" && ans !== "" ? { state: "ok" } : { state: "missing" };
  if (typeof ans.s === "number") return { state: "skip" };
  var raw;
  if (q.type === "multi") {
    // Go sums the chosen options in the order the answers file lists them;
    // the page saves them in option order, and sums in that order too.
    raw = 0;
    var any = false;
    for (var i = 0; i < q.points.length; i++) {
      if (ans.sel && ans.sel[i]) {
        raw += q.points[i];
        any = true;
      }
    }
    if (!any) return { state: "missing" };
    return { state: "ok", sel: ans.sel, raw: raw, v: answerValue(q, raw) };
  }
  if (typeof ans.a !== "number") return { state: "missing" };
  raw = q.points[ans.a];
  return { state: "ok", idx: ans.a, raw: raw, v: answerValue(q, raw) };
}

// answerValue maps raw points to [0, 1], reversed if the question says so.
function answerValue(q, raw) {
  var v = q.type === "multi" ? Math.min(Math.max(raw / q.hi, 0), 1) : (raw - q.lo) / (q.hi - q.lo);
  if (q.reverse) v = 1 - v;
  return v;
}

// levelFor is the last level whose min the score reaches.
function levelFor(m, score) {
  var l = -1;
  for (var i = 0; i < m.levels.length; i++) if (m.levels[i].min <= score) l = i;
  return l;
}

// condition tests one flag condition: [evaluable, match].
function condition(m, c, res, dims) {
  var x;
  if (c.dim >= 0) {
    if (dims[c.dim].score === null) return [false, false];
    x = dims[c.dim].score;
  } else {
    var a = res[c.q];
    if (a.state !== "ok") return [false, false];
    x = a.raw;
    if (c.is) {
      var hit = false;
      for (var i = 0; i < c.is.length; i++) {
        hit = hit || (m.questions[c.q].type === "multi" ? !!a.sel[c.is[i]] : a.idx === c.is[i]);
      }
      if (!hit) return [true, false];
    }
  }
  if (c.min !== null && c.min !== undefined && x < c.min) return [true, false];
  if (c.max !== null && c.max !== undefined && x > c.max) return [true, false];
  return [true, true];
}

// scoreAnswers returns one respondent's result: dimension scores and
// levels, overall score and level (capped by raised flags), the flags, and
// the recommendations in action-plan order.
function scoreAnswers(m, answers) {
  var res = [];
  var i, d;
  for (i = 0; i < m.questions.length; i++) res.push(resolveAnswer(m.questions[i], answers[i]));
  var sum = [], w = [], count = [];
  for (d = 0; d < m.dimensions.length; d++) { sum.push(0); w.push(0); count.push(0); }
  for (i = 0; i < m.questions.length; i++) {
    var q = m.questions[i];
    if (q.dim < 0) continue; // the outcome question: asked, not scored
    if (res[i].state !== "missing") count[q.dim]++;
    if (res[i].state === "ok" && q.type !== "text") {
      sum[q.dim] += q.weight * res[i].v;
      w[q.dim] += q.weight;
    }
  }
  var dims = [];
  for (d = 0; d < m.dimensions.length; d++) {
    var dim = m.dimensions[d];
    var ok = w[d] > 0 && w[d] >= m.minAnswered * dim.totalWeight;
    var s = ok ? 100 * sum[d] / w[d] : null;
    dims.push({ score: s, level: ok ? levelFor(m, s) : -1, answered: count[d] });
  }
  // Overall: the dimension-weighted mean of the present scores. The Go
  // scorer first takes a group mean (sum / n) of one score, which is the
  // score itself.
  var osum = 0, ow = 0;
  for (d = 0; d < m.dimensions.length; d++) {
    if (dims[d].score !== null) {
      osum += m.dimensions[d].weight * dims[d].score;
      ow += m.dimensions[d].weight;
    }
  }
  var overall = { score: null, level: -1, uncapped: -1, cappedBy: -1 };
  if (ow !== 0) {
    overall.score = osum / ow;
    overall.level = overall.uncapped = levelFor(m, overall.score);
  }
  // Flags: with one respondent the share is 1 or 0 when every condition
  // can be evaluated; nothing is raised otherwise.
  var flags = [];
  for (i = 0; i < m.flags.length; i++) {
    var f = m.flags[i], evaluable = true, match = true;
    for (var j = 0; j < f.when.length; j++) {
      var em = condition(m, f.when[j], res, dims);
      evaluable = evaluable && em[0];
      match = match && em[1];
    }
    var share = evaluable ? (match ? 1 : 0) : 0;
    flags.push({ evaluable: evaluable, match: evaluable && match, share: share, raised: evaluable && share >= f.share });
  }
  if (overall.score !== null) {
    for (i = 0; i < m.flags.length; i++) {
      if (flags[i].raised && m.flags[i].caps >= 0 && m.flags[i].caps < overall.level) {
        overall.level = m.flags[i].caps;
        overall.cappedBy = i;
      }
    }
  }
  return { dims: dims, overall: overall, flags: flags, recs: plan(m, dims, flags) };
}

// plan orders the recommendations that apply: those of raised flags by
// severity, then id; then the rest by priority, highest first, then id.
// Ids compare by their rank in Go's byte order (model.go).
function plan(m, dims, flags) {
  var flagged = [], rest = [];
  for (var i = 0; i < m.recommendations.length; i++) {
    var rc = m.recommendations[i];
    if (rc.flag >= 0) {
      if (flags[rc.flag].raised) flagged.push({ rec: i, priority: 0, rank: m.flags[rc.flag].rank, idRank: rc.idRank });
      continue;
    }
    var dr = dims[rc.dim];
    if (dr.score === null || rc.levels.indexOf(dr.level) < 0) continue;
    var prio = m.dimensions[rc.dim].weight * Math.max(0, m.target - dr.score);
    rest.push({ rec: i, priority: prio, idRank: rc.idRank });
  }
  flagged.sort(function (a, b) { return a.rank !== b.rank ? a.rank - b.rank : a.idRank - b.idRank; });
  rest.sort(function (a, b) {
    if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
    return a.idRank - b.idRank;
  });
  return flagged.concat(rest);
}

// formatScore shows a score as `aiready score` does: rounded half away
// from zero to one decimal (scores are never negative, so Math.round's
// half-up is the same), with the language's decimal sign.
function formatScore(x, decimal) {
  return (Math.round(x * 10) / 10).toFixed(1).replace(".", decimal || ".");
}
