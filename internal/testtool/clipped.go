package testtool

import (
	"strconv"
	"strings"
)

// ClippedText is JavaScript that lists, in the browser, every line of
// text in the SVG charts that selector names (such as "svg.radar") that
// is not wholly visible: each <tspan> (or a <text> without any) whose
// box, as laid out with the page's fonts, reaches outside its <svg>'s box
// (which clips it: the viewBox fills the box, as height is auto) or
// outside the page, left, right or above. Each entry names the text, the
// side and by how many pixels. The site's and the questionnaire's chart
// tests measure with it.
func ClippedText(selector string) string {
	return strings.Replace(clippedText, "SELECTOR", strconv.Quote(selector), 1)
}

const clippedText = `(() => {
	const vw = document.documentElement.clientWidth, out = [];
	for (const svg of document.querySelectorAll(SELECTOR)) {
		const s = svg.getBoundingClientRect();
		const box = {left: Math.max(s.left, 0), right: Math.min(s.right, vw), top: Math.max(s.top, -scrollY), bottom: s.bottom};
		for (const t of svg.querySelectorAll("text")) {
			const parts = t.querySelector("tspan") ? [...t.querySelectorAll("tspan")] : [t];
			for (const p of parts) {
				const r = p.getBoundingClientRect(), by = [];
				if (r.left < box.left - 0.5) by.push("left " + (box.left - r.left).toFixed(1));
				if (r.right > box.right + 0.5) by.push("right " + (r.right - box.right).toFixed(1));
				if (r.top < box.top - 0.5) by.push("top " + (box.top - r.top).toFixed(1));
				if (r.bottom > box.bottom + 0.5) by.push("bottom " + (r.bottom - box.bottom).toFixed(1));
				if (by.length) out.push(JSON.stringify(p.textContent) + " by " + by.join(", ") + " px");
			}
		}
	}
	return out;
})()`
