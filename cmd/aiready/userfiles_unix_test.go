//go:build unix

package main

// Processes killed with SIGKILL leave nothing behind that holds the
// answers: serve's preview folder is removed by the next run, and reading
// a large workbook writes no temporary file at all (issue 15).

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledServeLeftovers kills serve with SIGKILL: its preview folder
// (the whole report, comments included) stays, and the next aiready run
// removes it; folders that are not provably a dead serve's stay.
func TestKilledServeLeftovers(t *testing.T) {
	bin := aireadyBinary(t)
	tmp := t.TempDir()
	dir := writeProject(t, "Killed")
	env := append(os.Environ(), "TMPDIR="+tmp, "SOURCE_DATE_EPOCH=1763596800")
	cmd := exec.Command(bin, "serve", "-q", dir)
	cmd.Env = env
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serving := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "serving http://127.0.0.1:") {
				serving <- true
			}
		}
		close(serving)
	}()
	select {
	case ok := <-serving:
		if !ok {
			cmd.Wait()
			t.Fatalf("serve ended: %s", stderr.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("serve did not start")
	}
	folders, _ := filepath.Glob(filepath.Join(tmp, "aiready-serve-*"))
	if len(folders) != 1 {
		t.Fatalf("preview folders: %v", folders)
	}
	killed := folders[0]
	if _, err := os.Stat(filepath.Join(killed, "out", "report.md")); err != nil {
		t.Fatalf("no report in the preview folder: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(killed, "out", "report.md")); err != nil {
		t.Fatalf("SIGKILL left no folder to test with: %v", err)
	}
	// Folders that must stay: a user's of the same name pattern without a
	// marker, a live process's, and one whose marker names another token.
	dead := "999999"
	stay := map[string]string{
		"aiready-serve-" + dead + "-0123456789abcdef":                      "",
		"aiready-serve-" + strconv.Itoa(os.Getpid()) + "-fedcba9876543210": previewMarker(os.Getpid(), "fedcba9876543210"),
		"aiready-serve-" + dead + "-aaaaaaaaaaaaaaaa":                      previewMarker(999999, "bbbbbbbbbbbbbbbb"),
		"aiready-serve-" + dead + "-mine":                                  previewMarker(999999, "mine"),
	}
	for name, marker := range stay {
		os.MkdirAll(filepath.Join(tmp, name), 0o755)
		os.WriteFile(filepath.Join(tmp, name, "mine.txt"), []byte("mine"), 0o644)
		if marker != "" {
			os.WriteFile(filepath.Join(tmp, name, ".aiready-output"), []byte(marker), 0o644)
		}
	}
	build := exec.Command(bin, "build", "-q", "-o", filepath.Join(t.TempDir(), "out"), demoAnswers(t))
	build.Env = env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the next run: %v: %s", err, out)
	}
	if _, err := os.Lstat(killed); !os.IsNotExist(err) {
		t.Errorf("the killed serve's folder is still there after the next run: %v", err)
	}
	for name := range stay {
		if _, err := os.Stat(filepath.Join(tmp, name, "mine.txt")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestKilledXLSXRead kills a score reading a workbook whose sheet unzips
// to more than 100 MB: no temporary file of unzipped answers is ever
// written (excelize keeps the sheet in memory), so none is left.
func TestKilledXLSXRead(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 120 MB worksheet")
	}
	bin := aireadyBinary(t)
	tmp := t.TempDir()
	big := filepath.Join(t.TempDir(), "big.xlsx")
	writeBigXLSX(t, big, 120<<20)
	cmd := exec.Command(bin, "score", "-q", big)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	leftovers := func() []string {
		m, _ := filepath.Glob(filepath.Join(tmp, "*"))
		return m
	}
	var seen []string
	killedAt := ""
	deadline := time.Now().Add(4 * time.Second)
	start := time.Now()
poll:
	for {
		select {
		case <-done:
			break poll
		default:
		}
		if seen = leftovers(); len(seen) > 0 || time.Now().After(deadline) {
			cmd.Process.Signal(syscall.SIGKILL)
			killedAt = time.Since(start).Round(time.Millisecond).String()
			<-done
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Logf("killed after %s (empty: finished first)", killedAt)
	if len(seen) > 0 {
		t.Errorf("reading the workbook wrote into the temporary folder: %v", seen)
	}
	if left := leftovers(); len(left) > 0 {
		var sizes []string
		for _, f := range left {
			if st, err := os.Stat(f); err == nil {
				sizes = append(sizes, fmt.Sprintf("%s (%d MB)", filepath.Base(f), st.Size()>>20))
			}
		}
		t.Errorf("SIGKILL left in the temporary folder: %v", sizes)
	}
}

// writeBigXLSX writes a valid workbook whose first sheet unzips to about
// size bytes of rows (inline strings).
func writeBigXLSX(t *testing.T, path string, size int) {
	t.Helper()
	small := validXLSX()
	zr, err := zip.NewReader(bytes.NewReader(small), int64(len(small)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range zr.File {
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if e.Name == "xl/worksheets/sheet1.xml" {
			b := bufio.NewWriterSize(w, 1<<20)
			b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			cell := func(col string, row int, v string) string {
				return `<c r="` + col + strconv.Itoa(row) + `" t="inlineStr"><is><t>` + v + `</t></is></c>`
			}
			n := 0
			for row := 1; n < size; row++ {
				vals := []string{"Respondent", "Role", "s02", "s03"}
				if row > 1 {
					vals = []string{"R" + strconv.Itoa(row), "Lead", "Agree", "Disagree"}
				}
				line := `<row r="` + strconv.Itoa(row) + `">` + cell("A", row, vals[0]) + cell("B", row, vals[1]) + cell("C", row, vals[2]) + cell("D", row, vals[3]) + `</row>`
				b.WriteString(line)
				n += len(line)
			}
			b.WriteString(`</sheetData></worksheet>`)
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// previewMarker is the marker of serve's preview folder, as written by a
// serve of process pid (site/output/preview.go).
func previewMarker(pid int, token string) string {
	return "This folder was made by aiready serve, process " + strconv.Itoa(pid) + ", build " + token +
		", for its preview; it is removed when serve stops, or by the next aiready run if serve was killed.\n"
}
