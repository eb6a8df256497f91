package assess

import (
	"fmt"
	"io"
	"net/netip"
	"sort"
	"strconv"
	"strings"
)

// Personal data recognised by content. A column that no header table
// names may still hold e-mail addresses, phone numbers, IP addresses or
// GPS coordinates: an export with unlabelled columns, a form whose author
// asked "How can we reach you?". Such cells must never become segment
// values, so:
//
//   - Before the column plan is fixed, the cells of every attribute
//     column named by its header are sampled: the data rows read while
//     finding the header, and more read ahead up to contentSampleRows rows
//     (and contentSampleBytes bytes), kept in tableSource.pending so that
//     they are still scored once, by the plain or the fast path. A column
//     is personal data when at least one sampled cell looks personal and
//     such cells are at least half of its non-empty sampled cells; it is
//     then dropped as the header tables drop "Email".
//   - Past the sample, and for native answers, any single attribute value
//     that looks personal is read as not stated when it would become a
//     segment value (segment.group, once per distinct value, so the fast
//     path pays nothing per row), and the attribute is named in a warning
//     (DataQuality.PersonalValues and Warnings).
//   - A --segment on a column or attribute dropped as personal data or
//     bookkeeping is refused, saying why (Scorer.refuseIdentitySegments);
//     so is one whose values are nearly all different
//     (Scorer.checkIdentifierSegments), which would list ids.

// contentSampleRows bounds the data rows sampled (and read ahead) to
// recognise personal data by content; contentSampleBytes bounds their size.
const (
	contentSampleRows  = 100
	contentSampleBytes = 1 << 20
)

// What personalValue finds, in words for messages.
const (
	holdsEmail  = "e-mail addresses"
	holdsPhone  = "phone numbers"
	holdsIP     = "IP addresses"
	holdsCoords = "GPS coordinates"
)

// personalValue tells whether a cell looks like an e-mail address (or
// holds one), a phone number, an IPv4 or IPv6 address, or GPS coordinates,
// and which; "" when it looks like none.
func personalValue(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 3 {
		return ""
	}
	if strings.IndexByte(v, '@') >= 0 && holdsEmailAddress(v) {
		return holdsEmail
	}
	digits := 0
	for i := 0; i < len(v); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			digits++
		}
	}
	if digits == 0 && strings.IndexByte(v, ':') < 0 {
		return ""
	}
	switch {
	case looksIP(v):
		return holdsIP
	case looksCoordinates(v):
		return holdsCoords
	case digits >= 7 && looksPhone(v):
		return holdsPhone
	}
	return ""
}

// holdsEmailAddress tells whether some word of v is an e-mail address:
// local@domain.tld, with a top-level domain of two or more letters.
func holdsEmailAddress(v string) bool {
	for _, w := range strings.FieldsFunc(v, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ',' || r == ';' || r == '<' || r == '>' ||
			r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '\''
	}) {
		w = strings.TrimPrefix(strings.TrimPrefix(w, "mailto:"), "MAILTO:")
		at := strings.IndexByte(w, '@')
		if at <= 0 || at != strings.LastIndexByte(w, '@') {
			continue
		}
		dom := strings.TrimSuffix(w[at+1:], ".")
		dot := strings.LastIndexByte(dom, '.')
		if dot <= 0 || strings.Contains(dom, "..") {
			continue
		}
		tld := dom[dot+1:]
		ok := len(tld) >= 2
		for _, r := range tld {
			ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f)
		}
		if ok {
			return true
		}
	}
	return false
}

// looksIP: a dotted IPv4 address or an IPv6 address (two colons at least).
func looksIP(v string) bool {
	a, err := netip.ParseAddr(v)
	if err != nil {
		return false
	}
	return a.Is4() || strings.Count(v, ":") >= 2
}

