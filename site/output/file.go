package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/aiready/aiready/assess"
)

// WriteNew writes one file whole, never over an existing file unless
// force: without it the file is created exclusively, so that a file that
// appears meanwhile is not overwritten either; with it a temporary file
// beside out replaces out in one rename. A failed write leaves nothing.
func WriteNew(out string, data []byte, force bool) error {
	if st, err := os.Stat(out); err == nil {
		if st.IsDir() {
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "is a folder; give a file name"}
		}
		if !force {
			return exists(out)
		}
	}
	if !force {
		f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return exists(out)
		}
		if err != nil {
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + ErrText(err), Err: err}
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out) // ours: created above
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + ErrText(err), Err: err}
		}
		return nil
	}
	dir, base := filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + ErrText(err), Err: err}
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + ErrText(err), Err: err}
	}
	return nil
}

func exists(out string) error {
	return &assess.Hinted{Err: &assess.Error{Pos: assess.Position{File: out}, Msg: "file exists; refusing to overwrite it"},
		Hint: "choose another --out, or add --force to replace it"}
}

// Replace writes a file beside the target and renames it into place,
// so that a failed write leaves the old file whole (a norms file).
func Replace(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return assess.FileError(file, err)
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return assess.FileError(file, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return assess.FileError(file, err)
	}
	if err := tmp.Close(); err != nil {
		return assess.FileError(file, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return assess.FileError(file, err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return assess.FileError(file, err)
	}
	return nil
}
