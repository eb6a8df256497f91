package assess

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MaxXLSXSize bounds an XLSX file, which is read whole: a zip needs random
// access. Survey exports are far smaller.
const MaxXLSXSize = 200 << 20

// Limits on what a workbook may unzip to, against zip bombs: in all, and
// per worksheet held in memory. They are equal so that excelize never
// unzips a sheet into a temporary file ("excelize-NNNN", the answers in
// clear) that a killed process would leave behind for good: every part
// of a workbook it reads stays in memory, within the first limit.
const (
	xlsxUnzipLimit    = 256 << 20
	xlsxUnzipXMLLimit = xlsxUnzipLimit
)

// openXLSX reads the first worksheet of a workbook: its first non-empty
// row is the header, as in CSV. Cells are read as displayed (number
// formats applied). Positions are row and column numbers.
func openXLSX(name string, r io.Reader, rb *Rubric, opt ReadOptions) (src Source, err error) {
	data, err := readAllLimit(name, r, MaxXLSXSize, "XLSX files")
	if err != nil {
		return nil, err
	}
	at := Position{File: name}
	if !bytes.HasPrefix(data, zipMagic) {
		if bytes.HasPrefix(data, oleMagic) {
			return nil, Errorf(at, "this is an old Excel (.xls) or password-protected workbook; save it unprotected as .xlsx or CSV UTF-8")
		}
		return nil, Errorf(at, "not an XLSX workbook (it is not a zip file)")
	}
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		if !hasWorkbook(zr) {
			return nil, Errorf(at, "a zip file, but not an XLSX workbook (it has no xl/workbook.xml); save it from the spreadsheet as .xlsx or CSV UTF-8")
		}
		if err := scanWorkbook(at, zr); err != nil {
			return nil, err
		}
	}
	defer func() {
		// excelize is large; a workbook it cannot handle must not crash us.
		if p := recover(); p != nil {
			src, err = nil, Errorf(at, "cannot read the workbook: %v", p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    xlsxUnzipLimit,
		UnzipXMLSizeLimit: xlsxUnzipXMLLimit,
	})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		return nil, xlsxError(at, err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		_ = f.Close()
		return nil, Errorf(at, "the workbook has no worksheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		_ = f.Close()
		return nil, xlsxError(at, err)
	}
	x := &xlsxRows{name: name, f: f, rows: rows, sheet: sheets[0]}
	return openTable(name, x, rb, opt)
}

func hasWorkbook(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/workbook.xml") {
			return true
		}
	}
	return false
}

func xlsxError(at Position, err error) *Error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		msg = "the workbook is password-protected or not an XLSX file; save it unprotected as .xlsx or CSV UTF-8"
	case strings.HasPrefix(msg, "unzip size exceeds"):
		msg = fmt.Sprintf("the workbook unzips to more than %d MB; it is not read", xlsxUnzipLimit>>20)
	default:
		msg = "not a readable XLSX workbook: " + truncate(msg, 2*MaxQuoted)
	}
	return &Error{Pos: at, Msg: msg, Err: err}
}

// xlsxRows streams a worksheet's rows.
type xlsxRows struct {
	name   string
	sheet  string
	f      *excelize.File
	rows   *excelize.Rows
	n      int // row number of the last row read
	closed bool
}

func (x *xlsxRows) read(row *tableRow) (err error) {
	if x.closed {
		return io.EOF
	}
	defer func() {
		if p := recover(); p != nil {
			err = Errorf(Position{File: x.name, Line: max(x.n, 1), Col: 1}, "cannot read the workbook: %v", p)
		}
	}()
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return &Error{Pos: Position{File: x.name, Line: x.n + 1, Col: 1}, Msg: "cannot read sheet " + truncate(x.sheet, MaxQuoted) + ": " + truncate(err.Error(), 2*MaxQuoted), Err: err}
		}
		return io.EOF
	}
	x.n++
	cells, err := x.rows.Columns()
	if err != nil {
		return &Error{Pos: Position{File: x.name, Line: x.n, Col: 1}, Msg: "cannot read sheet " + truncate(x.sheet, MaxQuoted) + ": " + truncate(err.Error(), 2*MaxQuoted), Err: err}
	}
	row.cells = append(row.cells[:0], cells...)
	row.pos = row.pos[:0]
	for j := range cells {
		row.pos = append(row.pos, Position{File: x.name, Line: x.n, Col: j + 1})
	}
	row.line = x.n
	return nil
}

func (x *xlsxRows) close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	err := x.rows.Close()
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &Error{Pos: Position{File: x.name}, Msg: "cannot close the workbook: " + err.Error(), Err: err}
	}
	return nil
}