// looksCoordinates: "59.9139, 10.7522", "59.9139 10.7522 12 5" (an ODK
// geopoint: latitude, longitude, altitude, precision): two to four
// numbers, the first two a latitude and a longitude with three decimals
// or more.
func looksCoordinates(v string) bool {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' })
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for i, s := range f {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x != x {
			return false
		}
		if i < 2 {
			dot := strings.IndexByte(s, '.')
			if dot < 0 || len(s)-dot-1 < 3 {
				return false
			}
			if i == 0 && (x < -90 || x > 90) || i == 1 && (x < -180 || x > 180) {
				return false
			}
		}
	}
	return true
}

// looksPhone: seven to fifteen digits, written only with digits, spaces,
// dashes, dots, brackets and a leading +, that start with + or (, or come
// in groups of which the first starts with 0 or there are three or more,
// or in one run of 9 to 11 digits after a single 0; not a date
// (2024-01-15, 15.01.2024) and not a number with thousands separators
// (1 000 000).
func looksPhone(v string) bool {
	var groups []int
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			n++
			continue
		case c == '+' && i == 0, c == ' ', c == '-', c == '.', c == '(', c == ')':
		default:
			return false
		}
		if n > 0 {
			groups = append(groups, n)
			n = 0
		}
	}
	if n > 0 {
		groups = append(groups, n)
	}
	digits := 0
	for _, g := range groups {
		digits += g
	}
	if digits < 7 || digits > 15 {
		return false
	}
	if len(groups) == 3 && (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2 || groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4) {
		return false // a date
	}
	if len(groups) >= 2 && groups[0] <= 3 {
		thousands := true
		for _, g := range groups[1:] {
			thousands = thousands && g == 3
		}
		if thousands && v[0] != '+' && v[0] != '0' && v[0] != '(' {
			return false
		}
	}
	switch {
	case v[0] == '+' || v[0] == '(':
		return true
	case len(groups) == 1:
		// One run of digits is a phone number only with a trunk prefix
		// (0612345678); "0000401000" (a cost centre) and "4000123456" (an
		// account) are not.
		return v[0] == '0' && v[1] != '0' && digits >= 9 && digits <= 11
	case v[0] == '0' || len(groups) >= 3:
		return true
	}
	return false
}

// personalColumn tells whether column j of the sampled rows holds personal
// data by content (see the rule above), and what.
func personalColumn(rows []*tableRow, j int) string {
	n := 0
	found := map[string]int{}
	for _, r := range rows {
		v := r.cell(j)
		if v == "" {
			continue
		}
		n++
		if w := personalValue(v); w != "" {
			found[w]++
		}
	}
	k, what := 0, ""
	for _, w := range []string{holdsEmail, holdsPhone, holdsIP, holdsCoords} {
		k += found[w]
		if what == "" || found[w] > found[what] {
			what = w
		}
	}
	if k == 0 || 2*k < n {
		return ""
	}
	return what
}

// dropPersonalColumns sets aside the attribute columns (named by their
// header, not by a mapping) whose sampled cells hold personal data, and
// notes what every identity or bookkeeping column holds (Column.holds).
// plans, hs and the rows' cells are by physical column (Column.Index); a
// long file's question names, listed as columns of the question column,
// are left alone.
func dropPersonalColumns(cols []Column, plans []colPlan, hs []headerCell, layout string, rows []*tableRow) {
	for i := range cols {
		c := &cols[i]
		j := c.Index
		if j < 0 || j >= len(hs) || j >= len(plans) || hs[j].text != c.Header {
			continue
		}
		switch {
		case c.Kind == ColumnIdentity || c.Kind == ColumnIgnored && c.How == "metadata":
			if c.holds == "" {
				for _, t := range append([]string{hs[j].text}, hs[j].alts...) {
					if kind, what := identityOf(t, layout); kind != identNone {
						c.holds = what
						break
					}
				}
			}
		case c.Kind == ColumnAttribute && c.How == "header" && plans[j].attr == c.Attr:
			if what := personalColumn(rows, j); what != "" {
				*c = Column{Index: c.Index, Header: c.Header, Kind: ColumnIdentity, How: "content",
					Why: "personal data: its cells look like " + what + ", not read", holds: what}
				plans[j] = colPlan{q: -1}
			}
		}
	}
}

