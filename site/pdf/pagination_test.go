package pdf

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// No page of the demo but a section's last holds fewer than 6 lines of
// text (running header and footer not counted), and a section's last page
// holds more than a lone line or two: blocks that fit move whole to the
// next page, paragraphs keep two lines on each side of a break.
func TestPageFill(t *testing.T) {
	needTool(t, "qpdf")
	needTool(t, "pdftotext")
	path, _ := demoPDF(t)
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	info := runTool(t, "pdfinfo", path)
	_, after, _ := strings.Cut(info, "Pages:")
	n, err := strconv.Atoi(strings.Fields(after)[0])
	if err != nil || n < 10 {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	// A section's last page is the one before the next section starts.
	last := map[int]bool{n: true}
	for _, o := range doc.Outlines {
		last[o.Page-1] = true
	}
	var counts []string
	for p := 2; p <= n; p++ {
		out := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-")
		lines := 0
		for _, l := range strings.Split(out, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		lines -= 2 // running header and footer
		counts = append(counts, strconv.Itoa(p)+":"+strconv.Itoa(lines))
		switch {
		case !last[p] && lines < 6:
			t.Errorf("page %d holds %d lines of text and does not end a section", p, lines)
		case last[p] && lines < 3:
			t.Errorf("page %d, the last of a section, holds only %d lines", p, lines)
		}
	}
	t.Logf("lines of text by page: %s", strings.Join(counts, " "))
}

// needLine keeps two lines of a paragraph on each side of a page break
// and moves a short paragraph whole.
func TestWidowsAndOrphans(t *testing.T) {
	rep := &view.Report{Rubric: &assess.Rubric{Title: "x", Language: "en"}, Result: &assess.Result{}}
	d, err := newDoc(rep, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.newPage()
	para := func(n int) []line {
		ls := make([]line, n)
		for i := range ls {
			ls[i] = line{h: 5, size: 10}
		}
		return ls
	}
	// room for fit lines at the foot of the page, then n lines: how many
	// are drawn on the first page
	first := func(fit, n int) int {
		d.gotoPage(1)
		d.y = d.bot - float64(fit)*5 - 0.5
		lines, page := para(n), d.f.PageNo()
		drawn := 0
		for i := range lines {
			d.needLine(lines, i)
			if d.f.PageNo() != page {
				break
			}
			d.y += 5
			drawn++
		}
		return drawn
	}
	for _, tc := range []struct{ fit, n, want int }{
		{10, 5, 5}, // fits
		{1, 6, 0},  // one line would be an orphan: all go over
		{2, 3, 0},  // a short paragraph goes over whole
		{2, 4, 2},  // two and two
		{4, 5, 3},  // not one alone on the next page: three and two
		{5, 9, 5},
	} {
		if got := first(tc.fit, tc.n); got != tc.want {
			t.Errorf("%d lines with room for %d: %d on the first page, want %d", tc.n, tc.fit, got, tc.want)
		}
	}
}
