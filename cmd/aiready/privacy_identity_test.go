package main

// Identity in more forms and languages: panel ids, geopoints, time stamps
// and e-mail addresses under Spanish headers, e-mail addresses and phone
// numbers under headers that say nothing, native attributes. None of their
// values reaches an output, with or without --segment on their column,
// and such a segment is refused. The same holds for every real export
// under testdata/exports.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/xuri/excelize/v2"
)

// identityInput is one synthetic input: its file, the columns (or native
// attributes) that hold identity, and the values that must not leak.
type identityInput struct {
	name    string
	file    string
	columns []string
	secrets []string
}

// demoRows reads the demo answers: the header and 150 rows.
func demoRows(t *testing.T) [][]string {
	t.Helper()
	data, err := os.ReadFile("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// withLead writes the demo answers (without their respondent column) with
// lead columns in front; lead(i) gives row i's values (i from 1).
func withLead(t *testing.T, dir, name string, headers []string, lead func(i int) []string) (string, []string) {
	t.Helper()
	rows := demoRows(t)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	var secrets []string
	for i, row := range rows {
		cells := headers
		if i > 0 {
			cells = lead(i)
			for _, v := range cells {
				if v != "" {
					secrets = append(secrets, v)
				}
			}
		}
		if err := w.Write(append(append([]string{}, cells...), row[1:]...)); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, secrets
}

func identityInputs(t *testing.T, dir string) []identityInput {
	var ins []identityInput
	add := func(name string, headers []string, lead func(i int) []string) {
		file, secrets := withLead(t, dir, name, headers, lead)
		ins = append(ins, identityInput{name, file, headers, secrets})
	}
	// Prolific: the ids it adds to the survey link.
	add("prolific.csv", []string{"PROLIFIC_PID", "STUDY_ID", "SESSION_ID"}, func(i int) []string {
		return []string{fmt.Sprintf("5f%022x", 0xabc000+i), "64aa1234567890abcdef0123", fmt.Sprintf("sess-%08dq", 777000+i)}
	})
	// KoboToolbox: a geopoint question "location" (its cells
	// "lat lon alt precision", under a header that says nothing) and the
	// columns derived from it, with device metadata.
	add("kobo.csv", []string{"start", "deviceid", "location", "_location_latitude", "_location_longitude",
		"_location_altitude", "_location_precision", "_uuid", "_submission_time"}, func(i int) []string {
		lat, lon := fmt.Sprintf("59.91%04d", 3000+i), fmt.Sprintf("10.75%04d", 5000+i)
		return []string{fmt.Sprintf("2031-07-01T13:%02d:00.000+02:00", i%60), fmt.Sprintf("imei:35%013d", i),
			lat + " " + lon + " 123.4 4.8", lat, lon, fmt.Sprintf("%d.7", 1200+i), fmt.Sprintf("4.8%04d", 7000+i),
			fmt.Sprintf("uuid-%08d-secret", i), fmt.Sprintf("2031-07-01T14:%02d:59", i%60)}
	})
	// Google Forms in Spanish: the time stamp and the e-mail address it
	// collects, and a name and phone asked for by the form.
	add("formularios.csv", []string{"Marca temporal", "Dirección de correo electrónico", "Nombre", "Teléfono"}, func(i int) []string {
		return []string{fmt.Sprintf("1/7/2031 13:%02d:%02d", i%60, i%59), fmt.Sprintf("persona%03d@correo-secreto.example", i),
			fmt.Sprintf("Zacarías Secreto%03d", i), fmt.Sprintf("+34 6%02d %03d %03d", i%100, 100+i, 900-i)}
	})
	// Headers that say nothing: e-mail addresses (a few missing) and
	// phone numbers.
	add("unlabelled.csv", []string{"Reach me at", "Follow-up"}, func(i int) []string {
		mail := fmt.Sprintf("someone%03d@unlabelled-secret.example", i)
		if i%5 == 0 {
			mail = ""
		}
		return []string{mail, fmt.Sprintf("+47 9%02d %02d %03d", i%100, i%97, 100+i)}
	})
	// Native JSON with identity attributes beside Team and Role.
	rows := demoRows(t)
	var resp []map[string]any
	var secrets []string
	for i, row := range rows[1:] {
		attrs := map[string]any{"Role": row[1], "Team": row[2]}
		for _, kv := range [][2]string{
			{"Email", fmt.Sprintf("native%03d@json-secret.example", i)},
			{"Name", fmt.Sprintf("Nativename Secret%03d", i)},
			{"IP", fmt.Sprintf("198.51.100.%d", 1+i%250)},
			{"Mobile", fmt.Sprintf("+44 7700 9%05d", i)},
		} {
			attrs[kv[0]] = kv[1]
			secrets = append(secrets, kv[1])
		}
		answers := map[string]any{}
		for j, h := range rows[0][3:] {
			if v := row[3+j]; v != "" {
				answers[h] = v
			}
		}
		resp = append(resp, map[string]any{"id": fmt.Sprintf("native-id-%04d", i), "attributes": attrs, "answers": answers})
		secrets = append(secrets, fmt.Sprintf("native-id-%04d", i))
	}
	js, err := json.Marshal(map[string]any{"respondents": resp})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "native.json")
	if err := os.WriteFile(file, js, 0o644); err != nil {
		t.Fatal(err)
	}
	ins = append(ins, identityInput{"native.json", file, []string{"Email", "Name", "IP", "Mobile"}, secrets})
	return ins
}

// outputsOf runs build (into a fresh folder) and score in every format
// with args, and returns every output by name: the files build wrote (and
// the PDF's text, when pdftotext is there), score's standard output, and
// every standard error. ok is false when a command failed; stderr then
// says why.
func outputsOf(t *testing.T, dir string, args []string) (texts map[string]string, ok bool, stderr string) {
	t.Helper()
	texts = map[string]string{}
	ok = true
	var errs strings.Builder
	out, err := os.MkdirTemp(dir, "out")
	if err != nil {
		t.Fatal(err)
	}
	var so, se bytes.Buffer
	if code := run(append([]string{"build", "-o", out}, args...), nil, &so, &se); code != 0 {
		ok = false
	}
	texts["build (stdout)"], texts["build (stderr)"] = so.String(), se.String()
	errs.WriteString(se.String())
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		texts[p] = string(b)
		return err
	})
	if b, err := os.ReadFile(filepath.Join(out, "report.pdf")); err == nil {
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			cmd := exec.Command(pdftotext, "-layout", "-", "-")
			cmd.Stdin = bytes.NewReader(b)
			if txt, err := cmd.Output(); err == nil {
				texts["report.pdf (text)"] = string(txt)
			}
		} else if testtool.Required() {
			t.Fatal("AIREADY_REQUIRE_TOOLS=1 but pdftotext (poppler-utils) is not installed")
		}
	}
	for _, format := range []string{"text", "json", "csv"} {
		so.Reset()
		se.Reset()
		if code := run(append([]string{"score", "--format", format}, args...), nil, &so, &se); code != 0 {
			ok = false
		}
		texts["score --format "+format] = so.String()
		texts["score --format "+format+" (stderr)"] = se.String()
		errs.WriteString(se.String())
	}
	return texts, ok, errs.String()
}

