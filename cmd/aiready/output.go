package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
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
	// The process id in the name lets the next build remove this folder if
	// this process is killed at any moment, even before the marker exists.
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-")
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
	// Until the real marker replaces it, this one says whose the folder is,
	// so that the next build can remove it if this one is killed.
	if err := os.WriteFile(filepath.Join(tmp, markerName), []byte(markerHead+inProgress+strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		return writeError(out, tmp, err)
	}
	if err := fill(tmp); err != nil {
		return writeError(out, tmp, err)
	}
	files, err := listFiles(tmp)
	if err != nil {
		return fileError(tmp, err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return f == markerName })
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

// inProgress starts the marker's last line while a build fills its
// temporary folder; the process id follows.
const inProgress = "in progress: aiready process "

// removeStale deletes temporary folders that an interrupted build of the
// same output left behind: they carry aiready's name pattern and either a
// complete marker and nothing but what it lists, or the marker of a build
// in progress whose process is gone (killed while writing).
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err != nil || !st.IsDir() {
			continue
		}
		if pid, ok := tmpOwner(filepath.Base(m), base); ok {
			if pid != os.Getpid() && !processAlive(pid) {
				os.RemoveAll(m)
			}
			continue
		}
		if pid, ok := buildInProgress(m); ok {
			if pid != os.Getpid() && !processAlive(pid) {
				os.RemoveAll(m)
			}
			continue
		}
		if ours, err := readMarker(m); err == nil {
			if foreign, err := foreignFiles(m, ours); err == nil && len(foreign) == 0 {
				os.RemoveAll(m)
			}
		}
	}
}

// tmpOwner reads the id of the process that created a temporary folder
// from its name, ".BASE.tmp-PID-RANDOM".
func tmpOwner(name, base string) (int, bool) {
	rest, ok := strings.CutPrefix(name, "."+base+".tmp-")
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}

// buildInProgress reads the marker of a temporary folder still being
// filled, and the id of the process filling it.
func buildInProgress(dir string) (int, bool) {
	b, err := os.ReadFile(filepath.Join(dir, markerName))
	if err != nil || !bytes.HasPrefix(b, []byte(markerHead)) {
		return 0, false
	}
	rest, ok := bytes.CutPrefix(b[len(markerHead):], []byte(inProgress))
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(rest)))
	return pid, err == nil && pid > 0
}

// writeError names what could not be written as the file in the output
// folder (not in the temporary one), with the system's reason: a full
// disk, a quota, a read-only folder.
func writeError(out, tmp string, err error) error {
	var ae *assess.Error
	var al assess.ErrorList
	if errors.As(err, &ae) || errors.As(err, &al) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		name := out
		if rel, rerr := filepath.Rel(tmp, pe.Path); rerr == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.Join(out, rel)
		}
		return &assess.Error{Pos: assess.Position{File: name}, Msg: "cannot write: " + pe.Err.Error(), Err: err}
	}
	return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write the output: " + err.Error(), Err: err}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
