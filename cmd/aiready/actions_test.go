package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// actionsRubric is figuresRubric with recommendations to act on. Its
// answers (figuresAnswers) score by hand:
//
//	svc (qa 5,5,4,4,3,2,2,1 -> 100,100,75,75,50,25,25,0): mean 56.25, SD
//	  sqrt(9687.5/7) = 37.20, 95% interval 56.25 ± 1.96·37.20/√8 = 30.5-82.0;
//	hum (qb 2×6, 3×2 -> 25×6, 50×2): mean 31.25, SD sqrt(937.5/7) = 11.57,
//	  interval 31.25 ± 8.02 = 23.2-39.3;
//	flag "cuts" (qa at most 1): 1 of 8 = 12.5% >= 10%: raised.
//
// The previous assessment (crafted below) scored svc 20 and hum 30: svc's
// 20 lies outside its interval now (moved +36.25, shown +36.3), hum's 30
// inside (+1.25, shown +1.3).
const actionsRubric = figuresRubric + `[[recommendation]]
id = "stop-cuts"
flag = "cuts"
title = "Stop the cuts"
horizon = 30
[[recommendation]]
id = "svc-basics"
dimension = "svc"
levels = ["low", "high"]
title = "Service basics"
horizon = 60
[[recommendation]]
id = "svc-extra"
dimension = "svc"
levels = ["low", "high"]
title = "Service extras"
horizon = 30
[[recommendation]]
id = "hum-basics"
dimension = "hum"
levels = ["low", "high"]
title = "Humans basics"
horizon = 30
[[recommendation]]
id = "hum-extra"
dimension = "hum"
levels = ["low", "high"]
title = "Humans extras"
horizon = 90
`

const actionsAssessment = `title = "Actions"
date = 2026-11-20
rubric = "rubric.toml"
inputs = ["answers.csv"]
previous = "previous.json"
min_group_size = 5
actions = "actions.csv"

[[override]]
recommendation = "champions"
action = "add"
reason = "Agreed in the workshop."
title = "Name champions"
horizon = 90
dimension = "hum"

[[action]]
recommendation = "svc-basics"
owner = "Head of Service"
due = 2026-06-30
status = "done"

[[action]]
recommendation = "hum-basics"
owner = "Head of Operations"
due = 2026-07-31
status = "done"
note = "Workshops held in July."

[[action]]
recommendation = "stop-cuts"
owner = "Chief Operating Officer"
due = 2026-10-01
status = "started"

[[action]]
recommendation = "hum-extra"
owner = "Team leads"
due = 2026-09-01
status = "dropped"
`

// actionsCSV is the second source: an added recommendation's action.
const actionsCSV = "recommendation;owner;due;status\r\nchampions;Head of People;2027-01-15;planned\r\n"

func actionsPrevious(rubric string) string {
	sum := sha256.Sum256([]byte(rubric))
	return `{"format": 1, "date": "2026-05-20",
 "rubric": {"id": "figures", "version": "1", "sha256": "` + hex.EncodeToString(sum[:]) + `"},
 "respondents": 8,
 "overall": {"score": 25, "level": "low"},
 "dimensions": [{"id": "svc", "score": 20, "level": "low", "n": 8}, {"id": "hum", "score": 30, "level": "low", "n": 8}]}
`
}

// actionsProject writes the two-round project into a new folder.
func actionsProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"rubric.toml": actionsRubric, "answers.csv": figuresAnswers,
		"assessment.toml": actionsAssessment, "actions.csv": actionsCSV, "previous.json": actionsPrevious(actionsRubric)})
	return dir
}

// buildOutputs builds dir with args and returns each output's text and
// results.json.
func buildOutputs(t *testing.T, dir string, args ...string) (map[string]string, []byte) {
	t.Helper()
	out := filepath.Join(dir, "out")
	runOut(t, append([]string{"build", "-q", "--force", "-o", out, dir}, args...)...)
	return readerOutputs(t, out, []string{"site/plan.html", "site/index.html"}, nil), []byte(readFile(t, filepath.Join(out, "results.json")))
}

type actionJSON struct {
	Recommendation string  `json:"recommendation"`
	Owner          string  `json:"owner"`
	Due            string  `json:"due"`
	Status         string  `json:"status"`
	Overdue        bool    `json:"overdue"`
	Verdict        *string `json:"verdict"`
}

func actionsOf(t *testing.T, results []byte) []actionJSON {
	t.Helper()
	var res struct {
		Actions *[]actionJSON `json:"actions"`
	}
	if err := json.Unmarshal(results, &res); err != nil {
		t.Fatal(err)
	}
	if res.Actions == nil {
		t.Fatal("results.json has no \"actions\"")
	}
	return *res.Actions
}

func verdictText(v *string) string {
	if v == nil {
		return "null"
	}
	return *v
}

