// radar.js draws the respondent's dimension scores as an SVG radar with
// the target as a dashed ring. It builds the SVG with DOM calls only: the
// page's CSP allows no inline style attribute and no innerHTML is needed.
// The table beside it carries the same numbers for screen readers.

var SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  var e = document.createElementNS(SVG_NS, name);
  for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
  return e;
}

// The labels are measured before they are drawn, so that the viewBox
// holds them whole (an SVG cuts off what lies outside it) whether or not
// the results are on screen yet. textEm estimates a text's width in em
// from each character's advance in DejaVu Sans Bold, rounded up by class:
// the widest face the font stack meets in practice (Linux's sans-serif),
// so a label that fits by this estimate fits with any of them. The site's
// radar (site/charts.go) measures its labels the same way.
function textEm(s) {
  var w = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i), code = s.charCodeAt(i);
    if (code >= 0xDC00 && code <= 0xDFFF) continue; // the second half of a pair
    if (" ilj.,:;!|'`I".indexOf(c) >= 0) w += 0.4;
    else if ("ftr()[]{}-/\"".indexOf(c) >= 0) w += 0.52;
    else if ("mwMW%@&".indexOf(c) >= 0) w += 1.12;
    else if ((code >= 0x1100 && code <= 0x11FF) || (code >= 0x2E80 && code <= 0x9FFF) || (code >= 0xAC00 && code <= 0xD7AF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xD800 && code <= 0xDBFF)) w += 1.05;
    else if ((c !== c.toLowerCase() && c === c.toUpperCase()) || "<>=+~#".indexOf(c) >= 0) w += 0.86;
    else if (c >= "0" && c <= "9") w += 0.72;
    else w += 0.74;
  }
  return w;
}

// wrapWords breaks s at spaces into as few lines as keep each line within
// width em, at most maxLines; of the breaks into that many lines it takes
// the one whose longest line is shortest, so that the lines are about
// equal. A word longer than width stays whole on its line.
function wrapWords(s, width, maxLines) {
  var words = s.split(/\s+/).filter(function (x) { return x; });
  if (!words.length) return [""];
  var split = function (ws, k) {
    var line = ws.join(" ");
    if (k === 1) return { lines: [line], w: textEm(line) };
    var best = null;
    for (var i = 1; i <= ws.length - k + 1; i++) {
      var first = ws.slice(0, i).join(" "), rest = split(ws.slice(i), k - 1), w = Math.max(textEm(first), rest.w);
      if (!best || w < best.w) best = { lines: [first].concat(rest.lines), w: w };
    }
    return best;
  };
  var best;
  for (var k = 1; k <= Math.min(maxLines, words.length); k++) {
    best = split(words, k);
    if (best.w <= width) break;
  }
  return best.lines;
}

// The font size to make room for: the largest questionnaire.css gives
// .radar .label (on a narrow screen).
var LABEL_FONT = 17;

// anchorAt lines a label up away from the shape: to the right of its axis
// on the right, to the left on the left, centred at top and bottom.
function anchorAt(a) {
  var c = Math.cos(a);
  return c > 0.2 ? "start" : c < -0.2 ? "end" : "middle";
}

// labelOffsets gives the baselines of the first and the last line of a
// label at angle a, in em from its anchor point: above the point at the
// top, below it at the bottom, centred on it at the sides.
function labelOffsets(a, lines) {
  var span = 1.15 * (lines - 1), sin = Math.sin(a), first;
  if (sin < -0.2) first = -span - 0.2;
  else if (sin > 0.2) first = 0.95;
  else first = 0.35 - span / 2;
  return [first, first + span];
}

