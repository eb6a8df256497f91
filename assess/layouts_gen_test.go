package assess

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite generated fixtures")

// layoutsDir holds the same twelve respondents in each survey tool's
// export layout, written by layoutFixtures (go test ./assess -run
// TestLayoutFixtures -update rewrites them).
var layoutsDir = filepath.Join("testdata", "layouts")

// layoutPerson is one respondent of the layout fixtures.
type layoutPerson struct {
	id, team string
	agree    [4]string // q01..q04: a label, "Not applicable", "" or an invalid answer
	goal     string
	tools    []string
	comment  string
}

var layoutPeople = []layoutPerson{
	{"R01", "Ops", [4]string{"Agree", "Strongly agree", "Agree", "Disagree"}, "Better service for customers and staff", []string{"Human review", "Escalation path"}, "Good start,\nbut slow."},
	{"R02", "Ops", [4]string{"Disagree", "Not applicable", "Neither agree nor disagree", "Agree"}, "Cut headcount and cost", []string{"None of these"}, ""},
	{"R03", "Sales", [4]string{"Strongly agree", "Agree", "", "Strongly disagree"}, "Speed up existing work", []string{"Customer feedback, per tool"}, `Say "thanks" to the team`},
	{"R04", "HR", [4]string{"Agree", "Agree", "Agree", "Agree"}, "Better service for customers and staff", []string{"Human review", "Customer feedback, per tool"}, ""},
	{"R05", "Ops", [4]string{"Strongly disagree", "Disagree", "Disagree", "Strongly agree"}, "Cut headcount and cost", []string{"None of these"}, "More training, please."},
	{"R06", "Sales", [4]string{"Neither agree nor disagree", "Agree", "Strongly agree", "Disagree"}, "Speed up existing work", []string{"Escalation path"}, ""},
	{"R07", "HR", [4]string{"Agree", "", "Agree", "Neither agree nor disagree"}, "", nil, ""},
	{"R08", "Ops", [4]string{"Strongly agree", "Strongly agree", "Strongly agree", "Strongly disagree"}, "Better service for customers and staff", []string{"Human review", "Escalation path", "Customer feedback, per tool"}, "Keep humans in the loop."},
	{"R09", "Sales", [4]string{"Disagree", "Disagree", "Not applicable", "Agree"}, "Cut headcount and cost", []string{"Human review"}, ""},
	{"R10", "HR", [4]string{"Agree", "Neither agree nor disagree", "Agree", "Disagree"}, "Speed up existing work", []string{"Escalation path", "Customer feedback, per tool"}, "Clearer goals; fewer tools."},
	{"R11", "Ops", [4]string{"Agree", "Agree", "Somewhat agree", "Neither agree nor disagree"}, "Better service for customers and staff", []string{"Human review"}, ""},
	{"R12", "Sales", [4]string{}, "", nil, ""}, // opened the survey and left
}

const (
	fxPrompt  = "How far do you agree with these statements?"
	fxGoal    = "What is the main goal of your AI programme?"
	fxTools   = "Which safeguards are in place?"
	fxComment = "Anything else you would like to tell us?"
)

var (
	fxStatements = [4]string{
		"We judge each AI rollout first by its effect on customers.",
		"Staff can override an AI decision that affects a customer.",
		"People are trained before their work changes.",
		"Savings from AI are mostly taken as job cuts.",
	}
	fxAgree    = []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}
	fxGoals    = []string{"Cut headcount and cost", "Speed up existing work", "Better service for customers and staff"}
	fxToolOpts = []string{"Human review", "Escalation path", "Customer feedback, per tool", "None of these"}
)

// agreeCode is a label's numeric code as the tools number them: 1-5, 6
// for "Not applicable", 7 for anything else (left unmapped on purpose).
func agreeCode(label string) string {
	switch label {
	case "":
		return ""
	case "Not applicable":
		return "6"
	}
	for i, l := range fxAgree {
		if l == label {
			return strconv.Itoa(i + 1)
		}
	}
	return "7"
}

func goalCode(goal string) string {
	for i, g := range fxGoals {
		if g == goal {
			return strconv.Itoa(i + 1)
		}
	}
	return ""
}

func (p layoutPerson) has(option string) bool {
	for _, t := range p.tools {
		if t == option {
			return true
		}
	}
	return false
}

func (p layoutPerson) n() int { n, _ := strconv.Atoi(p.id[1:]); return n }