// leaks lists the secrets that appear in any output.
func leaks(texts map[string]string, secrets []string) []string {
	var out []string
	for name, s := range texts {
		for _, v := range secrets {
			if strings.Contains(s, v) {
				out = append(out, fmt.Sprintf("%s holds %q", name, v))
			}
		}
	}
	return out
}

// TestPrivacyIdentityForms: every synthetic input, without --segment, with
// --segment Team, and with --segment on each identity column (refused,
// saying why): no identity value in any output.
func TestPrivacyIdentityForms(t *testing.T) {
	dir := t.TempDir()
	scanned := 0
	for _, in := range identityInputs(t, dir) {
		t.Run(in.name, func(t *testing.T) {
			texts, ok, stderr := outputsOf(t, dir, []string{"--comments", "--segment", "Team", in.file})
			if !ok {
				t.Fatalf("failed: %s", stderr)
			}
			for _, l := range leaks(texts, in.secrets) {
				t.Error(l)
			}
			for _, s := range texts {
				scanned += len(s)
			}
			for _, col := range in.columns {
				texts, ok, stderr := outputsOf(t, dir, []string{"--segment", col, in.file})
				if ok || !strings.Contains(stderr, fmt.Sprintf("aiready: --segment: segment %q: the ", col)) ||
					!strings.Contains(stderr, "which aiready never reads or shows") {
					t.Errorf("--segment %s: not refused as personal data: %s", col, stderr)
				}
				for _, l := range leaks(texts, in.secrets) {
					t.Errorf("--segment %s: %s", col, l)
				}
			}
		})
	}
	figure("privacy: identity in new forms (Prolific ids, Kobo geopoints, Spanish Google Forms, unlabelled e-mail addresses and phones, native attributes): %d bytes of outputs scanned, no identity value found; every --segment on such a column refused\n", scanned)
}

