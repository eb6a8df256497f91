package assess

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// fwRubric is a valid rubric with two frameworks; the cases below change
// its maps and framework tables.
const fwRubric = `format = 1
id = "t"
title = "T"
version = "1"
[scales.yn]
points = [0, 1]
labels = ["No", "Yes"]
[[dimension]]
id = "d"
title = "D"
[frameworks.EU-AI-Act]
title = "EU AI Act"
[frameworks.EU-AI-Act.clauses]
"Art.4" = "AI literacy of staff"
"Art.14" = "Human oversight"
[frameworks.ISO-42001]
title = "ISO/IEC 42001"
[frameworks.ISO-42001.clauses]
"A.3.2" = "Roles"
[[question]]
id = "q1"
dimension = "d"
scale = "yn"
text = "Q1"
maps = MAPS1
[[question]]
id = "q2"
dimension = "d"
scale = "yn"
text = "Q2"
maps = ["EU-AI-Act:Art.4"]
[[question]]
id = "q3"
dimension = "d"
type = "text"
text = "Q3"
[[level]]
id = "low"
title = "Low"
min = 0
`

func fw(maps1 string, edits ...string) string {
	s := strings.Replace(fwRubric, "MAPS1", maps1, 1)
	for i := 0; i+1 < len(edits); i += 2 {
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	return s
}

func TestFrameworksLoad(t *testing.T) {
	r, err := LoadRubric("r.toml", []byte(fw(`["ISO-42001:A.3.2", "EU-AI-Act:Art.4"]`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Frameworks) != 2 || r.Frameworks[0].ID != "EU-AI-Act" || r.Frameworks[1].ID != "ISO-42001" {
		t.Fatalf("frameworks not in file order: %+v", r.Frameworks)
	}
	eu := r.Framework("EU-AI-Act")
	if len(eu.Clauses) != 2 || eu.Clauses[0].ID != "Art.4" || eu.Clauses[1].ID != "Art.14" || eu.Clauses[0].Title != "AI literacy of staff" {
		t.Fatalf("clauses not in file order: %+v %+v", eu.Clauses[0], eu.Clauses[1])
	}
	var got []string
	for _, q := range eu.Clause("Art.4").Questions {
		got = append(got, q.ID)
	}
	if strings.Join(got, ",") != "q1,q2" {
		t.Errorf("Art.4 questions %v, want q1,q2 (rubric order)", got)
	}
	if len(eu.Clause("Art.14").Questions) != 0 {
		t.Errorf("Art.14 has questions")
	}
	// results.json: only clauses with questions, by framework then clause.
	b, _ := json.Marshal(frameworkResults(r))
	want := `[{"framework":"EU-AI-Act","clause":"Art.4","questions":["q1","q2"]},{"framework":"ISO-42001","clause":"A.3.2","questions":["q1"]}]`
	if string(b) != want {
		t.Errorf("frameworkResults\n got %s\nwant %s", b, want)
	}
	// A rubric without frameworks lists none, as [].
	r2, err := LoadRubric("r.toml", []byte(strings.Replace(fw(`[]`), `maps = ["EU-AI-Act:Art.4"]`, "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(frameworkResults(r2)); string(b) != "[]" {
		t.Errorf("no maps: %s, want []", b)
	}
}

func TestFrameworksLoadErrors(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		want string
	}{
		{"unknown framework, near", fw(`["EU-AI-Akt:Art.4"]`), `r.toml:25:9: question "q1": maps[0]: unknown framework "EU-AI-Akt"; did you mean "EU-AI-Act"?`},
		{"unknown framework, far", fw(`["GDPR:Art.5"]`), `r.toml:25:9: question "q1": maps[0]: unknown framework "GDPR" (frameworks: EU-AI-Act, ISO-42001)`},
		{"unknown clause, near", fw(`["ISO-42001:A.6.2.6", "EU-AI-Act:Art 14"]`), `r.toml:25:30: question "q1": maps[1]: framework "EU-AI-Act" has no clause "Art 14"; did you mean "Art.14"?`},
		{"unknown clause, digits", fw(`["EU-AI-Act:Art.5"]`), `r.toml:25:9: question "q1": maps[0]: framework "EU-AI-Act" has no clause "Art.5" (clauses: Art.4, Art.14)`},
		{"no colon", fw(`["Art.4"]`), `r.toml:25:9: question "q1": maps[0] "Art.4": write FRAMEWORK:CLAUSE, such as "EU-AI-Act:Art.4"`},
		{"repeated", fw(`["EU-AI-Act:Art.4", "EU-AI-Act:Art.4"]`), `r.toml:25:28: question "q1": maps[1] repeats "EU-AI-Act:Art.4"`},
		{"not strings", fw(`"EU-AI-Act:Art.4"`), `r.toml:25:1: question "q1": maps must be an array of strings, not a string`},
		{"text question", fw(`[]`, `text = "Q3"`, "text = \"Q3\"\nmaps = [\"EU-AI-Act:Art.4\"]"), `r.toml:37:1: question "q3": a text question is not scored, so it takes no maps`},
		{"no title", fw(`[]`, `title = "EU AI Act"`, ``), `r.toml:11:1: framework "EU-AI-Act": missing required key "title"`},
		{"no clauses", fw(`[]`, "[frameworks.ISO-42001.clauses]\n\"A.3.2\" = \"Roles\"", ""), `r.toml:16:1: framework "ISO-42001": missing required key "clauses"`},
		{"unknown key", fw(`[]`, `title = "EU AI Act"`, "title = \"EU AI Act\"\ntitel = \"x\""), `r.toml:13:1: framework "EU-AI-Act": unknown key "titel"; did you mean "title"?`},
		{"clause not a string", fw(`[]`, `"A.3.2" = "Roles"`, `"A.3.2" = 3`), `r.toml:19:1: framework "ISO-42001": clause "A.3.2": its title must be a string, not an integer`},
		{"empty clause title", fw(`[]`, `"A.3.2" = "Roles"`, `"A.3.2" = " "`), `r.toml:19:1: framework "ISO-42001": clause "A.3.2": its title is empty`},
		{"bad clause id", fw(`[]`, `"A.3.2" = "Roles"`, `"A 3:2" = "Roles"`), `r.toml:19:1: framework "ISO-42001": clause id "A 3:2": use letters, digits`},
		{"long title", fw(`[]`, `"A.3.2" = "Roles"`, `"A.3.2" = "`+strings.Repeat("x", 201)+`"`), `r.toml:19:1: framework "ISO-42001": title of 201 characters; keep it under 200`},
		{"framework not a table", fw(`[]`, "[frameworks.ISO-42001]\ntitle = \"ISO/IEC 42001\"\n[frameworks.ISO-42001.clauses]\n\"A.3.2\" = \"Roles\"", ""), ``},
	}
	for _, c := range cases {
		_, err := LoadRubric("r.toml", []byte(c.doc))
		if c.want == "" {
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
	// frameworks = 1 and a framework that is not a table.
	for doc, want := range map[string]string{
		strings.Replace(base, "version = \"1\"", "version = \"1\"\nframeworks = 1", 1):                                             "frameworks must be a table, not an integer",
		strings.Replace(fw(`[]`), "[frameworks.EU-AI-Act]\ntitle", "[frameworks]\nGDPR = \"x\"\n[frameworks.EU-AI-Act]\ntitle", 1): `framework "GDPR" must be a table with title and clauses`,
	} {
		if _, err := LoadRubric("r.toml", []byte(doc)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}

// Counts beyond the limits are refused at their table, not decoded into
// a report.
func TestFrameworksLimits(t *testing.T) {
	var b strings.Builder
	for i := range maxClauses + 1 {
		fmt.Fprintf(&b, "\"C%d\" = \"t\"\n", i)
	}
	doc := fw(`[]`, `"A.3.2" = "Roles"`, b.String())
	if _, err := LoadRubric("r.toml", []byte(doc)); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("r.toml:18:1: framework \"ISO-42001\": more than %d clauses", maxClauses)) {
		t.Errorf("clauses: %v", err)
	}
	var m []string
	for range maxMaps + 1 {
		m = append(m, `"EU-AI-Act:Art.4"`)
	}
	if _, err := LoadRubric("r.toml", []byte(fw("["+strings.Join(m, ",")+"]"))); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("more than %d maps", maxMaps)) {
		t.Errorf("maps: %v", err)
	}
	b.Reset()
	for i := range maxFrameworks + 1 {
		fmt.Fprintf(&b, "[frameworks.F%d]\ntitle = \"t\"\nclauses = { a = \"b\" }\n", i)
	}
	doc = strings.Replace(fw(`[]`), "[[question]]", b.String()+"[[question]]", 1)
	if _, err := LoadRubric("r.toml", []byte(doc)); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("more than %d frameworks", maxFrameworks)) {
		t.Errorf("frameworks: %v", err)
	}
	if _, err := LoadRubric("r.toml", []byte(fw(`[]`, `title = "EU AI Act"`, `title = "`+strings.Repeat("é", 201)+`"`))); err == nil || !strings.Contains(err.Error(), "title of 201 characters") {
		t.Errorf("framework title: %v", err)
	}
}
