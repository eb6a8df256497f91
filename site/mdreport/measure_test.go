package mdreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// TestMeasuredMarkdown: report.md says what the PDF and the site say of
// testtool.Measured's figures, worked out by hand there; the drivers come
// before the action plan, as a table; no suppressed group's participation
// is listed.
func TestMeasuredMarkdown(t *testing.T) {
	rep := demoReport(t)
	testtool.Measured(rep.Result)
	rep = view.New(rep.Result, rep.Meta)
	var b bytes.Buffer
	if err := Render(&b, rep); err != nil {
		t.Fatal(err)
	}
	src := b.String()
	// As a reader sees it: no table rules, emphasis or escapes.
	plain := strings.NewReplacer("|", " ", "**", "", `\`, "", "> ", " ").Replace(src)
	plain = strings.Join(strings.Fields(plain), " ")
	for _, w := range testtool.MeasuredWords {
		if !strings.Contains(plain, w) {
			t.Errorf("report.md does not say %q", w)
		}
	}
	for _, w := range []string{
		"| Dimension | Importance | Score | Fix first |",
		"| Service, not savings | 46% | ",
		"| The long view | 10% | ",
		"## What drives the outcome",
		"### Reliability of each dimension",
		"#### Questions that weaken their dimension",
		"### Participation",
	} {
		if !strings.Contains(src, w) {
			t.Errorf("report.md has no %q", w)
		}
	}
	if d, p := strings.Index(src, "## What drives the outcome"), strings.Index(src, "## Action plan"); d < 0 || p < d {
		t.Errorf("drivers at %d, plan at %d: want the drivers first", d, p)
	}
	part := src[strings.Index(src, "### Participation"):]
	for _, h := range testtool.MeasuredHidden {
		if strings.Contains(part, h) {
			t.Errorf("participation lists the suppressed group %s", h)
		}
	}
	// Without the figures, none of it.
	// (The demo has issue 19's figures of its own: take them away.)
	bare := demoReport(t)
	r := bare.Result
	r.Reliability, r.Participation, r.Drivers = nil, nil, nil
	r.DataQuality.StraightLiners, r.DataQuality.Speeders, r.DataQuality.Excluded = 0, 0, 0
	var plainDemo bytes.Buffer
	if err := Render(&plainDemo, view.New(r, bare.Meta)); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"What drives the outcome", "Reliability of each dimension", "### Participation", "respondents left out"} {
		if strings.Contains(plainDemo.String(), w) {
			t.Errorf("report.md of a result without issue 19's figures says %q", w)
		}
	}
}
