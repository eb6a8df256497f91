package mdreport

import "testing"

// TestEmbedLinks: links and images come out as the site shows them, and
// a block without any keeps its source byte for byte.
func TestEmbedLinks(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"dangerous inline", "see [x](javascript:alert(1)) now", "see x now"},
		{"data", "[d](data:text/html,hi) and [p](data:image/png;base64,AA)", "d and [p](<data:image/png;base64,AA>)"},
		{"safe kept", "a [*b*](https://e.example/x_y \"T\") c", "a [*b*](<https://e.example/x_y> \"T\") c"},
		{"reference", "[r][1] x\n\n[1]: https://e.example/", "[r](<https://e.example/>) x"},
		{"bad reference", "[r][1]\n\n[1]: javascript:x()", "r"},
		{"image", "an ![alt *text*](https://t.example/p.gif) here", "an alt *text* here"},
		{"autolinks", "<https://e.example/> <javascript:x> <a@b.example>", "<https://e.example/> javascript:x <a@b.example>"},
		{"code and escapes", "`[x](javascript:y)` \\*not\\* [l](vbscript:z)", "`[x](javascript:y)` \\*not\\* l"},
		{"two lines", "> [a](javascript:x)\n> b [c](https://e.example/)", "> a\n> b [c](<https://e.example/>)"},
		{"table", "| a | b |\n| - | - |\n| [x](javascript:y) ![i](https://t.example/p) | [s](https://e.example/a) |",
			"| a | b |\n| - | - |\n| x i | [s](<https://e.example/a>) |"},
		{"list", "- item [x](javascript:y)\n  - nested ![i](https://t.example/p)", "- item x\n  - nested i"},
		{"untouched", "_x_ and __y__\nnext line", "_x_ and __y__\nnext line"},
	} {
		if got, _ := embed(c.src, 3); got != c.want {
			t.Errorf("%s: embed(%q) = %q, want %q", c.name, c.src, got, c.want)
		}
	}
}