// fixtureIdentityHeaders are, squashed (lower case, letters and digits),
// the headers of the columns of the real exports that identify a person or
// a response: the test's own list, independent of the code's tables.
var fixtureIdentityHeaders = map[string]bool{
	"responseid": true, "respondentid": true, "id": true, "uuid": true, "instanceid": true, "metainstanceid": true,
	"token": true, "ipaddress": true, "ipaddr": true, "ip": true, "email": true, "emailaddress": true,
	"recipientemail": true, "recipientfirstname": true, "recipientlastname": true, "name": true,
	"firstname": true, "lastname": true, "fullname": true, "externaldatareference": true,
	"externalreference": true, "locationlatitude": true, "locationlongitude": true, "latitude": true,
	"longitude": true, "collectorid": true, "customdata": true, "customdata1": true, "networkid": true,
	"useragent": true, "deviceid": true, "subscriberid": true, "simserial": true, "phonenumber": true,
	"prolificpid": true, "studyid": true, "sessionid": true, "workerid": true, "assignmentid": true,
	"hitid": true, "participantid": true, "gpslatitude": true, "gpslongitude": true, "refurl": true,
	"referrerurl": true, "submittedby": true, "geolocation": true, "direccióndecorreoelectrónico": true,
	"nachnamedesempfängers": true, "vornamedesempfängers": true, "emailadressedesempfängers": true,
	"ipadresse": true, "externedatenreferenz": true, "breitengradderposition": true, "längengradderposition": true,
}

var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

