package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/assess"
)

// markerName is the file by which aiready knows an output folder as its
// own; it lists every file aiready wrote there.
const markerName = ".aiready-output"

const markerHead = "This folder was written by aiready; it lists the files aiready wrote here.\n" +
	"aiready replaces them on the next build and never touches any other file.\n"

// writeOutput builds an output folder without ever exposing half of one:
// fill writes into a temporary folder beside out, which then replaces out
// in one rename. A failure leaves out as it was. It refuses a folder that
// aiready did not create, and never deletes a file that it did not write.
func writeOutput(out string, force bool, fill func(dir string) error) error {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fileError(parent, err)
	}
	adopt, err := checkOutput(out, force)
	if err != nil {
		return err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: parent}, Msg: "cannot write here: " + errText(err), Err: err}
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fileError(tmp, err)
	}
	if err := fill(tmp); err != nil {
		return err
	}
	files, err := listFiles(tmp)
	if err != nil {
		return fileError(tmp, err)
	}
	if err := writeMarker(tmp, files); err != nil {
		return fileError(out, err)
	}
	if adopt {
		err = moveInto(tmp, out)
	} else {
		err = swapInto(tmp, out)
	}
	if err != nil {
		return err
	}
	ok = true
	return nil
}

// checkOutput decides whether out may be replaced. adopt is set when out is
// a non-empty folder of the user's that --force lets aiready write into,
// beside the user's files.
func checkOutput(out string, force bool) (adopt bool, err error) {
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fileError(out, err)
	}
	if !st.IsDir() {
		return false, &assess.Error{Pos: assess.Position{File: out}, Msg: "is a file, not an output folder; choose another --out"}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, fileError(out, err)
	}
	if len(entries) == 0 {
		return false, nil
	}
	ours, err := readMarker(out)
	if err != nil {
		if !force {
			return false, &hinted{&assess.Error{Pos: assess.Position{File: out}, Msg: "folder exists and was not written by aiready; refusing to write into it"},
				"choose another --out, or add --force to write beside the files already there (none of them is changed)"}
		}
		return true, nil
	}
	foreign, err := foreignFiles(out, ours)
	if err != nil {
		return false, fileError(out, err)
	}
	if len(foreign) > 0 {
		return false, &hinted{&assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("holds files that aiready did not write (%s); refusing to replace the folder", summarize(foreign))},
			"move those files elsewhere, or choose another --out"}
	}
	return false, nil
}

func summarize(files []string) string {
	if len(files) > 3 {
		return strings.Join(files[:3], ", ") + fmt.Sprintf(" and %d more", len(files)-3)
	}
	return strings.Join(files, ", ")
}

func readMarker(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, markerName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	files := map[string]bool{markerName: true}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "/") {
			files[strings.TrimPrefix(line, "/")] = true
		}
	}
	return files, sc.Err()
}

func writeMarker(dir string, files []string) error {
	var b strings.Builder
	b.WriteString(markerHead)
	for _, f := range files {
		b.WriteString("/" + f + "\n")
	}
	return os.WriteFile(filepath.Join(dir, markerName), []byte(b.String()), 0o644)
}

// listFiles returns every file under dir, slash-separated and sorted.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func foreignFiles(dir string, ours map[string]bool) ([]string, error) {
	all, err := listFiles(dir)
	var foreign []string
	for _, f := range all {
		if !ours[f] {
			foreign = append(foreign, f)
		}
	}
	return foreign, err
}

// swapInto puts tmp in out's place. Where the system can exchange two
// folders in one step the old output is never missing, not even for an
// instant; elsewhere the old folder is moved aside first.
func swapInto(tmp, out string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return fileError(out, err)
		}
		return nil
	}
	if exchange(tmp, out) == nil {
		os.RemoveAll(tmp) // now the old output, every file of it ours
		return nil
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return fileError(out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return fileError(out, err)
	}
	os.RemoveAll(old)
	return nil
}

// moveInto moves each top-level entry of tmp into the user's folder out,
// refusing before it moves anything if a name is already taken.
func moveInto(tmp, out string) error {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return fileError(tmp, err)
	}
	var taken []string
	for _, e := range entries {
		if _, err := os.Lstat(filepath.Join(out, e.Name())); err == nil {
			taken = append(taken, e.Name())
		}
	}
	if len(taken) > 0 {
		return &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("already holds %s; refusing to overwrite files that aiready did not write", summarize(taken))}
	}
	for _, e := range entries {
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(out, e.Name())); err != nil {
			return fileError(out, err)
		}
	}
	return nil
}

// removeStale deletes temporary folders that an interrupted build of the
// same output left behind; they carry aiready's name pattern and nothing
// but what aiready wrote.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && st.IsDir() {
			if ours, err := readMarker(m); err == nil {
				if foreign, err := foreignFiles(m, ours); err == nil && len(foreign) == 0 {
					os.RemoveAll(m)
				}
			}
		}
	}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
