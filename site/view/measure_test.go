package view

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/rubrics"
)

// measuredDemo is the demo's result with testtool.Measured's figures, in
// a language.
func measuredDemo(t *testing.T, lang string, edit func(*assess.Result)) *Report {
	t.Helper()
	r, err := rubrics.Load(rubrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	f, err := rubrics.FS.Open(rubrics.DemoAnswers)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := assess.OpenAnswers("people-first-demo.csv", f, r, assess.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Role", "Team"}})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	testtool.Measured(res)
	if edit != nil {
		edit(res)
	}
	return New(res, Meta{Lang: lang})
}

func contains(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: no %q in\n%s", what, w, got)
		}
	}
}

// TestReliabilityWords: alpha with two decimals, a weak dimension named,
// a question that reads as reverse-keyed and one whose deletion raises
// alpha named with their texts, and why an alpha is null.
func TestReliabilityWords(t *testing.T) {
	rep := measuredDemo(t, "en", nil)
	m := rep.Measure
	if len(m.Reliability) != 4 {
		t.Fatalf("%d reliability rows, want 4", len(m.Reliability))
	}
	for i, want := range []struct {
		alpha string
		weak  bool
		note  string
	}{
		{"0.81", false, ""},
		{"0.62", true, "Weak: below 0.7"},
		{"–", false, "No alpha: fewer than 10 respondents answered all its questions (7 did)."},
		{"–", false, "No alpha: the respondents’ totals did not vary."},
	} {
		row := m.Reliability[i]
		if row.Alpha != want.alpha || row.Weak != want.weak || !strings.HasPrefix(row.Note, want.note) || (want.note == "" && row.Note != "") {
			t.Errorf("%s: alpha %q weak %v note %q; want %q %v %q", row.Dimension.ID, row.Alpha, row.Weak, row.Note, want.alpha, want.weak, want.note)
		}
	}
	if len(m.Weak) != 1 || m.Weak[0].Dimension.ID != "human" {
		t.Errorf("weak dimensions %v, want human only", m.Weak)
	}
	// s04: item-rest -0.31 (reverse-keyed), alpha 0.81 -> 0.86 without it;
	// h03: item-rest 0.12 below 0.2, alpha without it 0.60 below 0.62;
	// s02 and h01 are fine and not named.
	if len(m.Questions) != 2 {
		t.Fatalf("%d questions named, want s04 and h03: %v", len(m.Questions), m.Questions)
	}
	contains(t, "s04", m.Questions[0].Text,
		"s04 “Our AI business cases count headcount reduction as the main benefit.”",
		"This question behaves as if it were reverse-keyed (item-rest correlation −0.31)",
		"Without it, alpha would rise from 0.81 to 0.86.")
	contains(t, "h03", m.Questions[1].Text,
		"h03 “Staff are allowed to overrule an AI recommendation when their judgement differs.”",
		"hardly goes along with the others of its dimension (item-rest correlation 0.12, below 0.2)")
	if strings.Contains(m.Questions[1].Text, "Without it") {
		t.Errorf("h03: alpha without it (0.60) is below 0.62, yet named as a rise: %s", m.Questions[1].Text)
	}
	de := measuredDemo(t, "de", nil).Measure
	contains(t, "de s04", de.Questions[0].Text, "als wäre sie umgekehrt gepolt (Trennschärfe −0,31)", "Ohne sie stiege Alpha von 0,81 auf 0,86.")
	contains(t, "de upskill", de.Reliability[2].Note, "weniger als 10 Befragte")
}

// TestAlphaRiseAtTwoDecimals: a deletion that raises alpha by less than
// the two decimals show is not named (0.812 against 0.81).
func TestAlphaRiseAtTwoDecimals(t *testing.T) {
	rep := measuredDemo(t, "en", func(res *assess.Result) {
		aid := 0.812
		res.Reliability[0].Items[1] = assess.ItemReliability{ID: "s04", ItemRest: new(float64), AlphaIfDeleted: &aid}
		*res.Reliability[0].Items[1].ItemRest = 0.3
	})
	for _, q := range rep.Measure.Questions {
		if q.Question.ID == "s04" {
			t.Errorf("s04 named though nothing shows a rise: %s", q.Text)
		}
	}
}

