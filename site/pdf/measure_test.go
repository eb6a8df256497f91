package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// TestMeasuredPDF: the reliability, participation, response quality and
// drivers of testtool.Measured reach the PDF with the figures worked out
// by hand there; no suppressed group's participation is shown; and the
// drivers section comes before the action plan.
func TestMeasuredPDF(t *testing.T) {
	needTool(t, "pdftotext")
	rep := demoReport(t)
	testtool.Measured(rep.Result)
	rep = view.New(rep.Result, rep.Meta)
	var b bytes.Buffer
	if _, err := Render(&b, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts(t), "measured.pdf"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	all := text(t, path)
	for _, w := range testtool.MeasuredWords {
		if !strings.Contains(all, w) {
			t.Errorf("the PDF does not say %q", w)
		}
	}
	inOrder(t, "PDF", all, []string{"What drives the outcome", "Importance (share of R²)", "Fix first", "Action plan", "Reliability of each dimension", "Participation"})
	part := all[strings.LastIndex(all, "Everyone asked"):]
	for _, h := range testtool.MeasuredHidden {
		if strings.Contains(part, h) {
			t.Errorf("the participation table lists the suppressed group %s", h)
		}
	}
}
