package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/aiready/aiready/assess"
)

// isProject reports whether args name a project: a folder, or a file
// named assessment.toml.
func isProject(args []string) bool {
	if len(args) != 1 || args[0] == "-" {
		return false
	}
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		return true
	}
	return filepath.Base(args[0]) == "assessment.toml"
}

// loadProject reads the assessment.toml of a project folder, or the file.
func loadProject(arg string) (*assess.Project, error) {
	file := arg
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		file = filepath.Join(arg, "assessment.toml")
	}
	data, err := readFileLimit(file, assess.MaxProjectSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &hinted{fileError(file, err), "a project folder holds an assessment.toml; 'aiready init DIR' makes one"}
		}
		return nil, fileError(file, err)
	}
	return assess.LoadProject(file, data)
}
