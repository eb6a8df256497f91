// Command pack writes a release archive, .tar.gz or .zip by the output's
// name, that is the same bytes for the same files: entries sorted, every
// time the commit's (SOURCE_DATE_EPOCH), owner root, no gzip name or time.
//
//	pack -o aiready_1.0.0_linux_amd64.tar.gz -dir aiready_1.0.0_linux_amd64 \
//	    aiready=build/linux_amd64/aiready README.md=README.md docs=docs
//
// Each argument is NAME=PATH: PATH (a file or a folder, taken whole) goes
// into the archive as DIR/NAME. A file that is executable on disk stays so.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type entry struct {
	name string // slash-separated, under -dir
	data []byte
	exec bool
}

func main() {
	out := flag.String("o", "", "the archive to write (.tar.gz or .zip)")
	dir := flag.String("dir", "", "the folder every entry is under")
	flag.Parse()
	if err := run(*out, *dir, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

func run(out, dir string, args []string) error {
	if out == "" || dir == "" || len(args) == 0 {
		return fmt.Errorf("usage: pack -o OUT -dir DIR NAME=PATH...")
	}
	mtime := time.Unix(0, 0).UTC()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH %q: %v", s, err)
		}
		mtime = time.Unix(n, 0).UTC()
	}
	var entries []entry
	for _, a := range args {
		name, src, ok := strings.Cut(a, "=")
		if !ok || name == "" || src == "" {
			return fmt.Errorf("%q: want NAME=PATH", a)
		}
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n := path.Join(dir, name, filepath.ToSlash(rel))
			entries = append(entries, entry{name: n, data: b, exec: info.Mode()&0o111 != 0})
			return nil
		})
		if err != nil {
			return err
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	for i := 1; i < len(entries); i++ {
		if entries[i].name == entries[i-1].name {
			return fmt.Errorf("%s: named twice", entries[i].name)
		}
	}
	var buf bytes.Buffer
	var err error
	switch {
	case strings.HasSuffix(out, ".tar.gz"):
		err = writeTarGz(&buf, entries, mtime)
	case strings.HasSuffix(out, ".zip"):
		err = writeZip(&buf, entries, mtime)
	default:
		err = fmt.Errorf("%s: want .tar.gz or .zip", out)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func mode(e entry) int64 {
	if e.exec {
		return 0o755
	}
	return 0o644
}

func writeTarGz(buf *bytes.Buffer, entries []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	dirs := map[string]bool{}
	for _, e := range entries {
		// Each folder once, before its first file, so that any tar makes
		// it with the usual permissions.
		for d := path.Dir(e.name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var names []string
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: d + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatPAX}); err != nil {
			return err
		}
	}
	for _, e := range entries {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: e.name, Mode: mode(e), Size: int64(len(e.data)), ModTime: mtime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(buf *bytes.Buffer, entries []entry, mtime time.Time) error {
	zw := zip.NewWriter(buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(fs.FileMode(mode(e)))
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
