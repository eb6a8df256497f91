package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/aiready/aiready/site/view"
)

// finish writes godocx's package again so that its bytes depend on the
// report alone: godocx's template carries core properties of its own
// (creator "gomutex", a date of 2013) and a thumbnail of its demo, and
// stamps every entry with 1970, which a zip's DOS time cannot hold. Here
// the core properties are the report's (its title, consultancy and date,
// which SOURCE_DATE_EPOCH fixes as for every output), the thumbnail is
// gone, and every entry carries the report's date, in godocx's order.
func finish(w io.Writer, pkg []byte, rep *view.Report) error {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return fmt.Errorf("report.docx: %w", err)
	}
	date := rep.Meta.Date.UTC()
	if date.Before(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == "docProps/thumbnail.jpeg" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("report.docx: %w", err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("report.docx: %w", err)
		}
		switch f.Name {
		case "docProps/core.xml":
			data = coreXML(rep, date)
		case "_rels/.rels":
			data = thumbRel.ReplaceAll(data, nil)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: date})
		if err != nil {
			return fmt.Errorf("report.docx: %w", err)
		}
		if _, err := fw.Write(data); err != nil {
			return fmt.Errorf("report.docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("report.docx: %w", err)
	}
	_, err = w.Write(out.Bytes())
	return err
}

var thumbRel = regexp.MustCompile(`<Relationship [^>]*Target="docProps/thumbnail\.jpeg"[^>]*?(/>|></Relationship>)`)

// coreXML is the document's core properties: its title, the consultancy
// as its author, and the report's date.
func coreXML(rep *view.Report, date time.Time) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(norm(s)))
		return b.String()
	}
	title := rep.Meta.Title
	if title == "" {
		title = rep.Rubric.Title
	}
	d := date.Format("2006-01-02T15:04:05Z")
	return fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>%s</dc:title>
<dc:creator>%s</dc:creator>
<dc:description>aiready</dc:description>
<dc:language>%s</dc:language>
<cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>
</cp:coreProperties>
`, esc(title), esc(rep.Meta.Consultancy), esc(rep.Meta.Lang), d, d)
}
