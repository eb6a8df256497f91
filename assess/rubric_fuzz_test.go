package assess

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadRubric: no input panics, and every error carries a position
// inside the file.
func FuzzLoadRubric(f *testing.F) {
	f.Add([]byte(base))
	for _, p := range []string{"testdata/rubrics/*.toml", "../rubrics/*.toml"} {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("format = 1\n[[question]]\noptions = [{label = 1}]\n"))
	f.Add([]byte("[scales.x]\npoints = [\"a\"]\n[[flag]]\n[[flag.when]]\nmin = 3\nmax = 1\n"))
	// Issue 15: nesting hidden after an inline table opened with a newline.
	f.Add([]byte(deepAfterNewlineTable(40) + base))
	f.Add([]byte("a = {\n # }\n b = [\n '''\n]\n''', { c = \"{[\" },\n ],\n}\n" + base))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := LoadRubric("f.toml", data)
		if err == nil {
			if r == nil || len(r.Levels) == 0 || len(r.Dimensions) == 0 {
				t.Fatalf("loaded without levels or dimensions: %+v", r)
			}
			return
		}
		var l ErrorList
		if !errors.As(err, &l) || len(l) == 0 {
			t.Fatalf("error is not an ErrorList: %T %v", err, err)
		}
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, e := range l {
			if e.Pos.File != "f.toml" || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("error without a position in the file: %q (%d lines)", e, lines)
			}
		}
	})
}
