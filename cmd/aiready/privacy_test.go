package main

// Privacy across every output: what identifies a person never leaves the
// input, and a suppressed group's figures appear nowhere.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
)

// identityHeaders are the columns that survey tools add about a person,
// with a value per row that must never reach an output.
var identityHeaders = []struct {
	header string
	value  func(i int) string
}{
	{"Response ID", func(i int) string { return fmt.Sprintf("R_7xQpZ%05dkL", i) }},
	{"Email Address", func(i int) string { return fmt.Sprintf("person%03d@client-secret.example", i) }},
	{"Full Name", func(i int) string { return fmt.Sprintf("Zebulon Quixotic%03d", i) }},
	{"IP Address", func(i int) string { return fmt.Sprintf("203.0.113.%d", i%250+1) }},
	{"LocationLatitude", func(i int) string { return fmt.Sprintf("59.91%04d", 1000+i) }},
	{"LocationLongitude", func(i int) string { return fmt.Sprintf("10.75%04d", 2000+i) }},
	{"RecipientEmail", func(i int) string { return fmt.Sprintf("recipient%03d@client-secret.example", i) }},
	{"ExternalReference", func(i int) string { return fmt.Sprintf("EMP-%06d-X", 900000+i) }},
}

// privacyInput writes the demo answers with identity columns in front, the
// respondent ids replaced by distinctive ones, and three people moved to a
// team of their own ("Skunkworks"), which must be suppressed.
func privacyInput(t *testing.T, dir string) (file string, secrets []string) {
	t.Helper()
	data, err := os.ReadFile("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	team := -1
	for j, h := range rows[0] {
		if h == "Team" {
			team = j
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for i, row := range rows {
		var lead []string
		for _, id := range identityHeaders {
			if i == 0 {
				lead = append(lead, id.header)
				continue
			}
			v := id.value(i)
			lead = append(lead, v)
			secrets = append(secrets, v)
		}
		if i > 0 {
			row[0] = fmt.Sprintf("RESP-SECRET-%04d", i)
			secrets = append(secrets, row[0])
			if i <= 3 {
				row[team] = "Skunkworks"
			}
		}
		if err := w.Write(append(lead, row...)); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	file = filepath.Join(dir, "responses.csv")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, secrets
}

// TestPrivacyEveryOutput builds the site, report.pdf, report.md and
// results.json with comments and segments, and prints the scores as text,
// JSON and CSV, then reads every byte of them (the PDF through pdftotext):
// no e-mail, name, IP address, location, response or employee id of the
// input appears; the suppressed team is named only with the reason; and
// results.json carries no figure of it.
func TestPrivacyEveryOutput(t *testing.T) {
	dir := t.TempDir()
	in, secrets := privacyInput(t, dir)
	out := filepath.Join(dir, "out")
	seg := []string{"--segment", "Team", "--segment", "Role"}
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"build", "-q", "--comments", "-o", out, in}, seg...), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	texts := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		texts[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command(pdftotext, "-layout", filepath.Join(out, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts["report.pdf (text)"] = string(txt)
	} else if testtool.Required() {
		t.Fatal("AIREADY_REQUIRE_TOOLS=1 but pdftotext (poppler-utils) is not installed")
	} else {
		t.Log("skipping the PDF's text: pdftotext (poppler-utils) is not installed")
	}
	for _, format := range []string{"text", "json", "csv"} {
		stdout.Reset()
		if code := run(append([]string{"score", "-q", "--comments", "--format", format, in}, seg...), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("score --format %s: exit %d: %s", format, code, stderr.String())
		}
		texts["score --format "+format] = stdout.String()
	}
	scanned, skunk := 0, 0
	for name, s := range texts {
		scanned += len(s)
		for _, secret := range secrets {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds %q from an identity column", name, secret)
			}
		}
		for _, domain := range []string{"client-secret.example", "203.0.113.", "RESP-SECRET", "Quixotic"} {
			if strings.Contains(s, domain) {
				t.Errorf("%s holds %q", name, domain)
				break
			}
		}
		// The suppressed team: wherever it is named, no figure but the
		// threshold stands beside it.
		for _, line := range strings.Split(s, "\n") {
			if !strings.Contains(line, "Skunkworks") || strings.HasSuffix(name, ".json") {
				continue
			}
			skunk++
			text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(line, " ")
			text = strings.ReplaceAll(text, "&nbsp;", " ")
			for _, n := range regexp.MustCompile(`\d+(?:[.,]\d+)?`).FindAllString(text, -1) {
				if n != "5" {
					t.Errorf("%s: a figure (%s) beside the suppressed team: %s", name, n, strings.TrimSpace(text))
					break
				}
			}
		}
	}
	if skunk < 3 {
		t.Errorf("the suppressed team is named on only %d lines of the outputs; it should be named, with the reason, in the site, the PDF and report.md", skunk)
	}
	var res struct {
		Segments []map[string]any `json:"segments"`
	}
	if err := json.Unmarshal([]byte(texts[filepath.Join(out, "results.json")]), &res); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range res.Segments {
		if s["value"] == "Skunkworks" {
			found = true
			if len(s) != 3 || s["suppressed"] != true {
				t.Errorf("results.json: the suppressed team carries more than attribute, value and suppressed: %v", s)
			}
		}
	}
	if !found {
		t.Error("results.json does not list the suppressed team")
	}
	figure("privacy: %d outputs (site pages, report.md, results.json, the PDF text, score as text, JSON and CSV), %d bytes scanned for %d identity values: none found\n", len(texts), scanned, len(secrets))
}

// TestPrivacyCommentsThreshold: when the whole group is smaller than the
// threshold, no comment of it appears in any output; at the threshold,
// the comments do appear (so the check can fail).
func TestPrivacyCommentsThreshold(t *testing.T) {
	few := "Respondent,Team,s02,u10,l10\n" +
		"a,Ops,Agree,COMMENT-SECRET-ONE,COMMENT-SECRET-TWO\n" +
		"b,Ops,Disagree,COMMENT-SECRET-THREE,\n" +
		"c,Ops,Agree,,COMMENT-SECRET-FOUR\n"
	if n := commentFiles(t, few); n != 0 {
		t.Errorf("%d outputs show a comment of a group of 3", n)
	}
	if n := commentFiles(t, few+"d,Ops,Agree,,\ne,Ops,Agree,,\n"); n == 0 {
		t.Error("no output shows the comments of a group of 5")
	}
}

// commentFiles builds csvText with --comments and counts the outputs
// (files, and score --format json) that show a comment.
func commentFiles(t *testing.T, csvText string) (n int) {
	dir := t.TempDir()
	in := filepath.Join(dir, "few.csv")
	if err := os.WriteFile(in, []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "--comments", "-o", out, in}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte("COMMENT-SECRET")) {
			n++
		}
		return nil
	})
	stdout.Reset()
	if code := run([]string{"score", "-q", "--comments", "--format", "json", in}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("score: exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stdout.String(), "COMMENT-SECRET") {
		n++
	}
	return n
}
