package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"aiready": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI stories in testdata/script, one per file.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", root)
			e.Setenv("FIXTURES", filepath.Join(root, "testdata", "exports"))
			return nil
		},
		UpdateScripts: *update,
	})
}

// TestDemoGolden keeps results.json of the demo answers byte for byte:
// every number of it is one a consultant must be able to defend, so any
// change shows up here for review (go test ./cmd/aiready -update).
func TestDemoGolden(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"score", "--format", "json", "--segment", "Role", "--segment", "Team", "../../rubrics/demo/people-first-demo.csv"}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	golden := "testdata/demo-results.golden.json"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("results.json of the demo differs from %s; review the change and run go test -update", golden)
	}
}

// TestFixturesScore runs every real export through the CLI: none panics,
// and a survey about something else is stopped with a message that says so.
func TestFixturesScore(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/exports/*/*.csv")
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/exports")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run([]string{"score", f}, nil, &out, &errb)
			if code != exitData || !bytes.Contains(errb.Bytes(), []byte(`no column matches a question of rubric "people-first"`)) {
				t.Errorf("exit %d, stderr %s", code, errb.String())
			}
			if bytes.Contains(errb.Bytes(), []byte("goroutine")) || out.Len() > 0 {
				t.Errorf("output on failure: %s %s", out.String(), errb.String())
			}
		})
	}
}
