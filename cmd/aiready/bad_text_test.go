package main

// Bad-input cases of issue 15: text from inputs that reaches the terminal,
// and files from elsewhere (an earlier results.json, norms, dates, a file
// that is not a survey export). They hold control bytes, which a txtar
// file would carry badly, so they are written here; TestBadInputs runs
// them with the rest (badGenerated appends them) and checks, for every
// case, that nothing printed holds a control character (termControl).

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// termControl reports the first character of s that a terminal would act
// on instead of showing: C0 controls but tab and LF, DEL, C1 controls,
// invalid UTF-8 and bidirectional overrides; -1 if none.
func termControl(s string) int {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return i
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return i
		}
	}
	return -1
}

// hostile is text that retitles a terminal (OSC 0 ... BEL), clears it
// (CSI 2J), moves the cursor back over what was printed (BS, CR) and
// carries other controls: VT, DEL, SOH, a C1 CSI and a bidi override.
const hostile = "T\x1b]0;pwned\x07eam\x1b[2J\b\v\x7f\x01\u009b\u202e"

func badText(root string) []*badCase {
	answers := func(attr string) []byte {
		var b strings.Builder
		b.WriteString("Respondent,Role,s02,s03,h01,h02\n")
		for i := range 6 {
			b.WriteString("R" + string(rune('1'+i)) + "," + attr + ",Agree,Agree,Disagree,Agree\n")
		}
		return []byte(b.String())
	}
	return []*badCase{
		{
			name: "text-answers-lone-cr", args: []string{"score", "-q", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:3:14: a carriage return \(CR\) that ends no line, outside quotes`},
			files:  map[string][]byte{"a.csv": []byte("Respondent,Role,s02,s03,h01,h02\nR1,Lead,Agree,Agree,Disagree,Agree\nR2,Lead,Agree\rR3,Lead,Agree,Agree,Disagree,Agree\n")},
		},
		// Text that reaches the terminal: the run's own check (termControl)
		// fails any case that prints a control character; these say what
		// is printed instead.
		{
			name: "text-score-segment-escapes", args: []string{"score", "-q", "--segment", "Role", "a.csv"}, exit: 0,
			stdout: []string{`^  Role +T\\x1b\]0;pwned\\aeam\\x1b\[2J\\b\\v\\x7f\\x01\\u009b\\u202e +6 `},
			files:  map[string][]byte{"a.csv": answers(hostile)},
		},
		{
			name: "text-inspect-header-escapes", args: []string{"inspect", "a.csv"}, exit: 0,
			stdout: []string{`^  2 +R\\x1b\[2Jole\\b +attribute R\\x1b\[2Jole\\b +by header`},
			files:  map[string][]byte{"a.csv": []byte(strings.Replace(string(answers("Lead")), "Role", "R\x1b[2Jole\b", 1))},
		},
		{
			name: "text-validate-project-attribute-escapes", args: []string{"validate", "p"}, exit: 0,
			stdout: []string{`^p/a\.csv: 6 columns: 4 answer questions, 1 attributes \(R\\x1b\]0;x\\aole\)`},
			files: map[string][]byte{
				"p/assessment.toml": []byte("title = \"T\"\ninputs = [\"a.csv\"]\n"),
				"p/a.csv":           []byte(strings.Replace(string(answers("Lead")), "Role", "R\x1b]0;x\aole", 1)),
			},
		},
		{
			name: "text-answers-control-in-cell-warning", args: []string{"score", "a.csv"}, exit: 0,
			stderr: []string{`^aiready: a\.csv:2:\d+: warning: question "s02": answer "Agree\\x1b\[2J" is not`},
			files:  map[string][]byte{"a.csv": []byte("Respondent,Role,s02,s03\nR1,Lead,Agree\x1b[2J,Agree\n")},
		},
		// Files from elsewhere: an earlier results.json is held to the
		// rules of answers.
		{
			name: "earlier-previous-score-out-of-range", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: overall\.score is -1e\+308; a score is from 0 to 100$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "prev.json": earlier(`"overall": {"score": -1e308}, "dimensions": []`)},
		},
		{
			name: "earlier-history-score-above-100", args: []string{"build", "-q", "--history", "h.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: h\.json: not a results\.json that aiready wrote: dimensions\[1\]\.score is 100\.5; a score is from 0 to 100$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "h.json": earlier(`"dimensions": [{"id": "service", "score": 50}, {"id": "human", "score": 100.5}]`)},
		},
		{
			name: "earlier-previous-negative-n", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: dimensions\[0\]\.n is -3; a count is at least 0$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "prev.json": earlier(`"dimensions": [{"id": "service", "score": 50, "n": -3}]`)},
		},
		{
			name: "earlier-previous-negative-respondents", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: respondents is -1; a count is at least 0$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "prev.json": earlier(`"respondents": -1, "dimensions": []`)},
		},
		{
			name: "earlier-previous-dimension-twice", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: dimensions\[1\]: dimension "service" is listed twice$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "prev.json": earlier(`"dimensions": [{"id": "service", "score": 50}, {"id": "service", "score": 60}]`)},
		},
		{
			name: "earlier-previous-control-in-id", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: dimensions\[0\]\.id holds a control character$`},
			files:  map[string][]byte{"a.csv": answers("Lead"), "prev.json": earlier(`"dimensions": [{"id": "s\u001b[2J", "score": 50}]`)},
		},
		{
			name: "earlier-previous-date-year-3170843", args: []string{"build", "-q", "p"}, exit: 1,
			stderr: []string{`^aiready: p/\S+: (previous "p/prev\.json": )?not a results\.json that aiready wrote: date "3170843-11-07" is not a date YYYY-MM-DD$`},
			files: map[string][]byte{
				"p/assessment.toml": []byte("title = \"T\"\ninputs = [\"a.csv\"]\nprevious = \"prev.json\"\n"),
				"p/a.csv":           answers("Lead"), "p/prev.json": earlier(`"date": "3170843-11-07", "dimensions": []`)},
		},
		{
			name: "earlier-previous-250000-dimensions", args: []string{"build", "-q", "--previous", "prev.json", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: prev\.json: not a results\.json that aiready wrote: 250000 dimensions; the limit is 10000$`},
			files:  map[string][]byte{"a.csv": answers("Lead")},
			gen: map[string]func(string) error{"prev.json": func(p string) error {
				var b strings.Builder
				for i := range 250_000 {
					if i > 0 {
						b.WriteString(", ")
					}
					fmt.Fprintf(&b, `{"id": "d%d", "score": 50}`, i)
				}
				return os.WriteFile(p, earlier(`"dimensions": [`+b.String()+`]`), 0o644)
			}},
		},
		{
			name: "earlier-norms-add-score-out-of-range", args: []string{"norms", "add", "r.json"}, exit: 1,
			stderr: []string{`^aiready: r\.json: not a results\.json that aiready wrote: dimensions\[0\]\.score is 1e\+300; a score is from 0 to 100$`},
			files:  map[string][]byte{"r.json": earlier(`"respondents": 40, "dimensions": [{"id": "service", "score": 1e300, "n": 40}]`)},
		},
	}
}

// earlier is a results.json of format 1 for the people-first rubric with
// the given keys.
func earlier(keys string) []byte {
	return []byte(`{"format": 1, "rubric": {"id": "people-first", "version": "1.0.0", "sha256": ""}, ` + keys + "}\n")
}