// TestParticipationWords: the rates as whole percentages, a rate below
// 60% named as a limit, in the summary too; suppressed groups never
// listed, whatever the participation block holds.
func TestParticipationWords(t *testing.T) {
	rep := measuredDemo(t, "en", nil)
	pt := rep.Measure.Participation
	if pt == nil {
		t.Fatal("no participation")
	}
	contains(t, "line", pt.Line, "150 of the 300 people asked answered: a response rate of 50%.")
	limits := strings.Join(pt.Limits, " ")
	contains(t, "limits", limits, "A response rate of 50% is below 60%",
		"The response rate is below 60% in one group, Role: Frontline staff (40%)")
	if len(pt.Groups) != 2 {
		t.Errorf("%d groups, want Executive and Frontline staff: %+v", len(pt.Groups), pt.Groups)
	}
	for _, g := range pt.Groups {
		if g.Value == "Internal Audit" || g.Value == "Marketing" {
			t.Errorf("suppressed group %s shown: %+v", g.Value, g)
		}
	}
	if g := pt.Groups[0]; g.Value != "Executive" || g.N != 8 || g.Population != 10 || g.Rate != "80%" || g.Low {
		t.Errorf("Executive: %+v, want 8 of 10, 80%%", g)
	}
	contains(t, "story", strings.Join(rep.Story(), " "), "Only 150 of the 300 people asked answered (50%)")
	// At 60% nothing is a limit.
	ok := measuredDemo(t, "en", func(res *assess.Result) {
		res.Participation.Rate = 0.6
		res.Participation.Segments = res.Participation.Segments[:1]
	})
	if l := ok.Measure.Participation.Limits; len(l) != 0 {
		t.Errorf("limits at 60%%: %v", l)
	}
	if s := strings.Join(ok.Story(), " "); strings.Contains(s, "people asked") {
		t.Errorf("story names a rate of 60%%: %s", s)
	}
	de := measuredDemo(t, "de", nil).Measure.Participation
	contains(t, "de", de.Line, "150 der 300 Befragten haben geantwortet: eine Rücklaufquote von 50\u00a0%.")
}

// TestQualityWords: how many were left out and why, in English and
// German, one and more; flagged but kept points to --exclude-flagged.
func TestQualityWords(t *testing.T) {
	for _, c := range []struct {
		lang          string
		sl, sp, ex    int
		want, wantNot string
	}{
		{"en", 2, 1, 3, "3 respondents left out: they gave the same answer to every scale question (2) or they answered in under a third of the median time (1).", "--exclude-flagged"},
		{"en", 1, 0, 1, "1 respondent left out: they gave the same answer to every scale question (1).", "median time"},
		{"de", 2, 1, 3, "3 Befragte ausgelassen: sie gaben auf jede Skalenfrage dieselbe Antwort (2) oder sie antworteten in weniger als einem Drittel der mittleren Zeit (1).", "--exclude-flagged"},
		{"de", 0, 1, 1, "1 befragte Person ausgelassen: sie antworteten in weniger als einem Drittel der mittleren Zeit (1).", "Skalenfrage"},
		{"en", 1, 2, 0, "Answers that look unread: 1 respondent gave the same answer to every scale question; 2 respondents answered in under a third of the median time. They are counted in every figure; build with --exclude-flagged to leave them out.", "left out:"},
		{"de", 2, 0, 0, "Antworten, die ungelesen wirken: 2 Befragte gaben auf jede Skalenfrage dieselbe Antwort. Sie zählen in jeder Zahl mit; mit --exclude-flagged bleiben sie außen vor.", "mittleren Zeit"},
	} {
		rep := measuredDemo(t, c.lang, func(res *assess.Result) {
			res.DataQuality.StraightLiners, res.DataQuality.Speeders, res.DataQuality.Excluded = c.sl, c.sp, c.ex
		})
		got := rep.Measure.Quality
		if got != c.want {
			t.Errorf("%s %d/%d/%d:\n got %q\nwant %q", c.lang, c.sl, c.sp, c.ex, got, c.want)
		}
		if strings.Contains(got, c.wantNot) {
			t.Errorf("%s %d/%d/%d: %q says %q", c.lang, c.sl, c.sp, c.ex, got, c.wantNot)
		}
	}
	if q := measuredDemo(t, "en", func(res *assess.Result) { res.DataQuality = assess.DataQuality{} }).Measure.Quality; q != "" {
		t.Errorf("nothing flagged, yet: %q", q)
	}
}

