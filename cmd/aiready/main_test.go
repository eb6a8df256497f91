package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/aiready/aiready/internal/testtool"
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
		Cmds:          map[string]func(ts *testscript.TestScript, neg bool, args []string){"append": appendFile},
		Condition:     toolCondition,
	})
}

// appendFile is the scripts' "append DST SRC": it adds SRC's text to the
// end of DST, as a person editing assessment.toml would.
func appendFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: append DST SRC")
	}
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_WRONLY, 0)
	ts.Check(err)
	_, err = f.WriteString(ts.ReadFile(args[1]))
	ts.Check(err)
	ts.Check(f.Close())
}

// toolCondition is the scripts' [tool:NAME]: true when the program is
// installed. A missing one is an error under AIREADY_REQUIRE_TOOLS=1 (CI),
// so that a script skipped for it cannot pass unnoticed there.
func toolCondition(cond string) (bool, error) {
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(name); err != nil {
		if testtool.Required() {
			return false, fmt.Errorf("%s not found, and AIREADY_REQUIRE_TOOLS=1: install poppler-utils", name)
		}
		return false, nil
	}
	return true, nil
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