// table writes rows as CSV: quoteAll quotes every field (LimeSurvey),
// eol ends rows, final is written after the last row.
func table(rows [][]string, comma string, quoteAll bool, eol, final string) []byte {
	var b bytes.Buffer
	for i, row := range rows {
		if i > 0 {
			b.WriteString(eol)
		}
		for j, c := range row {
			if j > 0 {
				b.WriteString(comma)
			}
			if quoteAll || strings.ContainsAny(c, "\"\r\n"+comma) {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
	}
	b.WriteString(final)
	return b.Bytes()
}

func xlsxBytes(t *testing.T, rows [][]string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		for j, c := range row {
			if c == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var v any = c
			if n, err := strconv.Atoi(c); err == nil && j == 0 && i > 0 {
				v = n // Microsoft Forms' ID is a number
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// layoutFixtures builds every fixture from layoutPeople.
func layoutFixtures(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	// plain.csv: the reference every layout must score like.
	rows := [][]string{{"id", "Team", "q01", "q02", "q03", "q04", "goal", "safeguards", "comment"}}
	for _, p := range layoutPeople {
		rows = append(rows, append(append([]string{p.id, p.team}, p.agree[:]...), p.goal, strings.Join(p.tools, ";"), p.comment))
	}
	out["plain.csv"] = table(rows, ",", false, "\n", "\n")

	// Google Forms: Timestamp first, a grid, checkboxes joined with ", ",
	// CRLF between rows, LF inside cells, no final line end.
	head := []string{"Timestamp", "Email Address"}
	for _, s := range fxStatements {
		head = append(head, fxPrompt+" ["+s+"]")
	}
	rows = [][]string{append(head, fxGoal, fxTools, fxComment, "Team")}
	for _, p := range layoutPeople {
		rows = append(rows, append(append([]string{fmt.Sprintf("3/2/2026 9:%02d:44", p.n()), fmt.Sprintf("p%d@example.com", p.n())}, p.agree[:]...),
			p.goal, strings.Join(p.tools, ", "), p.comment, p.team))
	}
	out["google-forms.csv"] = table(rows, ",", false, "\r\n", "")

	// Microsoft Forms: ID, Start time, Completion time, Email, Name,
	// "anonymous"; a Likert question as one column per statement; multi
	// answers as "a;b;". The native download is XLSX; the CSV is that
	// workbook saved as "CSV UTF-8" (BOM, CRLF).
	head = []string{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time"}
	rows = [][]string{append(append(head, fxStatements[:]...), fxGoal, fxTools, fxComment, "Team")}
	for _, p := range layoutPeople {
		multi := ""
		for _, o := range p.tools {
			multi += o + ";"
		}
		rows = append(rows, append(append([]string{strconv.Itoa(p.n()), fmt.Sprintf("3/2/26 9:%02d", p.n()), fmt.Sprintf("3/2/26 9:%02d", p.n()+4), "anonymous", "anonymous", ""},
			p.agree[:]...), p.goal, multi, p.comment, p.team))
	}
	out["microsoft-forms.xlsx"] = xlsxBytes(t, rows)
	out["microsoft-forms.csv"] = append([]byte("\xEF\xBB\xBF"), table(rows, ",", false, "\r\n", "\r\n")...)

	// SurveyMonkey: questions over "Response" and option / matrix-row
	// labels; a multi question over one column per option.
	top := []string{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1",
		fxPrompt, "", "", "", fxGoal, fxTools, "", "", "", fxComment, "Team"}
	sub := append(append([]string{"", "", "", "", "", "", "", "", ""}, fxStatements[:]...), "Response")
	sub = append(append(sub, fxToolOpts...), "Open-Ended Response", "Response")
	rows = [][]string{top, sub}
	for _, p := range layoutPeople {
		row := []string{fmt.Sprintf("1180000%04d", p.n()), "431999", fmt.Sprintf("03/02/2026 09:%02d:10 AM", p.n()), fmt.Sprintf("03/02/2026 09:%02d:55 AM", p.n()+3),
			fmt.Sprintf("192.0.2.%d", p.n()), "", "", "", ""}
		row = append(append(row, p.agree[:]...), p.goal)
		for _, o := range fxToolOpts {
			row = append(row, map[bool]string{true: o}[p.has(o)])
		}
		rows = append(rows, append(row, p.comment, p.team))
	}
	out["surveymonkey.csv"] = table(rows, ",", false, "\r\n", "\r\n")
	out["surveymonkey.xlsx"] = xlsxBytes(t, rows)

	out["qualtrics.csv"] = qualtricsFixture()
	out["qualtrics-legacy.csv"] = qualtricsLegacyFixture()
	out["typeform.csv"] = typeformFixture()
	out["limesurvey-semicolon.csv"], out["limesurvey-comma.csv"] = limeSurveyFixtures()
	out["long.csv"] = longFixture()
	return out
}

func TestLayoutFixtures(t *testing.T) {
	files := layoutFixtures(t)
	for name, data := range files {
		path := filepath.Join(layoutsDir, name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if strings.HasSuffix(name, ".xlsx") {
			continue // zip bytes need not be stable across excelize versions
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./assess -run TestLayoutFixtures -update writes it)", err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s differs from what the generator writes; review and run go test ./assess -run TestLayoutFixtures -update", path)
		}
	}
}
