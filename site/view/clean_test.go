package view

import "testing"

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, tab\tand lines\n\r\n":    "plain text, tab\tand lines\n\r\n",
		"Zoë, 東京, عربي \u202e":                "Zoë, 東京, عربي \u202e",
		"a\x1b]0;title\x07b\x1b[2Jc":          "a\uFFFD]0;title\uFFFDb\uFFFD[2Jc",
		"back\bspace\vtab\fdel\x7f\x01\x00":   "back\uFFFDspace\uFFFDtab\uFFFDdel\uFFFD\uFFFD\uFFFD",
		"c1 \u0085 \u009b csi":                "c1 \uFFFD \uFFFD csi",
		"lone\rcr, crlf\r\n, end\r":           "lone\ncr, crlf\r\n, end\n",
		"bad \xff utf-8 \xc3":                 "bad \uFFFD utf-8 \uFFFD",
		"\u00a0 no-break space stays, U+00A0": "\u00a0 no-break space stays, U+00A0",
	} {
		if got := string(Clean([]byte(in))); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	clean := []byte("nothing to do\n")
	if got := Clean(clean); &got[0] != &clean[0] {
		t.Error("Clean copied a text that needs no change")
	}
}
