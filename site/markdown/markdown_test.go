package markdown

import (
	"strings"
	"testing"
)

func TestHTMLIsSafe(t *testing.T) {
	tests := []struct{ in, mustNot, must string }{
		{"<script>alert(1)</script>", "<script", "raw HTML omitted"},
		{"[x](javascript:alert(1))", "javascript:", "x"},
		{"<img src=x onerror=alert(1)>", "<img", ""},
		{"**bold** and _em_", "", "<strong>bold</strong>"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "", "<table>"},
		{"<svg onload=alert(1)>", "<svg", ""},
	}
	for _, tt := range tests {
		got := string(HTML(tt.in))
		if tt.mustNot != "" && strings.Contains(got, tt.mustNot) {
			t.Errorf("HTML(%q) = %q contains %q", tt.in, got, tt.mustNot)
		}
		if !strings.Contains(got, tt.must) {
			t.Errorf("HTML(%q) = %q lacks %q", tt.in, got, tt.must)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{"# h\n\ntext", "<script>x</script>", "[a](javascript:b)", "| a |\n|---|\n| b |", "> q\n- l\n1. n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := strings.ToLower(string(HTML(s)))
		for _, bad := range []string{"<script", `href="javascript:`, `src="javascript:`, "<iframe", "<svg", "<img src=x"} {
			if strings.Contains(got, bad) {
				t.Fatalf("HTML(%q) contains %q: %s", s, bad, got)
			}
		}
	})
}

// TestNoRemoteImages: an image would be a request to another server each
// time a page opens; its alternative text is shown instead.
func TestNoRemoteImages(t *testing.T) {
	for src, want := range map[string]string{
		"See ![the *chart*](https://example.com/pixel.png) here.": "<p>See the <em>chart</em> here.</p>\n",
		"![](data:image/png;base64,AAAA)":                         "<p></p>\n",
		"[![logo](https://x/y.png)](https://example.com)":         "<p><a href=\"https://example.com\">logo</a></p>\n",
	} {
		if got := string(HTML(src)); got != want {
			t.Errorf("%q: got %q, want %q", src, got, want)
		}
	}
}
