package assess

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ReadOptions configure how answers are read.
type ReadOptions struct {
	// Columns maps a header (as written, matched after Normalize) to a
	// question id, to "QUESTION:OPTION" for a column that holds one option
	// of a multi question, to "attr:NAME" for an attribute, or to "ignore".
	Columns map[string]string
	// Format forces a layout: "csv", "xlsx", "toml", "json"; "" detects it.
	Format string
}

// Input formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
	FormatTOML = "toml"
	FormatJSON = "json"
)

// sniffSize is how much of an input is looked at to detect its format,
// its delimiter and its line ends.
const sniffSize = 64 << 10

// OpenAnswers returns a Source over one input. name is the file name used in
// positions ("stdin" for standard input). The format comes from
// opt.Format, else from the extension (.csv .tsv .txt, .xlsx, .toml,
// .json), else from the content: a zip (XLSX), a first non-space '{'
// (JSON), a [[respondent]] line (TOML), otherwise CSV.
//
// CSV and JSON are streamed: memory does not grow with the number of rows.
// XLSX is read whole (up to MaxXLSXSize), and so is native TOML (up to
// MaxNativeTOMLSize), which is meant for hand-sized sets.
//
// Every error is an *Error, or an ErrorList of them, with the file's name
// and, where the input has lines, a line and column. A Source that holds
// resources (XLSX) releases them at io.EOF or at an error; one abandoned
// early should be closed with its Close method (every Source returned here
// is an io.Closer).
func OpenAnswers(name string, r io.Reader, rb *Rubric, opt ReadOptions) (Source, error) {
	if rb == nil {
		rb = &Rubric{}
	}
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &Error{Pos: Position{File: name}, Msg: "cannot read: " + err.Error(), Err: err}
	}
	format := strings.ToLower(opt.Format)
	if format == "" {
		format = formatFromName(name)
		// A workbook saved under another name is still a workbook.
		if format == "" || bytes.HasPrefix(head, zipMagic) {
			format = sniffFormat(head)
		}
	}
	if bytes.HasPrefix(head, oleMagic) && format != FormatXLSX {
		return nil, Errorf(Position{File: name}, "this is an old Excel (.xls) or other Office binary file; save it as .xlsx or CSV UTF-8")
	}
	switch format {
	case FormatCSV, "tsv", "txt":
		return openCSV(name, br, rb, opt)
	case FormatXLSX, "xlsm":
		return openXLSX(name, br, rb, opt)
	case FormatTOML:
		return openNativeTOML(name, br, rb)
	case FormatJSON:
		return openNativeJSON(name, br, rb)
	case "xls":
		return nil, Errorf(Position{File: name}, "old Excel (.xls) files are not read; save it as .xlsx or CSV UTF-8")
	}
	return nil, Errorf(Position{File: name}, "unknown answers format %q: use csv, xlsx, toml or json", opt.Format)
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	utf8BOM  = []byte{0xEF, 0xBB, 0xBF}
)

func formatFromName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt":
		return FormatCSV
	case ".xlsx", ".xlsm":
		return FormatXLSX
	case ".toml":
		return FormatTOML
	case ".json":
		return FormatJSON
	case ".xls":
		return "xls"
	}
	return ""
}

// sniffFormat guesses a format from the first bytes of an input.
func sniffFormat(head []byte) string {
	if bytes.HasPrefix(head, zipMagic) {
		return FormatXLSX
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return FormatJSON
	}
	for line := range bytes.Lines(head) {
		// [[ respondent ]] is the same table header as [[respondent]].
		l := bytes.ReplaceAll(bytes.TrimSpace(line), []byte(" "), nil)
		l = bytes.ReplaceAll(l, []byte("\t"), nil)
		if bytes.HasPrefix(l, []byte("[[respondent]]")) {
			return FormatTOML
		}
	}
	return FormatCSV
}

// readAllLimit reads r whole, or fails when it holds more than limit bytes.
func readAllLimit(name string, r io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &Error{Pos: Position{File: name}, Msg: "cannot read: " + err.Error(), Err: err}
	}
	if int64(len(data)) > limit {
		return nil, Errorf(Position{File: name}, "%s larger than %d MB are not read", what, limit>>20)
	}
	return data, nil
}

// checkUTF8 reports a cell that is not valid UTF-8.
func checkUTF8(pos Position, s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	off := invalidUTF8Offset([]byte(s))
	return Errorf(pos, "invalid UTF-8 at byte %d of this cell; save the file as UTF-8 (in Excel: \"CSV UTF-8\")", off+1)
}
