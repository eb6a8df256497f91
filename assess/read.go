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
	// In the long layout it maps question names the same way.
	Columns map[string]string
	// Values recodes raw answers for every question: raw value (matched
	// after Normalize) → the answer it stands for; the answer "skip"
	// makes the value missing. QValues does the same for one question
	// (keyed by question id) and wins over Values.
	Values  map[string]string
	QValues map[string]map[string]string
	// MapFile is the file Columns and Values come from (assessment.toml
	// or a --map file), named in messages about them.
	MapFile string
	// Format forces a container ("csv", "xlsx", "toml", "json"), a layout
	// (one of Layouts: "google-forms", "qualtrics", "long", ...), or
	// neither (""): what is not forced is detected.
	Format string

	// lenient keeps reading past matching problems (inspect).
	lenient bool
}

// Excluder is implemented by sources that leave responses out, such as
// Qualtrics survey previews and spam. Excluded counts them by reason
// ("preview", "spam"); it is complete once Next has returned io.EOF.
type Excluder interface {
	Excluded() map[string]int
}

// Exclusion reasons.
const (
	ExcludedPreview = "preview"
	ExcludedSpam    = "spam"
)

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
	format, layout, ok := parseFormat(opt.Format)
	if !ok {
		return nil, Errorf(Position{File: name}, "unknown answers format %q: use one of %s", opt.Format, formatNames())
	}
	switch {
	case layout != "" && bytes.HasPrefix(head, zipMagic):
		format = FormatXLSX
	case layout != "":
		format = FormatCSV
	case format == "":
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
		src, err := openNativeTOML(name, br, rb)
		return withRecoding(src, err, rb, opt, name)
	case FormatJSON:
		src, err := openNativeJSON(name, br, rb)
		return withRecoding(src, err, rb, opt, name)
	case "xls":
		return nil, Errorf(Position{File: name}, "old Excel (.xls) files are not read; save it as .xlsx or CSV UTF-8")
	}
	return nil, Errorf(Position{File: name}, "unknown answers format %q: use one of %s", opt.Format, formatNames())
}

// withRecoding wraps a native source in the [values] recoding, if any.
func withRecoding(src Source, err error, rb *Rubric, opt ReadOptions, name string) (Source, error) {
	if err != nil {
		return nil, err
	}
	rec, err := newRecoder(rb, opt, "", name)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return src, nil
	}
	return &recodedSource{Source: src, rec: rec, rb: rb}, nil
}

// LayoutOf tells the layout a source was read in (one of Layouts), or
// the native format ("toml", "json").
func LayoutOf(src Source) string {
	switch s := src.(type) {
	case *tableSource:
		return s.layout.name
	case *longSource:
		return LayoutLong
	case *recodedSource:
		return LayoutOf(s.Source)
	case *tomlAnswers:
		return FormatTOML
	case *jsonAnswers:
		return FormatJSON
	}
	return ""
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
