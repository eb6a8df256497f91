// page.js runs the questionnaire: it reads the answers from the form (the
// form is the only state), keeps them in local storage, shows progress,
// scores with score.js, and saves a native JSON answers file. Every text it
// writes comes from the page's messages; it never builds HTML from text.

var model = JSON.parse(document.getElementById("qn-data").textContent);
var M = model.messages;
var form = document.getElementById("qn-form");
var $ = function (id) { return document.getElementById(id); };

function msg(key, kv) {
  var s = M[key];
  for (var k in kv) if (Object.prototype.hasOwnProperty.call(kv, k)) s = s.split("{" + k + "}").join(String(kv[k]));
  return s;
}

function inputsOf(i) { return form.querySelectorAll('input[name="q' + i + '"]'); }

// readAnswers returns the answers in score.js's form, one per question.
function readAnswers() {
  var out = [];
  for (var i = 0; i < model.questions.length; i++) {
    var q = model.questions[i];
    if (q.type === "text") {
      var t = $("qn-q" + i + "-t").value.trim();
      out.push(t === "" ? null : t);
      continue;
    }
    var ans = null, sel = [], any = false;
    var ins = inputsOf(i);
    for (var j = 0; j < ins.length; j++) {
      if (!ins[j].checked) continue;
      var kind = ins[j].value.charAt(0), k = +ins[j].value.slice(1);
      if (kind === "s") { ans = { s: k }; break; }
      if (q.type === "multi") { sel[k] = true; any = true; } else ans = { a: k };
    }
    if (!ans && any) {
      for (j = 0; j < q.points.length; j++) sel[j] = !!sel[j];
      ans = { sel: sel };
    }
    out.push(ans);
  }
  return out;
}

function readAttributes() {
  var attrs = {};
  var ins = form.querySelectorAll("input[data-attr]");
  for (var i = 0; i < ins.length; i++) {
    var v = ins[i].value.trim();
    if (v !== "") attrs[model.segments[+ins[i].getAttribute("data-attr")]] = v;
  }
  return attrs;
}

// Local storage may be missing or refuse (private windows, some file://
// settings); the page then works without it and says so once.
var storageOK = true;
function storage(op, value) {
  try {
    var s = window.localStorage;
    if (op === "get") return s.getItem(model.storageKey);
    if (op === "set") s.setItem(model.storageKey, value);
    else s.removeItem(model.storageKey);
  } catch (e) {
    if (storageOK) notice(M.noStorage);
    storageOK = false;
  }
  return null;
}

var respondentId = "";
function newId() {
  var b = new Uint8Array(8);
  window.crypto.getRandomValues(b);
  var s = "";
  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return "self-" + s;
}

function remember() {
  var codes = {};
  var ans = readAnswers();
  for (var i = 0; i < ans.length; i++) {
    var a = ans[i];
    if (a === null) continue;
    if (typeof a === "string") codes[i] = a;
    else if (a.s !== undefined) codes[i] = "s" + a.s;
    else if (a.a !== undefined) codes[i] = "a" + a.a;
    else codes[i] = a.sel.map(function (on, j) { return on ? "a" + j : ""; }).filter(Boolean);
  }
  var attrs = readAttributes();
  // Nothing to keep is kept as nothing: an empty form leaves no trace.
  if (Object.keys(codes).length === 0 && Object.keys(attrs).length === 0) storage("remove");
  else storage("set", JSON.stringify({ v: 1, id: respondentId, attributes: attrs, answers: codes }));
}

function restore() {
  var raw = storage("get");
  if (!raw) return false;
  var st;
  try { st = JSON.parse(raw); } catch (e) { return false; }
  if (!st || st.v !== 1) return false;
  respondentId = st.id || respondentId;
  var ins = form.querySelectorAll("input[data-attr]");
  for (var i = 0; i < ins.length; i++) {
    var name = model.segments[+ins[i].getAttribute("data-attr")];
    if (st.attributes && typeof st.attributes[name] === "string") ins[i].value = st.attributes[name];
  }
  for (var k in st.answers) {
    if (!Object.prototype.hasOwnProperty.call(st.answers, k)) continue;
    var q = model.questions[+k], code = st.answers[k];
    if (!q) continue;
    if (q.type === "text") { $("qn-q" + k + "-t").value = String(code); continue; }
    var codes = [].concat(code), qi = inputsOf(k);
    for (var j = 0; j < qi.length; j++) qi[j].checked = codes.indexOf(qi[j].value) >= 0;
  }
  return true;
}

