// Package rubrics holds the built-in rubrics and the demo answers, embedded
// in the binary. A user's rubric file stands beside these: anything that is
// not a built-in name is read as a path.
package rubrics

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/aiready/aiready/assess"
)

//go:embed *.toml demo/*.csv
var FS embed.FS

// Default is the rubric used when none is named.
const Default = "people-first"

// DemoAnswers is the path in FS of the demo answers for the default rubric.
const DemoAnswers = "demo/people-first-demo.csv"

// Names lists the built-in rubrics.
func Names() []string {
	entries, _ := fs.Glob(FS, "*.toml")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e, ".toml"))
	}
	sort.Strings(names)
	return names
}

// Bytes returns a built-in rubric's file.
func Bytes(name string) ([]byte, error) {
	if strings.ContainsAny(name, `/\`) || path.Ext(name) != "" {
		return nil, fmt.Errorf("%q is not a built-in rubric name", name)
	}
	b, err := FS.ReadFile(name + ".toml")
	if err != nil {
		return nil, fmt.Errorf("no built-in rubric %q; built-in: %s", name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Load returns a built-in rubric, parsed and validated.
func Load(name string) (*assess.Rubric, error) {
	b, err := Bytes(name)
	if err != nil {
		return nil, err
	}
	return assess.LoadRubric(name+".toml", b)
}

// IsBuiltin reports whether name is a built-in rubric's name.
func IsBuiltin(name string) bool {
	_, err := FS.ReadFile(name + ".toml")
	return err == nil && !strings.ContainsAny(name, `/\.`)
}

// Builtins are the built-in rubrics as an assessment's plan looks them up
// (assess.Settings.Builtins).
var Builtins assess.Builtins = builtins{}

type builtins struct{}

func (builtins) IsBuiltin(name string) bool               { return IsBuiltin(name) }
func (builtins) Load(name string) (*assess.Rubric, error) { return Load(name) }
func (builtins) Names() []string                          { return Names() }