// radarLayout sizes the radar so that its labels fit: a radius of 120 in
// a viewBox 460 wide while the labels fit beside it; longer labels take
// room from the shape, down to a radius of 90, and past that the viewBox
// widens (and the text shrinks with it). The viewBox stays centred on
// the shape and holds every label whole at LABEL_FONT.
function radarLayout(titles) {
  var n = titles.length, half = 230, pad = 4, F = LABEL_FONT, R = 120, labels = [];
  for (var i = 0; i < n; i++) {
    var a = -Math.PI / 2 + 2 * Math.PI * i / n, anchor = anchorAt(a);
    var lines = anchor === "middle" ? wrapWords(titles[i], 13, 3) : wrapWords(titles[i], 8.5, 4);
    var w = 0;
    for (var j = 0; j < lines.length; j++) w = Math.max(w, textEm(lines[j]) * F);
    labels.push({ a: a, anchor: anchor, lines: lines, w: w });
    var reach = anchor === "middle" ? w / 2 : w + 6, c = Math.abs(Math.cos(a));
    if (c > 1e-9) R = Math.min(R, (half - pad - reach) / c / 1.12);
  }
  R = Math.max(R, 90);
  var left = -R - 10, right = R + 10, top = -R - 10, bottom = R + 10;
  for (i = 0; i < n; i++) {
    var l = labels[i], c2 = Math.cos(l.a);
    l.x = c2 * R * 1.12 + (l.anchor === "start" ? 6 : l.anchor === "end" ? -6 : 0);
    l.y = Math.sin(l.a) * R * 1.12;
    if (l.anchor === "start") right = Math.max(right, l.x + l.w);
    else if (l.anchor === "end") left = Math.min(left, l.x - l.w);
    else { left = Math.min(left, l.x - l.w / 2); right = Math.max(right, l.x + l.w / 2); }
    l.offsets = labelOffsets(l.a, l.lines.length);
    top = Math.min(top, l.y + l.offsets[0] * F - F);
    bottom = Math.max(bottom, l.y + l.offsets[1] * F + 0.3 * F);
  }
  var hw = Math.ceil(Math.max(half, -left + pad, right + pad));
  top = Math.floor(top);
  return { R: R, labels: labels, viewBox: [-hw, top, 2 * hw, Math.ceil(bottom) - top].join(" ") };
}

function radar(box, caption, m, result, title, tooFew) {
  while (box.firstChild) box.removeChild(box.firstChild);
  var n = m.dimensions.length;
  if (n < 3) {
    caption.textContent = tooFew;
    return;
  }
  caption.textContent = title;
  var titles = [];
  for (var k = 0; k < n; k++) titles.push(m.dimensions[k].title);
  var lay = radarLayout(titles), R = lay.R, r2 = function (v) { return Math.round(v * 100) / 100; };
  // direction="ltr": label anchors below are worked out for left-to-right
  // geometry; the text inside each label keeps its own direction.
  var svg = svgEl("svg", { viewBox: lay.viewBox, role: "img", "aria-labelledby": "qn-radar-title", direction: "ltr", class: "radar" });
  var t = svgEl("title", { id: "qn-radar-title" });
  t.textContent = title;
  svg.appendChild(t);
  var at = function (i, v) {
    var a = -Math.PI / 2 + 2 * Math.PI * i / n;
    return [r2(Math.cos(a) * R * v / 100), r2(Math.sin(a) * R * v / 100)];
  };
  var ring = function (v, cls) {
    var pts = [];
    for (var i = 0; i < n; i++) pts.push(at(i, v).join(","));
    svg.appendChild(svgEl("polygon", { points: pts.join(" "), class: cls }));
  };
  [25, 50, 75, 100].forEach(function (v) { ring(v, "grid"); });
  for (var i = 0; i < n; i++) {
    var p = at(i, 100);
    svg.appendChild(svgEl("line", { x1: 0, y1: 0, x2: p[0], y2: p[1], class: "axis" }));
  }
  ring(m.target, "target");
  var pts = [];
  for (i = 0; i < n; i++) {
    var s = result.dims[i].score;
    pts.push(at(i, s === null ? 0 : s).join(","));
  }
  svg.appendChild(svgEl("polygon", { points: pts.join(" "), class: "you" }));
  for (i = 0; i < n; i++) {
    if (result.dims[i].score === null) continue;
    var d = at(i, result.dims[i].score);
    svg.appendChild(svgEl("circle", { cx: d[0], cy: d[1], r: 4, class: "dot" }));
  }
  for (i = 0; i < n; i++) {
    var l = lay.labels[i];
    var text = svgEl("text", { x: r2(l.x), y: r2(l.y), "text-anchor": l.anchor, class: "label" });
    for (var j = 0; j < l.lines.length; j++) {
      var ts = svgEl("tspan", { x: r2(l.x), dy: (j === 0 ? r2(l.offsets[0]) : 1.15) + "em" });
      ts.textContent = l.lines[j];
      text.appendChild(ts);
    }
    svg.appendChild(text);
  }
  box.appendChild(svg);
}