func squashTest(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fixtureRows reads a fixture on its own: a CSV with encoding/csv (bare
// CR line ends as LF), an XLSX's first sheet with excelize.
func fixtureRows(path string, data []byte) [][]string {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		defer f.Close()
		rows, _ := f.GetRows(f.GetSheetName(0))
		return rows
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		rows = append(rows, rec)
	}
	return rows
}

// fixtureIdentity returns the identity columns' headers of a fixture's
// rows (as in its first row, for --segment), and their distinctive
// values: with a digit or an @, five characters or more, not a plain
// number of up to six digits; and every e-mail address in any cell.
func fixtureIdentity(rows [][]string) (headers []string, secrets []string) {
	if len(rows) == 0 {
		return nil, nil
	}
	cols := map[int]bool{}
	for _, row := range rows[:min(3, len(rows))] {
		for j, h := range row {
			if fixtureIdentityHeaders[squashTest(h)] {
				cols[j] = true
			}
		}
	}
	for j := range cols {
		if j < len(rows[0]) && strings.TrimSpace(rows[0][j]) != "" {
			headers = append(headers, strings.TrimSpace(rows[0][j]))
		}
	}
	plainNumber := regexp.MustCompile(`^-?\d{1,6}$`)
	seen := map[string]bool{}
	keep := func(v string) {
		v = strings.TrimSpace(v)
		if !seen[v] && len(v) >= 5 && strings.ContainsAny(v, "0123456789@") && !plainNumber.MatchString(v) {
			seen[v] = true
			secrets = append(secrets, v)
		}
	}
	for _, row := range rows[min(1, len(rows)):] {
		for j, v := range row {
			if cols[j] {
				keep(v)
			}
			for _, m := range emailLike.FindAllString(v, -1) {
				keep(m)
			}
		}
	}
	// A header row's cells (Qualtrics repeats the header names under the
	// tags) are not values.
	var out []string
	heads := map[string]bool{}
	for _, row := range rows[:min(3, len(rows))] {
		for _, h := range row {
			heads[strings.TrimSpace(h)] = true
		}
	}
	for _, v := range secrets {
		if !heads[v] {
			out = append(out, v)
		}
	}
	return headers, out
}

// fixtureRubrics are small rubrics, each with a scale question nobody
// answers and a text question on one plain header of the fixture that is
// no identity column, so that the fixture is read and scored: a few
// candidates, from the last column on.
func fixtureRubrics(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	plain := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 _.?,()/-]{0,60}$`)
	var out []string
	for j := len(rows[0]) - 1; j >= 0 && len(out) < 4; j-- {
		h := strings.TrimSpace(rows[0][j])
		if plain.MatchString(h) && !fixtureIdentityHeaders[squashTest(h)] && !strings.HasPrefix(h, "_") {
			out = append(out, tinyRubric+fmt.Sprintf("[[question]]\nid = \"t1\"\ndimension = \"d\"\ntype = \"text\"\ntext = %q\n", h))
		}
	}
	return out
}

// TestPrivacyFixtures runs every real export under testdata/exports,
// whatever files are there, with a small rubric that reads one of its
// columns, without --segment and with --segment on each identity column:
// no identity value (found by reading the file here, with encoding/csv or
// excelize and this test's own list of headers) appears in any output.
func TestPrivacyFixtures(t *testing.T) {
	var files []string
	_ = filepath.WalkDir("../../testdata/exports", func(p string, d fs.DirEntry, err error) error {
		if ext := strings.ToLower(filepath.Ext(p)); err == nil && !d.IsDir() && (ext == ".csv" || ext == ".xlsx") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/exports")
	}
	dir := t.TempDir()
	values, refused, read := 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows := fixtureRows(f, data)
		headers, secrets := fixtureIdentity(rows)
		rubrics := fixtureRubrics(rows)
		if len(rubrics) == 0 {
			t.Logf("%s: no plain header to read; skipped", f)
			continue
		}
		values += len(secrets)
		read++
		t.Run(filepath.Base(f), func(t *testing.T) {
			rb := filepath.Join(dir, "rubric.toml")
			for _, rubric := range rubrics { // the first that reads the file
				if err := os.WriteFile(rb, []byte(rubric), 0o644); err != nil {
					t.Fatal(err)
				}
				var so, se bytes.Buffer
				if run([]string{"score", "-q", "-r", rb, f}, nil, &so, &se) == 0 || !strings.Contains(se.String(), "no column matches") {
					break
				}
			}
			args := []string{"-r", rb, "--comments", f}
			texts, ok, stderr := outputsOf(t, dir, args)
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Fatalf("panic: %s", stderr)
			}
			if !ok {
				t.Logf("not scored: %s", firstLine(stderr))
			}
			for _, l := range leaks(texts, secrets) {
				t.Error(l)
			}
			for _, h := range headers {
				texts, ok, stderr := outputsOf(t, dir, append([]string{"--segment", h}, args...))
				if ok {
					t.Errorf("--segment %q: accepted", h)
				} else if strings.Contains(stderr, "never reads or shows") {
					refused++
				}
				for _, l := range leaks(texts, secrets) {
					t.Errorf("--segment %q: %s", h, l)
				}
			}
		})
	}
	figure("privacy: %d real exports scanned for %d identity values, with and without --segment on their %d refused identity columns: none found\n", read, values, refused)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