// sampleRows reads rows ahead into s.pending, up to contentSampleRows
// data rows and contentSampleBytes bytes, when some column would be an
// attribute: the sample dropPersonalColumns looks at. The end of the input
// or a read error is kept in s.readErr, for Next to return in its turn.
func (s *tableSource) sampleRows() {
	need := false
	for _, p := range s.plans {
		need = need || p.attr != ""
	}
	if !need {
		return
	}
	s.readAhead(contentSampleRows, contentSampleBytes)
}

// readAhead reads rows into pending until it holds n rows that are not
// blank or their cells hold size bytes, or the input ends. The source
// reads them first, so nothing is lost or read twice, and memory stays
// bounded. A read error is kept for Next to return in its turn, after
// the rows before it.
func (s *tableSource) readAhead(n, size int) {
	if s.readErr != nil {
		return
	}
	have := 0
	for _, r := range s.pending {
		for _, c := range r.cells {
			have += len(c)
		}
	}
	for len(s.pending) < n && have < size {
		row := &tableRow{}
		if err := s.rr.read(row); err != nil {
			s.readErr = err
			if cr, ok := s.rr.(*csvRows); ok && err != io.EOF {
				cr.t.keep, cr.t.tail = false, nil // the plain path reports it, in its turn
			}
			return
		}
		if row.blank() {
			continue
		}
		for _, c := range row.cells {
			have += len(c)
		}
		s.pending = append(s.pending, row)
	}
}

// personalReporter is a source that drops attributes by name or value
// (the native readers).
type personalReporter interface {
	// personalAttrs returns the attributes dropped by name, with what
	// they hold, and the attributes some of whose values were dropped.
	personalAttrs() (byName map[string]string, byValue []string)
}

// attrFilter drops the attributes of native answers that name personal
// data, ids or time stamps ("Email", "Timestamp"), and values that look
// like personal data.
type attrFilter struct {
	byName  map[string]string
	byValue map[string]bool
	ok      map[string]bool // names looked up and kept
}

// keep tells whether attribute name with value v may be kept.
func (f *attrFilter) keep(name, v string) bool {
	if _, dropped := f.byName[name]; dropped {
		return false
	}
	if !f.ok[name] {
		// Bookkeeping names other than time stamps ("Status") may well be
		// attributes in a file written on purpose: only those are kept.
		if kind, what := identityOf(name, ""); kind == identID || kind == identPersonal || what == "time stamps" {
			if f.byName == nil {
				f.byName = map[string]string{}
			}
			f.byName[name] = what
			return false
		}
		if f.ok == nil {
			f.ok = map[string]bool{}
		}
		if len(f.ok) < 1024 {
			f.ok[name] = true
		}
	}
	if personalValue(v) != "" {
		if f.byValue == nil {
			f.byValue = map[string]bool{}
		}
		f.byValue[name] = true
		return false
	}
	return true
}

func (f *attrFilter) personalAttrs() (map[string]string, []string) {
	var vals []string
	for k := range f.byValue {
		vals = append(vals, k)
	}
	sort.Strings(vals)
	return f.byName, vals
}

// segmentNames tells whether a segment asked for names a column or
// attribute: after Normalize, or after squashing ("PROLIFIC_PID" and
// "prolific pid").
func segmentNames(seg, name string) bool {
	return Normalize(seg) == Normalize(name) || identKey(seg) != "" && identKey(seg) == identKey(name)
}

// refusedSegment is the error for a segment on a column never read.
func refusedSegment(seg, column, holds string) *Error {
	if holds == "" {
		holds = "personal data"
	}
	what := "column"
	if column == "" {
		column, what = seg, "attribute"
	}
	return &Error{Pos: Position{File: "--segment"}, Msg: fmt.Sprintf(
		"segment %q: the %s %q holds %s, which aiready never reads or shows; segment by an attribute such as a team or a role",
		seg, what, column, holds)}
}