// TestActionsEveryOutput: owners, due dates, statuses, an overdue action,
// a dropped one and a done action whose dimension moved beyond its
// interval beside one that did not, in results.json, the site, the PDF
// and report.md, from [[action]] tables and an actions CSV together.
func TestActionsEveryOutput(t *testing.T) {
	dir := actionsProject(t)
	outs, results := buildOutputs(t, dir)

	var got []string
	for _, a := range actionsOf(t, results) {
		got = append(got, strings.Join([]string{a.Recommendation, a.Owner, a.Due, a.Status, map[bool]string{true: "overdue", false: "-"}[a.Overdue], verdictText(a.Verdict)}, "|"))
	}
	want := []string{
		"svc-basics|Head of Service|2026-06-30|done|-|moved",
		"hum-basics|Head of Operations|2026-07-31|done|-|not_moved",
		"stop-cuts|Chief Operating Officer|2026-10-01|started|overdue|null",
		"hum-extra|Team leads|2026-09-01|dropped|-|null",
		"champions|Head of People|2027-01-15|planned|-|null",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results.json actions:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, name := range []string{"site/plan.html", "report.md", "report.pdf"} {
		txt := outs[name]
		for _, w := range []string{
			"Head of Service", "Head of Operations", "Chief Operating Officer", "Team leads", "Head of People",
			"30 June 2026", "1 October 2026", "15 January 2027",
			"Overdue", "dropped", "started", "planned",
			"moved +36.3, beyond its interval",
			"no measurable change yet (+1.3, within its interval)",
			"1 is overdue",
		} {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: no %q", name, w)
			}
		}
		if n := strings.Count(txt, "Overdue"); name == "site/plan.html" && n < 2 {
			t.Errorf("%s: Overdue %d times, want the table and the plan item", name, n)
		}
	}
	// The overview's first actions carry their owner and the overdue mark.
	if ov := outs["site/index.html"]; !strings.Contains(ov, "Owner: Chief Operating Officer") || !strings.Contains(ov, "Overdue") {
		t.Errorf("overview: the first actions lack their owner or the overdue mark")
	}

	// Without the previous assessment, no verdict anywhere.
	outs, results = buildOutputs(t, dir, "--previous", "")
	for _, a := range actionsOf(t, results) {
		if a.Verdict != nil {
			t.Errorf("without previous, %s has verdict %s", a.Recommendation, *a.Verdict)
		}
	}
	for name, txt := range outs {
		if strings.Contains(txt, "beyond its interval") || strings.Contains(txt, "no measurable change") {
			t.Errorf("%s: a verdict without a previous assessment", name)
		}
	}
}

// TestActionsGerman: the same in German.
func TestActionsGerman(t *testing.T) {
	dir := actionsProject(t)
	outs, _ := buildOutputs(t, dir, "--lang", "de")
	for _, name := range []string{"site/plan.html", "report.md", "report.pdf"} {
		txt := outs[name]
		for _, w := range []string{
			"Verantwortlich: Head of Service", "Überfällig", "verworfen", "begonnen", "geplant", "erledigt",
			"bewegt +36,3, jenseits des Intervalls",
			"noch keine messbare Änderung (+1,3, im Intervall)",
			"1 ist überfällig",
		} {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: no %q", name, w)
			}
		}
		if strings.Contains(txt, "[report.follow") || strings.Contains(txt, "Overdue") {
			t.Errorf("%s: an English word or a missing key", name)
		}
	}
}

// TestPlanExportRoundTrip: the CSV that plan export writes has one row
// per plan item in plan order, the actions' owners, dates and statuses
// and the defaults beside; read back as the project's actions, it
// exports to the same bytes.
func TestPlanExportRoundTrip(t *testing.T) {
	dir := actionsProject(t)
	first := filepath.Join(dir, "export.csv")
	runOut(t, "plan", "export", dir, "-o", first)
	b1 := readFile(t, first)
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(b1, "\ufeff"), "\n"), "\n")
	if lines[0] != "recommendation,title,for,horizon,owner,due,status,note" {
		t.Errorf("header %q", lines[0])
	}
	// Plan order, from results.json.
	_, results := buildOutputs(t, dir)
	var res struct {
		Recommendations []struct{ ID string } `json:"recommendations"`
	}
	if err := json.Unmarshal(results, &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range lines[1:] {
		ids = append(ids, strings.Split(l, ",")[0])
	}
	var plan []string
	for _, r := range res.Recommendations {
		plan = append(plan, r.ID)
	}
	// hum-extra is dropped but still in the plan; every action's
	// recommendation is in this plan, so no rows follow it.
	if strings.Join(ids, " ") != strings.Join(plan, " ") {
		t.Errorf("rows %v, want the plan's order %v", ids, plan)
	}
	for _, w := range []string{
		"svc-extra,Service extras,svc,30,,2026-12-20,planned,", // no action: 2026-11-20 + 30 days
		"hum-basics,Humans basics,hum,30,Head of Operations,2026-07-31,done,Workshops held in July.",
		"stop-cuts,Stop the cuts,cuts,30,Chief Operating Officer,2026-10-01,started,",
		"champions,Name champions,hum,90,Head of People,2027-01-15,planned,",
	} {
		if !strings.Contains(b1, w+"\n") {
			t.Errorf("export has no row %q:\n%s", w, b1)
		}
	}

	// Read back: every action from the exported CSV alone.
	toml := actionsAssessment[:strings.Index(actionsAssessment, "[[action]]")]
	toml = strings.Replace(toml, `actions = "actions.csv"`, `actions = "export.csv"`, 1)
	writeFiles(t, dir, map[string]string{"assessment.toml": toml})
	if again := runOut(t, "plan", "export", dir); string(again) != b1 {
		t.Errorf("exported again:\n%s\nfirst:\n%s", again, b1)
	}

	// The file is not overwritten without --force.
	if code, _, stderr := runCLI(t, "plan", "export", dir, "-o", first); code != 1 || !strings.Contains(stderr, "refusing to overwrite") {
		t.Errorf("export over an existing file: exit %d: %s", code, stderr)
	}
	runOut(t, "plan", "export", "-q", "--force", dir, "-o", first)
}
