package main

// Privacy findings of issue 15, each through `aiready build` and `score`:
// segment values that identify a person or make file names, groups
// recovered by subtraction, tiny thresholds, the logo's metadata and the
// links and HTML report.md carries.

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"html"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	gmtext "github.com/yuin/goldmark/text"
)

// demoTeamRows reads the demo answers and the index of the Team column.
func demoTeamRows(t *testing.T) (rows [][]string, team int) {
	t.Helper()
	data, err := os.ReadFile("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err = csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for j, h := range rows[0] {
		if h == "Team" {
			return rows, j
		}
	}
	t.Fatal("the demo answers have no Team column")
	return nil, 0
}

// writeRowsCSV writes rows to dir/name and returns its path.
func writeRowsCSV(t *testing.T, dir, name string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// allOutputs runs `aiready build` on in with args and `score` as text,
// JSON and CSV, and returns every output by name: each file of the build
// (by path relative to out), the PDF's text as "report.pdf (text)" when
// pdftotext is there, and "score --format F". stderr is kept as
// "build stderr".
func allOutputs(t *testing.T, in string, args ...string) map[string]string {
	t.Helper()
	return everyOutput(t, in, nil, args...)
}

// everyOutput is allOutputs with buildOnly passed to build alone.
func everyOutput(t *testing.T, in string, buildOnly []string, args ...string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run(append(append([]string{"build", "-q", "-o", out, in}, buildOnly...), args...), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, truncateForLog(stderr.String()))
	}
	texts := map[string]string{"build stderr": stderr.String()}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		texts[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command(pdftotext, "-layout", filepath.Join(out, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts["report.pdf (text)"] = string(txt)
	}
	if _, err := os.Stat(filepath.Join(out, "report.docx")); err == nil {
		texts["report.docx (text)"] = docxText(t, filepath.Join(out, "report.docx"))
	}
	for _, format := range []string{"text", "json", "csv"} {
		stdout.Reset()
		stderr.Reset()
		if code := run(append([]string{"score", "-q", "--format", format, in}, args...), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("score --format %s: exit %d: %s", format, code, truncateForLog(stderr.String()))
		}
		texts["score --format "+format] = stdout.String()
	}
	return texts
}

func truncateForLog(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

var sha256HexRE = regexp.MustCompile(`\bsha256 [0-9a-f]{64}\b`)

// TestPrivacySegmentValuesNeverFileNames: a team written as an e-mail
// address or a phone number is shown nowhere, and a 240- or
// 5,000-character team still builds, its page named by a short slug.
func TestPrivacySegmentValuesNeverFileNames(t *testing.T) {
	rows, team := demoTeamRows(t)
	long := strings.Repeat("Very long team name ", 12)[:240]
	huge := strings.Repeat("z", 5000)
	for i, r := range rows[1:] {
		switch {
		case i < 10:
			r[team] = "bob@example.com"
		case i < 20:
			r[team] = "+44 20 7946 0958"
		case i < 30:
			r[team] = long
		case i < 40:
			r[team] = huge
		case i < 50:
			r[team] = long[:200] + " B" // the same cut slug as long
		}
	}
	in := writeRowsCSV(t, t.TempDir(), "answers.csv", rows)
	texts := allOutputs(t, in, "--segment", "Team")
	pages := 0
	for name, s := range texts {
		// The marker's digests are hex: "7946" turns up in one by chance
		// (a changed stylesheet's did), and is no segment value; so it
		// does in the unrounded figures of results.json (an alpha of
		// 0.7946...). The phone number is looked for in the forms it
		// could leak in: as typed, in a slug, without its spaces.
		s = sha256HexRE.ReplaceAllString(s, "<sha256>")
		for _, secret := range []string{"bob@example.com", "7946 0958", "20 7946", "7946-0958", "7946_0958", "2079460958"} {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds %q, a segment value that is personal data", name, secret)
			}
		}
		base := filepath.Base(name)
		if strings.HasPrefix(base, "segment-team-") {
			pages++
			if len(base) > 80 {
				t.Errorf("a segment page is named by %d bytes: %s", len(base), base)
			}
		}
		if strings.Contains(name, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") || strings.Contains(name, "very-long-team-name-very-long-team-name-very") {
			t.Errorf("a file name carries the segment value: %s", name)
		}
	}
	// Long, its cut twin, huge and the rest of the demo's teams.
	if pages < 4 {
		t.Errorf("only %d segment pages: the long values got none", pages)
	}
	if len(texts["build stderr"]) > 2000 {
		t.Errorf("build wrote %d bytes to stderr", len(texts["build stderr"]))
	}
}

// complementaryCases are answers whose small groups or small cells could
// be recovered by subtraction from the total before issue 15.
func complementaryCases(t *testing.T) map[string][][]string {
	rows, team := demoTeamRows(t)
	col := map[string]int{}
	for j, h := range rows[0] {
		col[h] = j
	}
	cases := map[string][][]string{}
	// Big 20, Legal 1, Board 1: both small teams are suppressed, and the
	// total minus Big would be their mean and their answers.
	var a [][]string
	a = append(a, rows[0])
	for i, r := range rows[1:23] {
		r = append([]string(nil), r...)
		r[team] = map[bool]string{true: "Big", false: []string{"Legal", "Board"}[i%2]}[i < 20]
		a = append(a, r)
	}
	cases["Big 20, Legal 1, Board 1"] = a
	// A 10, B 10, C 5, where three of C leave s02 and the whole upskill
	// dimension unanswered: C is shown, its s02 and upskill cells are
	// not, and the total minus A and B would be their two answers.
	var b [][]string
	b = append(b, rows[0])
	for i, r := range rows[1:26] {
		r = append([]string(nil), r...)
		r[team] = string(rune('A' + min(i/10, 2)))
		if i >= 22 {
			r[col["s02"]] = ""
			for j, h := range rows[0] {
				if strings.HasPrefix(h, "u") {
					r[j] = ""
				}
			}
		}
		b = append(b, r)
	}
	cases["A 10, B 10, C 5 with 2 answers to s02 and upskill"] = b
	// Ops 30 and (not stated) 3: the people who left Team empty are a
	// group like any other.
	var c [][]string
	c = append(c, rows[0])
	for i, r := range rows[1:34] {
		r = append([]string(nil), r...)
		if i < 3 {
			r[team] = ""
		} else {
			r[team] = "Ops"
		}
		c = append(c, r)
	}
	cases["Ops 30, (not stated) 3"] = c
	return cases
}

// hiddenOK: what subtraction recovers is nobody's or at least 5 answers.
func hiddenOK(n int) bool { return n == 0 || n >= 5 }

var qMeta = regexp.MustCompile(`<p class="q-meta"><span>([^<]+)</span>(?:<span>Weight [^<]*</span>)?<span>(\d+) answers?</span>`)

// TestPrivacyComplementarySuppression: for every figure of the segments
// (their n, each dimension's n and score, each question's answer counts
// on the segment pages), the total minus the shown groups' figures is
// nobody or at least min_group_size people.
func TestPrivacyComplementarySuppression(t *testing.T) {
	for name, rows := range complementaryCases(t) {
		t.Run(name, func(t *testing.T) {
			in := writeRowsCSV(t, t.TempDir(), "answers.csv", rows)
			texts := allOutputs(t, in, "--segment", "Team")
			var res struct {
				Respondents int `json:"respondents"`
				Dimensions  []struct {
					ID string `json:"id"`
					N  int    `json:"n"`
				} `json:"dimensions"`
				Questions []struct {
					ID string `json:"id"`
					N  int    `json:"n"`
				} `json:"questions"`
				Segments []struct {
					Value      string `json:"value"`
					N          *int   `json:"n"`
					Suppressed bool   `json:"suppressed"`
					Dimensions []struct {
						ID         string   `json:"id"`
						N          int      `json:"n"`
						Score      *float64 `json:"score"`
						Suppressed bool     `json:"suppressed"`
					} `json:"dimensions"`
				} `json:"segments"`
			}
			if err := json.Unmarshal([]byte(texts["results.json"]), &res); err != nil {
				t.Fatal(err)
			}
			hidden, suppressed := res.Respondents, 0
			dimHidden := map[string]int{}
			for _, d := range res.Dimensions {
				dimHidden[d.ID] = d.N
			}
			for _, s := range res.Segments {
				if s.Suppressed {
					suppressed++
					continue
				}
				hidden -= *s.N
				for _, d := range s.Dimensions {
					if !d.Suppressed && d.Score != nil {
						dimHidden[d.ID] -= d.N
					} else if d.Suppressed {
						suppressed++
					}
				}
			}
			if suppressed == 0 {
				t.Fatal("no team and no cell is suppressed: the case tests nothing")
			}
			if !hiddenOK(hidden) {
				t.Errorf("results.json: the total minus the shown teams is %d people", hidden)
			}
			for id, n := range dimHidden {
				if !hiddenOK(n) {
					t.Errorf("results.json: dimension %s: the total's n minus the shown teams' is %d: their score is the difference", id, n)
				}
			}
			qHidden := map[string]int{}
			for _, q := range res.Questions {
				qHidden[q.ID] = q.N
			}
			pages := 0
			for file, s := range texts {
				if !strings.HasPrefix(file, "site/segment-") {
					continue
				}
				pages++
				for _, m := range qMeta.FindAllStringSubmatch(s, -1) {
					n, _ := strconv.Atoi(m[2])
					qHidden[m[1]] -= n
				}
			}
			for id, n := range qHidden {
				if !hiddenOK(n) {
					t.Errorf("segment pages: question %s: the total's answers minus the shown teams' are %d: their answer counts are the difference", id, n)
				}
			}
			t.Logf("%d segment pages; %d of %d respondents in suppressed teams", pages, hidden, res.Respondents)
		})
	}
}

// TestPrivacySmallGroupsNeedConsent: a threshold below 3 is refused
// without --allow-small-groups, from the flag or from assessment.toml;
// with it, the site's every page, report.md, the PDF and the score text
// say that groups of one or two people are shown, and results.json
// carries the threshold. At the default threshold none of them says so.
func TestPrivacySmallGroupsNeedConsent(t *testing.T) {
	rows, team := demoTeamRows(t)
	for i, r := range rows[1:] {
		r[team] = []string{"Big", "Big", "Big", "Legal", "Board"}[i%5]
	}
	rows = rows[:23]
	rows[21][team], rows[22][team] = "Solo", "Duo"
	dir := t.TempDir()
	in := writeRowsCSV(t, dir, "answers.csv", rows)
	for _, args := range [][]string{
		{"score", "--min-group-size", "1", in},
		{"score", "--min-group-size", "2", "--segment", "Team", in},
		{"build", "-o", filepath.Join(dir, "refused"), "--min-group-size", "2", in},
	} {
		var stdout, stderr bytes.Buffer
		code := run(args, nil, &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), "--allow-small-groups") || stdout.Len() > 0 {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q: want a refusal naming --allow-small-groups", args, code, stdout.Len(), stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "refused")); err == nil {
		t.Error("a refused build wrote its output folder")
	}
	proj := filepath.Join(dir, "project")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	writeRowsCSV(t, proj, "answers.csv", rows)
	toml := "title = \"Small\"\ninputs = [\"answers.csv\"]\nsegments = [\"Team\"]\nmin_group_size = 1\n"
	if err := os.WriteFile(filepath.Join(proj, "assessment.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "-o", filepath.Join(dir, "proj-out"), proj}, nil, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "--allow-small-groups") {
		t.Errorf("build of a project with min_group_size = 1: exit %d, stderr %q: want a refusal naming --allow-small-groups", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"build", "-q", "--allow-small-groups", "-o", filepath.Join(dir, "proj-out"), proj}, nil, &stdout, &stderr); code != 0 {
		t.Errorf("build of a project with min_group_size = 1 and --allow-small-groups: exit %d: %s", code, stderr.String())
	}

	for _, threshold := range []string{"1", "5"} {
		args := []string{"--segment", "Team", "--min-group-size", threshold}
		if threshold == "1" {
			args = append(args, "--allow-small-groups")
		}
		texts := allOutputs(t, in, args...)
		saying := 0
		for name, s := range texts {
			if !strings.HasPrefix(name, "site/") || !strings.HasSuffix(name, ".html") {
				if name != "report.md" && name != "report.pdf (text)" && name != "score --format text" {
					continue
				}
			}
			says := strings.Contains(strings.Join(strings.Fields(s), " "), "allow-small-groups")
			if says {
				saying++
			}
			if says != (threshold == "1") {
				t.Errorf("--min-group-size %s: %s says that small groups are shown: %v", threshold, name, says)
			}
		}
		var res struct {
			MinGroupSize int `json:"min_group_size"`
		}
		if err := json.Unmarshal([]byte(texts["results.json"]), &res); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(res.MinGroupSize) != threshold {
			t.Errorf("results.json: min_group_size %d, want %s", res.MinGroupSize, threshold)
		}
		if threshold == "1" {
			if saying < 8 {
				t.Errorf("only %d outputs say that small groups are shown", saying)
			}
			if !strings.Contains(texts["site/segment-team-solo.html"], "Solo") {
				t.Error("with --min-group-size 1, the team of one has no page: the case tests nothing")
			}
		}
	}
}

// logoSecrets are what a logo file's metadata may say of its maker.
var logoSecrets = []string{"Jane Q. Secretworth", "GPS 59.9139N 10.7522E", `C:\Users\jsecretworth\logo-final.png`}

// pngWithText is a 40 x 20 PNG carrying tEXt chunks (Author, Location,
// Source) before its end.
func pngWithText(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	iend := len(data) - 12
	var chunks []byte
	for _, kv := range [][2]string{{"Author", logoSecrets[0]}, {"Location", logoSecrets[1]}, {"Source", logoSecrets[2]}} {
		body := append([]byte(kv[0]+"\x00"), kv[1]...)
		chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
		typed := append([]byte("tEXt"), body...)
		chunk = append(chunk, typed...)
		chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(typed))
		chunks = append(chunks, chunk...)
	}
	return append(append(append([]byte(nil), data[:iend]...), chunks...), data[iend:]...)
}

// jpegWithExif is a 40 x 20 JPEG with an APP1 (Exif) segment that names
// the secrets, right after its start.
func jpegWithExif(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := []byte("Exif\x00\x00MM\x00\x2a" + strings.Join(logoSecrets, "\x00"))
	app1 := append([]byte{0xff, 0xe1}, binary.BigEndian.AppendUint16(nil, uint16(len(payload)+2))...)
	app1 = append(app1, payload...)
	data := b.Bytes()
	return append(append(append([]byte(nil), data[:2]...), app1...), data[2:]...)
}

// dataURI finds the data: URLs of images in attributes, still escaped.
var dataURI = regexp.MustCompile(`"data:image/(?:png|jpeg);base64,([^"]+)"`)

// TestPrivacyLogoMetadata: a logo's EXIF and PNG text chunks reach no
// output, while the logo itself is still on every page (so the check can
// fail).
func TestPrivacyLogoMetadata(t *testing.T) {
	rows, _ := demoTeamRows(t)
	dir := t.TempDir()
	in := writeRowsCSV(t, dir, "answers.csv", rows)
	for name, logo := range map[string][]byte{"logo.png": pngWithText(t), "logo.jpg": jpegWithExif(t)} {
		t.Run(name, func(t *testing.T) {
			for _, s := range logoSecrets {
				if !bytes.Contains(logo, []byte(s)) {
					t.Fatalf("the test logo does not carry %q", s)
				}
			}
			file := filepath.Join(dir, name)
			if err := os.WriteFile(file, logo, 0o644); err != nil {
				t.Fatal(err)
			}
			texts := everyOutput(t, in, []string{"--logo", file})
			logos := 0
			for out, s := range texts {
				if strings.HasPrefix(out, "score ") {
					continue // score takes no logo
				}
				bodies := []string{s}
				for _, m := range dataURI.FindAllStringSubmatch(s, -1) {
					b, err := base64.StdEncoding.DecodeString(html.UnescapeString(m[1]))
					if err != nil {
						t.Fatalf("%s: a data: URL that is not base64: %v", out, err)
					}
					if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
						t.Errorf("%s: the logo is not a readable image: %v", out, err)
					}
					logos++
					bodies = append(bodies, string(b))
				}
				for _, body := range bodies {
					for _, secret := range logoSecrets {
						if strings.Contains(body, secret) {
							t.Errorf("%s carries the logo's metadata %q", out, secret)
						}
					}
				}
			}
			if logos < 7 { // index, four dimensions, plan, methodology
				t.Errorf("the logo is on only %d pages", logos)
			}
		})
	}
}

// hostileMarkdown is what a rubric's or a note's Markdown may hold that
// the site never shows: dangerous links (inline, by reference and
// autolinks), remote images (tracking pixels) and raw HTML. A safe link
// is kept by both, so the check can fail.
const hostileMarkdown = `Read [the guide](javascript:alert('md-link')) or [this](data:text/html;base64,PHNjcmlwdD4=) or <javascript:alert('auto')>,
[by reference][evil] and [vb](vbscript:msgbox) but keep [the safe one](https://safe.example/ok).

A pixel ![px](https://tracker.example/pixel.gif?who=me) and ![ref pixel][pix] here, <img src=x onerror="alert('img')"> inline.

<script>alert('script')</script>

<iframe src="javascript:alert('iframe')"></iframe>

[evil]: javascript:alert('reference')
[pix]: https://tracker.example/ref.gif
`

// TestPrivacyReportMarkdownAsSite: report.md carries what the site
// shows of hostile rubric and note Markdown: no dangerous link, no image,
// no raw HTML, nothing of the tracking pixels; the safe link stays.
func TestPrivacyReportMarkdownAsSite(t *testing.T) {
	rows, _ := demoTeamRows(t)
	dir := t.TempDir()
	writeRowsCSV(t, dir, "answers.csv", rows)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"rubric", "export", "people-first"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("rubric export: exit %d: %s", code, stderr.String())
	}
	rubric := strings.Replace(stdout.String(), "description = \"\"\"\n", "description = \"\"\"\n"+hostileMarkdown+"\n", 1)
	rubric = strings.Replace(rubric, "body = \"\"\"\n", "body = \"\"\"\n"+hostileMarkdown+"\n", 1)
	if strings.Count(rubric, "tracker.example/pixel.gif") != 2 {
		t.Fatal("the hostile Markdown did not go into the rubric")
	}
	if err := os.WriteFile(filepath.Join(dir, "rubric.toml"), []byte(rubric), 0o644); err != nil {
		t.Fatal(err)
	}
	project := "title = \"Hostile\"\nrubric = \"rubric.toml\"\ninputs = [\"answers.csv\"]\n\n" +
		"[[note]]\ndimension = \"overall\"\nbody = '''\n" + hostileMarkdown + "'''\n"
	if err := os.WriteFile(filepath.Join(dir, "assessment.toml"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stderr.Reset()
	if code := run([]string{"build", "-q", "-o", out, dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(out, "site", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"tracker.example", "onerror", "<script", "<iframe", "<img"} {
		if bytes.Contains(md, []byte(s)) {
			t.Errorf("report.md holds %q", s)
		}
	}
	for name, page := range map[string][]byte{"report.md": md, "site/index.html": index} {
		if !bytes.Contains(page, []byte("https://safe.example/ok")) {
			t.Errorf("%s lost the safe link", name)
		}
	}
	// report.md as a Markdown reader sees it.
	root := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser().Parse(gmtext.NewReader(md))
	links := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links++
			if gmhtml.IsDangerousURL(n.Destination) || bytes.Contains(n.Destination, []byte("tracker")) {
				t.Errorf("report.md links to %q", n.Destination)
			}
		case *ast.AutoLink:
			if gmhtml.IsDangerousURL(n.URL(md)) {
				t.Errorf("report.md links to %q", n.URL(md))
			}
		case *ast.Image:
			t.Errorf("report.md shows an image from %q", n.Destination)
		case *ast.RawHTML, *ast.HTMLBlock:
			var raw []byte
			lines := n.Lines()
			if r, ok := n.(*ast.RawHTML); ok {
				lines = r.Segments
			}
			for i := range lines.Len() {
				seg := lines.At(i)
				raw = append(raw, seg.Value(md)...)
			}
			t.Errorf("report.md holds raw HTML: %q", raw)
		}
		return ast.WalkContinue, nil
	})
	if links < 2 { // the rubric's description and the note; the recommendation may not be in the plan
		t.Errorf("report.md holds %d links; the safe link of the rubric's description and of the note should be there", links)
	}
}
