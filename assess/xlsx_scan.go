package assess

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Limits on what a workbook holds, checked by scanWorkbook before excelize
// reads it: excelize holds the shared strings in memory (52 million empty
// items took 6.2 GB), reads a cell whole (one of 200 MB took 2.1 GB) and
// spends time in the square of a number format's length on every cell it
// formats (a 2.4 KB workbook took 74 s). The largest workbook in
// testdata/exports unzips to 20 KB; these bounds are far above any survey.
const (
	// xlsxMaxSharedStrings bounds the distinct texts of a workbook; Excel
	// itself holds at most 1 048 576 rows.
	xlsxMaxSharedStrings = 1 << 20
	// xlsxMaxSharedElements bounds the XML elements of the shared strings
	// (rich-text runs add a few per text).
	xlsxMaxSharedElements = 4 << 20
	// xlsxMaxCell bounds one cell, as maxCSVRecord bounds a CSV field.
	xlsxMaxCell = maxCSVRecord
	// xlsxMaxTag bounds one XML tag with its attributes.
	xlsxMaxTag = 64 << 10
	// xlsxMaxCellTag bounds the tag of one cell, <c r="A1" s="3" t="s">.
	xlsxMaxCellTag = 1 << 10
	// xlsxMaxStyles bounds styles.xml, which is parsed here.
	xlsxMaxStyles = 16 << 20
	// xlsxMaxNumFmt is Excel's own limit on a number format code.
	xlsxMaxNumFmt = 255
	// xlsxMaxFormatWork bounds the sum, over the cells of the worksheets,
	// of the square of the length of the cell's number format (formats of
	// up to 32 characters count nothing): about 4 s of excelize's time.
	// It lets 100 000 cells carry a 70-character accounting format, and
	// 7 000 cells the longest format Excel allows.
	xlsxMaxFormatWork = 500_000_000
	xlsxShortNumFmt   = 32
)

// scanWorkbook reads every part of the zip once, streaming, and fails when
// the workbook passes a limit above: it unzips to more than xlsxUnzipLimit
// (whatever the zip's directory claims), a part to more than its bound, a
// cell or a tag is too long, the shared strings too many, or the number
// formats too costly.
func scanWorkbook(at Position, zr *zip.Reader) error {
	s := &xlsxScan{at: at, left: xlsxUnzipLimit}
	// The styles first: the worksheets' cells name them.
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/styles.xml") {
			if err := s.styles(f); err != nil {
				return err
			}
		}
	}
	buf := make([]byte, 64<<10)
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		x := &xmlScan{s: s, part: f.Name, inText: true}
		switch {
		case name == "xl/sharedstrings.xml":
			x.item, x.maxItems, x.maxElems, x.limit = "si", xlsxMaxSharedStrings, xlsxMaxSharedElements, xlsxUnzipXMLLimit
		case strings.HasPrefix(name, "xl/worksheets/"):
			x.item, x.cells = "c", true
		case strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels"):
		default:
			x = nil // an image or other binary part: only its size counts
		}
		if err := s.part(f, x, buf); err != nil {
			return err
		}
	}
	return nil
}

type xlsxScan struct {
	at   Position
	left int64 // bytes the rest of the workbook may unzip to
	// work[i] is what a cell of style i costs to format (a cell with no
	// style has style 0).
	work []int64
	done int64 // formatting cost so far
}

func (s *xlsxScan) errorf(format string, args ...any) error {
	return Errorf(s.at, format, args...)
}

// open returns a reader of f's unzipped bytes that fails past max bytes
// and counts them against the whole workbook's limit.
func (s *xlsxScan) open(f *zip.File, max int64) (io.ReadCloser, *limitedPart, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, s.errorf("not a readable XLSX workbook: %s: %v", truncate(f.Name, 80), err)
	}
	return rc, &limitedPart{r: rc, s: s, name: f.Name, max: max}, nil
}

var errPartLimit = errors.New("part limit")

type limitedPart struct {
	r    io.Reader
	s    *xlsxScan
	name string
	n    int64
	max  int64 // 0: none but the workbook's
	err  error
}

func (l *limitedPart) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	l.s.left -= int64(n)
	switch {
	case l.s.left < 0:
		l.err = l.s.errorf("the workbook unzips to more than %d MB; it is not read", xlsxUnzipLimit>>20)
	case l.max > 0 && l.n > l.max:
		l.err = l.s.errorf("%s unzips to more than %d MB; it is not read", truncate(l.name, 80), l.max>>20)
	}
	if l.err != nil {
		return 0, errPartLimit
	}
	return n, err
}

// part streams one part of the zip through x (nil: only counts its size).
func (s *xlsxScan) part(f *zip.File, x *xmlScan, buf []byte) error {
	var max int64
	if x != nil {
		max = x.limit
	}
	rc, r, err := s.open(f, max)
	if err != nil {
		return err
	}
	defer rc.Close()
	for {
		n, err := r.Read(buf)
		if x != nil {
			if e := x.feed(buf[:n]); e != nil {
				return e
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.err != nil {
				return r.err
			}
			return s.errorf("not a readable XLSX workbook: %s: %v", truncate(f.Name, 80), err)
		}
	}
	return nil
}

// styles reads the number formats of styles.xml and what each cell style
// costs to apply.
func (s *xlsxScan) styles(f *zip.File) error {
	rc, r, err := s.open(f, xlsxMaxStyles)
	if err != nil {
		return err
	}
	defer rc.Close()
	lengths := map[int]int{} // custom numFmtId → length of its code
	inXfs := false
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			if r.err != nil {
				return r.err
			}
			break // a malformed styles.xml is excelize's to report
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, code := -1, ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "numFmtId":
						id, _ = strconv.Atoi(a.Value)
					case "formatCode":
						code = a.Value
					}
				}
				n := len([]rune(code))
				if n > xlsxMaxNumFmt {
					return s.errorf("number format %d in xl/styles.xml is %d characters long; the limit is %d, Excel's own", id, n, xlsxMaxNumFmt)
				}
				lengths[id] = n
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id := 0
					for _, a := range t.Attr {
						if a.Name.Local == "numFmtId" {
							id, _ = strconv.Atoi(a.Value)
						}
					}
					w := int64(0)
					if n := lengths[id]; n > xlsxShortNumFmt {
						w = int64(n) * int64(n)
					}
					s.work = append(s.work, w)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	return nil
}

