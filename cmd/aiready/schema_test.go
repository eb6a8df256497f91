package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON Schemas of docs/schema (issue 21), as an editor with Taplo
// reads them: every file aiready ships or writes validates, and the bad
// files of the tests that a schema can tell (unknown keys, wrong types,
// values outside a closed set, missing keys) fail.

const schemaBase = "https://raw.githubusercontent.com/aiready/aiready/main/docs/schema/"

func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	f, err := os.Open(filepath.Join("../../docs/schema", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := c.AddResource(schemaBase+name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaBase + name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// tomlDoc decodes a TOML file as Taplo hands it to a schema: dates and
// times become strings in their TOML form.
func tomlDoc(t *testing.T, name string, data []byte) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return jsonDoc(t, name, mustJSON(t, datesAsStrings(m)))
}

func datesAsStrings(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = datesAsStrings(e)
		}
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = datesAsStrings(e)
		}
		return out
	case []any:
		for i, e := range v {
			v[i] = datesAsStrings(e)
		}
	case time.Time:
		switch v.Location().String() { // BurntSushi/toml's zones of local values
		case "date-local":
			return v.Format("2006-01-02")
		case "time-local":
			return v.Format("15:04:05.999999999")
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	}
	return v
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonDoc(t *testing.T, name string, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func wantValid(t *testing.T, s *jsonschema.Schema, name string, doc any) {
	t.Helper()
	if err := s.Validate(doc); err != nil {
		t.Errorf("%s does not validate: %v", name, err)
	}
}

func wantInvalid(t *testing.T, s *jsonschema.Schema, name string, doc any) {
	t.Helper()
	if err := s.Validate(doc); err == nil {
		t.Errorf("%s validates, but is bad", name)
	}
}

// badFile is the rubric or assessment.toml of a bad case of testdata/bad.
func badFile(t *testing.T, name string) []byte {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata/bad", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		if strings.HasSuffix(f.Name, ".toml") {
			return f.Data
		}
	}
	t.Fatalf("%s holds no TOML file", name)
	return nil
}

// tomlBlock is the first ```toml block of a doc after the heading.
func tomlBlock(t *testing.T, doc, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(readFile(t, doc), heading)
	if !ok {
		t.Fatalf("%s: no %q", doc, heading)
	}
	m := regexp.MustCompile("(?s)```toml\n(.*?)```").FindStringSubmatch(rest)
	if m == nil {
		t.Fatalf("%s: no TOML block after %q", doc, heading)
	}
	return m[1]
}

