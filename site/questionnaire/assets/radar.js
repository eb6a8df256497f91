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

// wrapLabel splits a title into at most three lines of about 18 characters.
function wrapLabel(s) {
  var words = s.split(/\s+/), lines = [], cur = "";
  for (var i = 0; i < words.length; i++) {
    if (cur && (cur + " " + words[i]).length > 18 && lines.length < 2) {
      lines.push(cur);
      cur = words[i];
    } else {
      cur = cur ? cur + " " + words[i] : words[i];
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function radar(box, caption, m, result, title, tooFew) {
  while (box.firstChild) box.removeChild(box.firstChild);
  var n = m.dimensions.length;
  if (n < 3) {
    caption.textContent = tooFew;
    return;
  }
  caption.textContent = title;
  var R = 120, r2 = function (v) { return Math.round(v * 100) / 100; };
  // direction="ltr": label anchors below are worked out for left-to-right
  // geometry; the text inside each label keeps its own direction.
  var svg = svgEl("svg", { viewBox: "-230 -165 460 330", role: "img", "aria-labelledby": "qn-radar-title", direction: "ltr", class: "radar" });
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
    var l = at(i, 112);
    var anchor = Math.abs(l[0]) < 1 ? "middle" : (l[0] > 0 ? "start" : "end");
    var lines = wrapLabel(m.dimensions[i].title);
    var y0 = l[1] < -1 ? l[1] - (lines.length - 1) * 15 - 4 : (l[1] > 1 ? l[1] + 12 : l[1] - (lines.length - 1) * 7.5 + 4);
    var text = svgEl("text", { x: r2(l[0] + (anchor === "start" ? 6 : anchor === "end" ? -6 : 0)), y: r2(y0), "text-anchor": anchor, class: "label" });
    for (var j = 0; j < lines.length; j++) {
      var ts = svgEl("tspan", { x: text.getAttribute("x"), dy: j === 0 ? 0 : 15 });
      ts.textContent = lines[j];
      text.appendChild(ts);
    }
    svg.appendChild(text);
  }
  box.appendChild(svg);
}