function notice(text) { $("qn-notice").textContent = text; }

// update refreshes what depends on the answers: progress, the clear
// buttons, storage and, once shown, the results.
function update() {
  var ans = readAnswers(), n = 0;
  for (var i = 0; i < ans.length; i++) {
    if (ans[i] !== null) n++;
    var clear = form.querySelector('[data-clear="' + i + '"]');
    if (clear) clear.hidden = ans[i] === null;
  }
  var total = model.questions.length;
  $("qn-progress").textContent = n === total ? msg("progressDone", { total: total }) : msg("progress", { n: n, total: total });
  $("qn-progress-bar").value = n;
  remember();
  if (!$("qn-results").hidden) render(ans);
  return n;
}

function levelTitle(i) { return i >= 0 ? model.levels[i].title : M.noScore; }

function render(ans) {
  ans = ans || readAnswers();
  var r = scoreAnswers(model, ans), o = r.overall, i;
  var dec = M.decimal;
  var num = $("qn-overall");
  num.textContent = o.score === null ? "–" : formatScore(o.score, dec);
  num.setAttribute("data-value", o.score === null ? "" : String(o.score));
  var lv = $("qn-overall-level");
  lv.textContent = o.score === null ? M.noScore : msg("levelIs", { level: levelTitle(o.level) });
  lv.setAttribute("data-level", o.level >= 0 ? model.levels[o.level].id : "");
  var capped = $("qn-capped");
  capped.hidden = o.cappedBy < 0;
  capped.setAttribute("data-capped-by", o.cappedBy >= 0 ? model.flags[o.cappedBy].id : "");
  capped.textContent = o.cappedBy >= 0 ? msg("cappedNote", { flag: model.flags[o.cappedBy].title, level: levelTitle(o.uncapped) }) : "";
  var descs = document.querySelectorAll("[data-level-desc]");
  for (i = 0; i < descs.length; i++) descs[i].hidden = +descs[i].getAttribute("data-level-desc") !== o.level;

  var answered = 0;
  for (i = 0; i < ans.length; i++) if (ans[i] !== null) answered++;
  var inc = $("qn-incomplete");
  inc.hidden = answered === ans.length;
  inc.textContent = msg("incomplete", { n: answered, total: ans.length });

  var body = $("qn-table");
  while (body.firstChild) body.removeChild(body.firstChild);
  var target = formatScore(model.target, dec).replace(/[.,]0$/, "");
  for (i = 0; i < model.dimensions.length; i++) {
    var d = r.dims[i], tr = document.createElement("tr");
    tr.setAttribute("data-dim", model.dimensions[i].id);
    var th = document.createElement("th");
    th.scope = "row";
    th.textContent = model.dimensions[i].title;
    tr.appendChild(th);
    var cells = [
      [d.score === null ? "–" : formatScore(d.score, dec), "n score", d.score === null ? "" : String(d.score)],
      [levelTitle(d.level), "level", d.level >= 0 ? model.levels[d.level].id : ""],
      [target, "n", null],
      [msg("answeredOf", { n: d.answered, total: model.dimensions[i].questions }), "n", null],
    ];
    for (var c = 0; c < cells.length; c++) {
      var td = document.createElement("td");
      td.className = cells[c][1];
      td.textContent = cells[c][0];
      if (cells[c][2] !== null) td.setAttribute("data-value", cells[c][2]);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  radar($("qn-radar"), $("qn-radar-cap"), model, r, msg("chartTitle", { target: target }), M.chartTooFew);

  var raised = 0, unchecked = 0;
  for (i = 0; i < model.flags.length; i++) {
    var card = document.querySelector('[data-flag="' + i + '"]');
    card.hidden = !r.flags[i].raised;
    card.setAttribute("data-raised", r.flags[i].raised ? "true" : "false");
    if (r.flags[i].raised) raised++;
    if (!r.flags[i].evaluable) unchecked++;
  }
  $("qn-flags-none").hidden = raised > 0;
  var un = $("qn-flags-unchecked");
  un.hidden = unchecked === 0;
  un.textContent = unchecked === 1 ? M.flagsUnchecked1 : msg("flagsUnchecked", { n: unchecked });

  var list = $("qn-plan"), shown = {};
  for (i = 0; i < r.recs.length; i++) {
    var li = list.querySelector('[data-rec="' + r.recs[i].rec + '"]');
    li.hidden = false;
    li.setAttribute("data-priority", String(r.recs[i].priority));
    list.appendChild(li); // moves it: the list ends in plan order
    shown[r.recs[i].rec] = true;
  }
  var all = list.querySelectorAll("[data-rec]");
  for (i = 0; i < all.length; i++) if (!shown[all[i].getAttribute("data-rec")]) all[i].hidden = true;
  $("qn-plan-none").hidden = r.recs.length > 0;
  $("qn-results").setAttribute("data-ready", "true");
}

// save downloads the answers as the native JSON answers file of SPEC.md.
function save() {
  var ans = readAnswers(), answers = {};
  for (var i = 0; i < ans.length; i++) {
    var q = model.questions[i], a = ans[i];
    if (a === null) continue;
    if (typeof a === "string") answers[q.id] = a;
    else if (a.s !== undefined) answers[q.id] = q.skip[a.s];
    else if (a.a !== undefined) answers[q.id] = q.labels[a.a];
    else answers[q.id] = q.labels.filter(function (l, j) { return a.sel[j]; });
  }
  var doc = { respondents: [{ id: respondentId, attributes: readAttributes(), answers: answers }] };
  var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
  var now = new Date(), pad = function (x) { return (x < 10 ? "0" : "") + x; };
  var file = "answers-" + model.rubric.id + "-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".json";
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = file;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
  notice(msg("saved", { file: file }));
}

function askForget(open) {
  $("qn-forget-ask").hidden = !open;
  $("qn-forget").setAttribute("aria-expanded", open ? "true" : "false");
  (open ? $("qn-forget-yes") : $("qn-forget")).focus();
}

function forget() {
  form.reset();
  storage("remove");
  respondentId = newId();
  $("qn-results").hidden = true;
  $("qn-results").removeAttribute("data-ready");
  askForget(false);
  update();
  notice(M.forgotten);
}

form.addEventListener("change", function (ev) {
  var t = ev.target, q = t.name && model.questions[+t.name.slice(1)];
  // In a multi question a skip answer ("Don't know") excludes the others.
  if (q && q.type === "multi" && t.checked) {
    var ins = inputsOf(t.name.slice(1)), skip = t.value.charAt(0) === "s";
    for (var j = 0; j < ins.length; j++) {
      if (ins[j] !== t && (skip || ins[j].value.charAt(0) === "s")) ins[j].checked = false;
    }
  }
  update();
});
form.addEventListener("input", function (ev) { if (ev.target.tagName !== "INPUT" || ev.target.type === "text") update(); });
form.addEventListener("submit", function (ev) { ev.preventDefault(); });
form.addEventListener("click", function (ev) {
  var k = ev.target.getAttribute && ev.target.getAttribute("data-clear");
  if (k === null || k === undefined) return;
  var ins = inputsOf(k);
  for (var j = 0; j < ins.length; j++) ins[j].checked = false;
  update();
  ins[0].focus();
});
$("qn-show").addEventListener("click", function () {
  var sec = $("qn-results");
  sec.hidden = false;
  render();
  sec.focus();
  sec.scrollIntoView();
});
$("qn-save").addEventListener("click", save);
$("qn-forget").addEventListener("click", function () { askForget($("qn-forget-ask").hidden); });
$("qn-forget-yes").addEventListener("click", forget);
$("qn-forget-no").addEventListener("click", function () { askForget(false); });

respondentId = newId();
var restored = restore();
update();
if (restored && storageOK) notice(M.restored);
document.documentElement.setAttribute("data-ready", "true");
