package site

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// teamsReport scores respondents of bench/rubric.toml spread over teams
// teams of five, so that the site has one page per team.
func teamsReport(tb testing.TB, teams int) *view.Report {
	tb.Helper()
	data, err := os.ReadFile("../bench/rubric.toml")
	if err != nil {
		tb.Fatal(err)
	}
	r, err := assess.LoadRubric("rubric.toml", data)
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("Team")
	for q := 1; q <= 32; q++ {
		fmt.Fprintf(&b, ",q%02d", q)
	}
	b.WriteByte('\n')
	for i := range teams * 5 {
		fmt.Fprintf(&b, "Team %04d", i%teams)
		for q := range 32 {
			fmt.Fprintf(&b, ",%d", 1+(i*7+q*3+i/teams)%5)
		}
		b.WriteByte('\n')
	}
	src, err := assess.OpenAnswers("teams.csv", strings.NewReader(b.String()), r, assess.ReadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Team"}})
	if err := s.AddSource(src); err != nil {
		tb.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		tb.Fatal(err)
	}
	return view.New(res, view.Meta{Title: "Teams", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)})
}

// BenchmarkBuildSite writes a site of one page per team (2 000 teams,
// plus the overview, dimension and plan pages) into a fresh folder.
func BenchmarkBuildSite(b *testing.B) {
	rep := teamsReport(b, 2000)
	b.Run("pages=2000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			b.StartTimer()
			if err := Build(dir, rep, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
