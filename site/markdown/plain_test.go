package markdown

import "testing"

func TestPlain(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Just *one* line with `code`.", "Just one line with code."},
		{"First para\ncontinues.\n\nSecond.", "First para continues.\n\nSecond."},
		{"## Heading\n\nText.", "Heading\n\nText."},
		{"- one\n- two **bold**\n", "• one\n• two bold"},
		{"3. three\n4. four\n", "3. three\n4. four"},
		{"See [the guide](https://example.org/g) and <https://example.org>.", "See the guide (https://example.org/g) and https://example.org."},
		{"Raw <b>html</b> out.", "Raw html out."},
		{"Tom &amp; Jerry", "Tom & Jerry"},
		{"| a | b |\n|---|---|\n| 1 | 2 |\n", "a | b\n1 | 2"},
	} {
		if got := Plain(tc.in); got != tc.want {
			t.Errorf("Plain(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func FuzzPlain(f *testing.F) {
	for _, s := range []string{"- a\n  - b\n", "> q\n\n1. x", "[l](u)", "```\ncode\n```"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { _ = Plain(s) })
}

func TestInlineText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Just *one*  line with `code`.", "Just one line with code."},
		{"Two\nlines, a hard\\\nbreak.", "Two lines, a hard break."},
		{"See [the guide](https://example.org/g) and <https://example.org>.", "See the guide and https://example.org."},
		{"Raw <b>html</b> &amp; `a\nb`", "Raw html & a b"},
	} {
		root, src := Parse(tc.in)
		if got := InlineText(root.FirstChild(), src); got != tc.want {
			t.Errorf("InlineText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
