package main

// Bad-input cases of issue 15: text from inputs that reaches the terminal,
// and files from elsewhere (an earlier results.json, norms, dates, a file
// that is not a survey export). They hold control bytes, which a txtar
// file would carry badly, so they are written here; TestBadInputs runs
// them with the rest (badGenerated appends them) and checks, for every
// case, that nothing printed holds a control character (termControl).

import (
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
	return []*badCase{
		{
			name: "text-answers-lone-cr", args: []string{"score", "-q", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:3:14: a carriage return \(CR\) that ends no line, outside quotes`},
			files:  map[string][]byte{"a.csv": []byte("Respondent,Role,s02,s03,h01,h02\nR1,Lead,Agree,Agree,Disagree,Agree\nR2,Lead,Agree\rR3,Lead,Agree,Agree,Disagree,Agree\n")},
		},
	}
}