// SegmentRefused is the error `aiready score --segment attr` stops with
// when a column headed attr, in an export laid out by layout (one of
// Layouts; "" for any file), is set aside as respondent ids, personal data
// or a survey tool's bookkeeping ("Email", "Status", KoboToolbox's
// "start"); nil when such a column is read as the attribute.
// `aiready questionnaire` asks it before writing a segment question
// whose answers would come back in that column.
func SegmentRefused(attr, layout string) error {
	if kind, holds := identityOf(attr, layout); kind != identNone {
		return refusedSegment(attr, "", holds)
	}
	return nil
}

// refuseIdentitySegments refuses the segments that name a column set
// aside as personal data or bookkeeping.
func (s *Scorer) refuseIdentitySegments(cols []Column) error {
	var errs ErrorList
	for _, sg := range s.segs {
		for _, c := range cols {
			if c.Kind != ColumnIdentity && !(c.Kind == ColumnIgnored && c.How == "metadata") {
				continue
			}
			if segmentNames(sg.attr, c.Header) {
				holds := c.holds
				if holds == "" {
					_, holds = identityOf(c.Header, "")
				}
				errs = append(errs, refusedSegment(sg.attr, c.Header, holds))
				break
			}
		}
	}
	return errs.Err()
}

// refusePersonalAttrs refuses the segments on attributes a native source
// dropped by name, and notes those some of whose values it dropped.
func (s *Scorer) refusePersonalAttrs(src Source) error {
	pr, ok := src.(personalReporter)
	if !ok {
		return nil
	}
	byName, byValue := pr.personalAttrs()
	var errs ErrorList
	for _, sg := range s.segs {
		names := make([]string, 0, len(byName))
		for n := range byName {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if segmentNames(sg.attr, n) {
				errs = append(errs, refusedSegment(sg.attr, "", byName[n]))
				break
			}
		}
		for _, n := range byValue {
			if segmentNames(sg.attr, n) {
				sg.personal = true
			}
		}
	}
	return errs.Err()
}

// Identifier-like segments: refused when at least identifierMinStated
// respondents state a value and more than half of them have a value no
// one else has. Its suppressed groups would list every value.
const identifierMinStated = 10

// checkIdentifierSegments refuses the segments whose values are nearly all
// different.
func (s *Scorer) checkIdentifierSegments() ErrorList {
	var errs ErrorList
	notStated := Normalize(NotStated)
	for _, sg := range s.segs {
		stated, single := 0, 0
		for _, g := range sg.order {
			if g.norm == notStated {
				continue
			}
			stated += g.n
			if g.n == 1 {
				single++
			}
		}
		if stated >= identifierMinStated && 2*single > stated {
			errs = append(errs, &Error{Pos: Position{File: "--segment"}, Msg: fmt.Sprintf(
				"segment %q: its values are nearly all different (%d of the %d respondents who state one have a value no one else has): it looks like an identifier, and aiready does not list identifiers; segment by an attribute that people share, such as a team or a role",
				sg.attr, single, stated)})
		}
	}
	return errs
}

// personalSegments lists, sorted, the segment attributes some of whose
// values were read as not stated because they looked like personal data.
func (s *Scorer) personalSegments() []string {
	var out []string
	for _, sg := range s.segs {
		if sg.personal {
			out = append(out, sg.attr)
		}
	}
	sort.Strings(out)
	return out
}

// personalWarnings says which segments had values read as not stated
// because they looked like personal data (DataQuality.Warnings).
func (s *Scorer) personalWarnings() []*Error {
	var out []*Error
	for _, a := range s.personalSegments() {
		out = append(out, &Error{Pos: Position{File: "--segment"}, Msg: fmt.Sprintf(
			"segment %q: some values look like e-mail addresses, phone numbers, IP addresses or GPS coordinates; they are personal data, shown nowhere, and counted as not stated", a)})
	}
	return out
}