// TestDriversWords: importance as a share of R², the fix-first corner
// (above the even share of 25% and below the target of 75) named, most
// important first.
func TestDriversWords(t *testing.T) {
	// Scores set here: 61.25 shows as 61.3 (halves away from zero).
	rep := measuredDemo(t, "en", func(res *assess.Result) {
		a, b := 61.25, 60.34
		res.Dimensions[0].Score, res.Dimensions[1].Score = &a, &b
	})
	d := rep.Measure.Drivers
	if d == nil {
		t.Fatal("no drivers")
	}
	want := map[string]string{"service": "46%", "human": "29%", "upskill": "15%", "longterm": "10%"}
	for _, r := range d.Rows {
		if r.Importance != want[r.Dimension.Def.ID] {
			t.Errorf("%s: importance %s, want %s", r.Dimension.Def.ID, r.Importance, want[r.Dimension.Def.ID])
		}
	}
	if len(d.FixFirst) != 2 || d.FixFirst[0].Dimension.Def.ID != "service" || d.FixFirst[1].Dimension.Def.ID != "human" {
		t.Fatalf("fix first %v, want service then human", d.FixFirst)
	}
	contains(t, "intro", d.Intro, "“If an AI tool saved money but made service worse, we would change it or withdraw it.”",
		"over 140 respondents", "explain 41% of its variance (R² = 0.41)")
	contains(t, "text", d.Text, "Fix first: Service, not savings (importance 46%, score 61.3); Humans in the loop (importance 29%, score 60.3).",
		"They matter more than the even share of 25% and score below the target of 75.")
	// The human dimension at the target leaves only service.
	one := measuredDemo(t, "de", func(res *assess.Result) {
		v := 75.0
		res.Dimensions[1].Score = &v
	})
	contains(t, "de one", one.Measure.Drivers.Text, "Zuerst angehen: ", "(Wichtigkeit 46\u00a0%", "Sie zählt mehr als der gleiche Anteil von 25\u00a0%")
	if strings.Contains(one.Measure.Drivers.Text, "Wichtigkeit 29") {
		t.Errorf("a dimension at the target is to fix first: %s", one.Measure.Drivers.Text)
	}
	none := measuredDemo(t, "en", func(res *assess.Result) {
		res.Drivers.Dimensions[0].Weight, res.Drivers.Dimensions[1].Weight = 0.1025, 0.1025
		res.Drivers.Dimensions[2].Weight, res.Drivers.Dimensions[3].Weight = 0.1025, 0.1025
	})
	contains(t, "none", none.Measure.Drivers.Text, "the fix-first corner is empty")
	secs := rep.Sections()
	found := false
	for i, s := range secs {
		if s.Kind == SectionDrivers {
			found = i+1 < len(secs) && secs[i+1].Kind == SectionPlan && s.Title == "What drives the outcome"
		}
	}
	if !found {
		t.Errorf("sections %v: no drivers section right before the plan", secs)
	}
}