// cell adds the cost of formatting a cell whose tag is tag.
func (s *xlsxScan) cell(part string, tag []byte) error {
	if len(s.work) == 0 {
		return nil
	}
	style := 0
	if i := bytes.Index(tag, []byte(` s="`)); i >= 0 {
		rest := tag[i+4:]
		if j := bytes.IndexByte(rest, '"'); j >= 0 {
			style, _ = strconv.Atoi(string(rest[:j]))
		}
	}
	if style < 0 || style >= len(s.work) {
		return nil
	}
	s.done += s.work[style]
	if s.done > xlsxMaxFormatWork {
		return s.errorf("the number formats of %s would take too long to apply: too many cells carry formats longer than %d characters", truncate(part, 80), xlsxShortNumFmt)
	}
	return nil
}

// xmlScan follows an XML part byte by byte: tags, their names, the text
// between them, and for shared strings or worksheets the items (<si>,
// <c>) they hold. It does not parse XML: it bounds what a parser meets.
type xmlScan struct {
	s        *xlsxScan
	part     string
	limit    int64 // bytes this part may unzip to; 0: none of its own
	item     string
	cells    bool // a worksheet: cell tags are measured and costed
	maxItems int
	maxElems int

	inText   bool
	tagLen   int
	name     []byte // of the current tag, up to 32 bytes
	nameDone bool
	tag      []byte // the current cell tag, when cells is set
	items    int
	elems    int
	itemLen  int64 // bytes since the current item opened; -1: none open
	started  bool
}

func (x *xmlScan) feed(p []byte) error {
	if !x.started {
		x.started, x.itemLen = true, -1
	}
	for _, c := range p {
		if x.itemLen >= 0 {
			x.itemLen++
			if x.itemLen > xlsxMaxCell {
				return x.s.errorf("a cell of %s holds more than %d MB; it is not read", truncate(x.part, 80), xlsxMaxCell>>20)
			}
		}
		if x.inText {
			if c == '<' {
				x.inText, x.tagLen, x.name, x.nameDone, x.tag = false, 0, x.name[:0], false, x.tag[:0]
			}
			continue
		}
		x.tagLen++
		if x.tagLen > xlsxMaxTag {
			return x.s.errorf("an XML tag of %s runs on for more than %d KB; it is not read", truncate(x.part, 80), xlsxMaxTag>>10)
		}
		if !x.nameDone {
			switch c {
			case ' ', '\t', '\r', '\n', '>', '/':
				if len(x.name) > 0 || c != '/' {
					if err := x.opened(); err != nil {
						return err
					}
				} else {
					x.name = append(x.name, c) // a closing tag: "/si"
				}
			default:
				if len(x.name) < 32 {
					x.name = append(x.name, c)
				}
			}
		}
		if x.cells && x.isItem() {
			if len(x.tag) >= xlsxMaxCellTag {
				return x.s.errorf("a cell tag of %s is longer than %d bytes; it is not read", truncate(x.part, 80), xlsxMaxCellTag)
			}
			x.tag = append(x.tag, c)
		}
		if c == '>' {
			if x.cells && x.isItem() {
				if err := x.s.cell(x.part, x.tag); err != nil {
					return err
				}
			}
			x.inText = true
		}
	}
	return nil
}

// isItem tells whether the current tag opens an item.
func (x *xmlScan) isItem() bool {
	if !x.nameDone || x.item == "" {
		return false
	}
	n := x.name
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	return string(n) == x.item
}

// opened is called when the current tag's name is complete.
func (x *xmlScan) opened() error {
	x.nameDone = true
	if len(x.name) == 0 || x.name[0] == '/' || x.name[0] == '?' || x.name[0] == '!' {
		if x.cells && (bytes.HasSuffix(x.name, []byte("sheetData")) || bytes.HasSuffix(x.name, []byte("row"))) {
			x.itemLen = -1 // past the last cell of a row: what follows is not a cell
		}
		return nil
	}
	x.elems++
	if x.maxElems > 0 && x.elems > x.maxElems {
		return x.s.errorf("%s holds more than %d XML elements; no survey export needs that many", truncate(x.part, 80), x.maxElems)
	}
	if x.item != "" {
		n := x.name
		if i := bytes.IndexByte(n, ':'); i >= 0 {
			n = n[i+1:]
		}
		switch {
		case string(n) == x.item:
			x.items++
			x.itemLen = 0
			if x.maxItems > 0 && x.items > x.maxItems {
				return x.s.errorf("%s holds more than %d texts; no survey export has that many distinct answers", truncate(x.part, 80), x.maxItems)
			}
		case x.cells && string(n) == "row":
			x.itemLen = -1
		}
	}
	return nil
}