func TestSchemaRubric(t *testing.T) {
	s := compileSchema(t, "rubric.schema.json")
	files, _ := filepath.Glob("../../rubrics/*.toml")
	files2, _ := filepath.Glob("../../assess/testdata/rubrics/*.toml")
	files = append(append(files, files2...), "../../assess/testdata/answers/rubric.toml")
	if len(files) < 3 {
		t.Fatalf("built-in rubrics: %v", files)
	}
	for _, f := range files {
		wantValid(t, s, f, tomlDoc(t, f, []byte(readFile(t, f))))
	}
	wantValid(t, s, "rubric new", tomlDoc(t, "rubric new", runOut(t, "rubric", "new")))
	for _, id := range []string{"people-first", "people-first-de"} {
		wantValid(t, s, "rubric export "+id, tomlDoc(t, id, runOut(t, "rubric", "export", id)))
	}
	for _, bad := range []string{
		"rubric-format-2", "rubric-format-string", "rubric-horizon-45", "rubric-missing-format-id-title-version",
		"rubric-missing-level-min", "rubric-missing-options", "rubric-missing-question-keys",
		"rubric-missing-recommendation-target", "rubric-missing-scale-keys", "rubric-severity-critical",
		"rubric-unknown-option-key", "rubric-unknown-question-key", "rubric-unknown-top-key", "rubric-unknown-type",
		"rubric-weight-negative-dimension", "rubric-weight-zero", "rubric-flag-without-when",
	} {
		wantInvalid(t, s, bad, tomlDoc(t, bad, badFile(t, bad)))
	}
	good := runOut(t, "rubric", "new")
	for name, edit := range map[string]func(string) string{
		"unknown key": func(s string) string { return strings.Replace(s, "\ntitle =", "\ntitel =", 1) },
		"wrong type": func(s string) string {
			return regexp.MustCompile(`(?m)^format = 1`).ReplaceAllString(s, `format = "1"`)
		},
		"bad enum": func(s string) string {
			return regexp.MustCompile(`(?m)^horizon = \d+`).ReplaceAllString(s, `horizon = 45`)
		},
		"missing version": func(s string) string { return regexp.MustCompile(`(?m)^version = .*\n`).ReplaceAllString(s, "") },
	} {
		b := edit(string(good))
		if b == string(good) {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		wantInvalid(t, s, "rubric new with "+name, tomlDoc(t, name, []byte(b)))
	}
}

func TestSchemaAssessment(t *testing.T) {
	s := compileSchema(t, "assessment.schema.json")
	dir := t.TempDir()
	runOut(t, "init", filepath.Join(dir, "p"), "--client", "Northwind Financial")
	wantValid(t, s, "aiready init", tomlDoc(t, "init", []byte(readFile(t, filepath.Join(dir, "p", "assessment.toml")))))
	// The documentation's complete example, with every other table of the page.
	full := tomlBlock(t, "../../docs/assessment.md", "## A complete example")
	full = strings.Replace(full, "out = \"out\"\n", "out = \"out\"\nmin_comment_group = 10\nexclude_flagged = false\nactions = \"actions.csv\"\n", 1)
	for _, h := range []string{"## `[[evidence]]`", "## `[population]`", "## `[[action]]`", "## `[[override]]`"} {
		full += "\n" + tomlBlock(t, "../../docs/assessment.md", h)
	}
	full = strings.ReplaceAll(full, "\"service-scorecard\"\naction = \"drop\"", "\"other\"\naction = \"drop\"")
	wantValid(t, s, "docs/assessment.md", tomlDoc(t, "docs/assessment.md", []byte(full)))
	for _, bad := range []string{
		"project-unknown-key", "project-bad-colour", "project-bad-colour-short", "project-min-group-size-zero",
		"project-note-missing-body", "project-override-bad-action", "project-override-empty-reason",
	} {
		wantInvalid(t, s, bad, tomlDoc(t, bad, badFile(t, bad)))
	}
	for name, edit := range map[string]func(string) string{
		"unknown key":   func(s string) string { return strings.Replace(s, "segments =", "segment =", 1) },
		"wrong type":    func(s string) string { return strings.Replace(s, "min_group_size = 5", `min_group_size = "5"`, 1) },
		"bad enum":      func(s string) string { return strings.Replace(s, `better = "higher"`, `better = "up"`, 1) },
		"missing owner": func(s string) string { return strings.Replace(s, `owner = "Head of People"`, "", 1) },
	} {
		b := edit(full)
		if b == full {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		wantInvalid(t, s, "docs/assessment.md with "+name, tomlDoc(t, name, []byte(b)))
	}
}

func TestSchemaResults(t *testing.T) {
	s := compileSchema(t, "results.schema.json")
	dir := t.TempDir()
	runOut(t, "demo", filepath.Join(dir, "demo"))
	files := map[string][]byte{}
	for _, f := range []string{"demo/results.json", "demo/site/results.json"} {
		files[f] = []byte(readFile(t, filepath.Join(dir, f)))
	}
	files["demo-results.golden.json"] = []byte(readFile(t, "testdata/demo-results.golden.json"))
	demoCSV := "../../rubrics/demo/people-first-demo.csv"
	files["score demo"] = runOut(t, "score", "--format", "json", "--date", "2026-11-20", "--comments", demoCSV)
	files["score previous"] = runOut(t, "score", "--format", "json", "--segment", "Role", "--previous", filepath.Join(dir, "demo/results.json"), demoCSV)
	files["score basic.csv"] = runOut(t, "score", "--format", "json", "-r", "../../assess/testdata/answers/rubric.toml", "../../assess/testdata/answers/basic.csv")
	for _, in := range []string{"native.json", "native.toml", "semicolon_crlf.csv"} {
		files["score "+in] = runOut(t, "score", "--format", "json", "-r", "../../assess/testdata/answers/rubric.toml", "../../assess/testdata/answers/"+in)
	}
	// A project with evidence, actions, population, overrides and a previous round.
	p := filepath.Join(dir, "p")
	toml := `date = 2026-11-20
inputs = ["answers.csv"]
segments = ["Role", "Team"]
previous = "../demo/results.json"
[[override]]
recommendation = "ai-champions"
action = "add"
reason = "Agreed in the workshop."
title = "Name an AI champion in every team"
horizon = 30
[[evidence]]
id = "csat"
title = "CSAT"
value = 71
baseline = 78
unit = "%"
better = "higher"
[[evidence]]
id = "training_hours"
title = "Training hours"
value = 12
better = "higher"
[population]
total = 420
[[action]]
recommendation = "ai-champions"
owner = "Head of People"
due = 2026-10-31
status = "started"
[[action]]
recommendation = "pause-replacement"
owner = "COO"
due = 2027-01-31
status = "done"
`
	writeFiles(t, p, map[string]string{"answers.csv": readFile(t, demoCSV), "assessment.toml": toml})
	wantValid(t, compileSchema(t, "assessment.schema.json"), "the test project", tomlDoc(t, "p", []byte(toml)))
	runOut(t, "build", "-q", p)
	b := []byte(readFile(t, filepath.Join(p, "out", "results.json")))
	for _, k := range []string{`"evidence": [`, `"actions": [`, `"participation": {`, `"overrides": [`, `"previous": {`, `"verdict": "`} {
		if !bytes.Contains(b, []byte(k)) {
			t.Errorf("the test project's results.json holds no %s", k)
		}
	}
	files["project"] = b
	for name, b := range files {
		wantValid(t, s, name, jsonDoc(t, name, b))
	}
	for name, edit := range map[string]func(map[string]any){
		"unknown key":      func(m map[string]any) { m["score"] = 1 },
		"wrong type":       func(m map[string]any) { m["respondents"] = "150" },
		"bad enum":         func(m map[string]any) { m["recommendations"].([]any)[0].(map[string]any)["horizon"] = 45 },
		"missing overall":  func(m map[string]any) { delete(m, "overall") },
		"bad action":       func(m map[string]any) { m["actions"].([]any)[0].(map[string]any)["status"] = "finished" },
		"null for a count": func(m map[string]any) { m["dimensions"].([]any)[0].(map[string]any)["n"] = nil },
	} {
		var m map[string]any
		if err := json.Unmarshal(files["project"], &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		wantInvalid(t, s, "results.json with "+name, jsonDoc(t, name, mustJSON(t, m)))
	}
}

// TestSchemaDirective: the files aiready writes for editing start with
// Taplo's #:schema line, naming a schema of docs/schema; rubric export keeps
// the built-in rubric's bytes (its SHA-256 is the method's identity), so it
// writes none.
func TestSchemaDirective(t *testing.T) {
	dir := t.TempDir()
	runOut(t, "init", filepath.Join(dir, "p"))
	init := []byte(readFile(t, filepath.Join(dir, "p", "assessment.toml")))
	for name, b := range map[string][]byte{"assessment.schema.json": init, "rubric.schema.json": runOut(t, "rubric", "new")} {
		first, _, _ := strings.Cut(string(b), "\n")
		if first != "#:schema "+schemaBase+name {
			t.Errorf("first line %q, want Taplo's directive for %s", first, name)
		}
		if _, err := os.Stat(filepath.Join("../../docs/schema", name)); err != nil {
			t.Error(err)
		}
	}
	// The built-in rubrics carry the directive themselves, so that
	// `rubric export` gives a file an editor helps with and still the
	// built-in's bytes (its sha256 is the method's identity).
	for _, name := range []string{"people-first", "people-first-de"} {
		exported := runOut(t, "rubric", "export", name)
		if string(exported) != readFile(t, "../../rubrics/"+name+".toml") {
			t.Errorf("rubric export %s changed the built-in rubric's bytes", name)
		}
		if first, _, _ := strings.Cut(string(exported), "\n"); first != "#:schema "+schemaBase+"rubric.schema.json" {
			t.Errorf("rubric export %s: first line %q, want Taplo's directive", name, first)
		}
	}
}
