package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// liberationWriter is a page with the built-in regular face at 10 pt.
func liberationWriter(t *testing.T) *writer {
	t.Helper()
	b := builtin()[fRegular]
	ff, err := newFontFile(b.name, b.ttf, b.sf)
	if err != nil {
		t.Fatal(err)
	}
	ff.figures()
	p := newWriter(210, 297)
	p.AddPage()
	p.SetFont(ff, 10)
	return p
}

var tjRE = regexp.MustCompile(`Td (?:\[(.*)\] TJ|<([0-9A-F]*)> Tj)`)

// drawnWidth is the advance of the last text drawn, worked out from the
// glyph ids and TJ numbers in the page as a reader would.
func drawnWidth(t *testing.T, p *writer) float64 {
	t.Helper()
	ops := p.cur.buf.String()
	ms := tjRE.FindAllStringSubmatch(ops, -1)
	if len(ms) == 0 {
		t.Fatalf("no text drawn:\n%s", ops)
	}
	m := ms[len(ms)-1]
	arr := m[1]
	if arr == "" {
		arr = "<" + m[2] + ">"
	}
	units := 0
	for _, tok := range regexp.MustCompile(`<[0-9A-F]*>|-?\d+`).FindAllString(arr, -1) {
		if tok[0] == '<' {
			hex := tok[1 : len(tok)-1]
			for i := 0; i+4 <= len(hex); i += 4 {
				g, _ := strconv.ParseUint(hex[i:i+4], 16, 16)
				units += p.font.width(uint16(g))
			}
			continue
		}
		n, _ := strconv.Atoi(tok)
		units -= n
	}
	return float64(units) * (p.size / p.k) / 1000
}

// Text is kerned with the font's pairs, and measured as it is drawn: line
// breaking and alignment use GetStringWidth.
func TestKerningMeasuredAsDrawn(t *testing.T) {
	p := liberationWriter(t)
	plain := 0.0
	for _, r := range "AVATAR To" {
		plain += p.GetStringWidth(string(r))
	}
	if w := p.GetStringWidth("AVATAR To"); w >= plain-0.2 {
		t.Errorf("AVATAR To is %.2f mm kerned, %.2f mm letter by letter: not kerned", w, plain)
	}
	for _, s := range []string{"AVATAR", "Today, Ty Volta", "go-live", "Cost-led 11.5 %", "plain", "17 of 139"} {
		p.Text(10, 20, s)
		// The last number of a string of figures is its own space after,
		// which moves nothing drawn: measured, not written.
		want := p.GetStringWidth(s)
		if last := rune(s[len(s)-1]); isDigit(last) {
			want -= float64(p.font.fig[last-'0'][1]) * (p.size / p.k) / 1000
		}
		if got := drawnWidth(t, p); abs(got-want) > 1e-9 {
			t.Errorf("%q: drawn %.4f mm, measured %.4f mm", s, got, want)
		}
	}
	// A space is measured apart from the words: no pair with it is kerned.
	if w, sum := p.GetStringWidth("A T"), p.GetStringWidth("A")+p.GetStringWidth(" ")+p.GetStringWidth("T"); abs(w-sum) > 1e-9 {
		t.Errorf("A T is %.3f mm, its parts %.3f mm", w, sum)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Liberation's figures are tabular; running text spaces them
// proportionally, tables keep them tabular.
func TestFigures(t *testing.T) {
	p := liberationWriter(t)
	if p.GetStringWidth("1111") >= p.GetStringWidth("0000") {
		t.Error("a 1 in running text is as wide as a 0")
	}
	p.tabular = true
	if a, b := p.GetStringWidth("1111"), p.GetStringWidth("0000"); a != b {
		t.Errorf("tabular figures: 1111 is %.3f mm, 0000 %.3f mm", a, b)
	}
	if a, b := p.GetStringWidth("11.5"), p.GetStringWidth("70.4"); a != b {
		t.Errorf("tabular figures: 11.5 is %.3f mm, 70.4 %.3f mm", a, b)
	}
	// A real hyphen: U+002D's own glyph, narrower than an en dash.
	p.tabular = false
	if p.font.glyph('-') == p.font.glyph('–') || p.GetStringWidth("-") >= p.GetStringWidth("–") {
		t.Error("the hyphen is drawn as a dash")
	}
}

// A column of numbers is right-aligned, with tabular figures, so that
// its digits line up; a column of words keeps its alignment.
func TestNumericColumns(t *testing.T) {
	st := style{size: 9}
	tb := &table{header: []cell{textCell("Group", st), textCell("N", st), textCell("Score", st)}}
	tb.rows = [][]cell{
		{textCell("Attribute", st)},
		{textCell("Lending", st), textCell("34", st), textCell("58.1", st)},
		{textCell("Marketing", st), textCell("–", st), textCell("–", st)},
		{textCell("Risk", st), textCell("16", st), textCell("71.8", st)},
	}
	figures(tb)
	if tb.header[0].align != 0 || tb.rows[1][0].align != 0 {
		t.Error("a column of words is right-aligned")
	}
	for _, r := range append([][]cell{tb.header}, tb.rows[1:]...) {
		for _, c := range r[1:] {
			if c.align != 'R' {
				t.Errorf("%q is not right-aligned", c.spans[0].text)
			}
		}
	}
	if !tb.rows[1][1].spans[0].st.tnum {
		t.Error("a table's figures are not tabular")
	}
}

// pdftotext reads back the hyphens and dashes as the text has them.
func TestHyphens(t *testing.T) {
	needTool(t, "pdftotext")
	path, _ := demoPDF(t)
	all := text(t, path)
	for _, want := range []string{"Cost-led", "go-live", "30-minute"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q (with U+002D) not found", want)
		}
	}
}
