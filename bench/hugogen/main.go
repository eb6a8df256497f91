// Command hugogen writes the Hugo peer of aiready's site for bench/run: a
// Hugo project with one page per team (as many as `perf site` writes),
// each drawing the team's 32 answer distributions as SVG bars from its
// front matter with Hugo templates, the stylesheet inline, a navigation
// bar and a table of dimension scores: the work of aiready's segment
// pages, done the Hugo way.
//
//	go run ./bench/hugogen -teams 2000 -o /tmp/hugo-site && hugo -s /tmp/hugo-site
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const layout = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<style>{{ partialCached "style.css" . | safeCSS }}</style></head>
<body><nav><a href="/">Overview</a>{{ range .Params.dims }} <a href="/">{{ .title }}</a>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>
<table class="dims"><thead><tr><th>Dimension</th><th>This group</th><th>n</th></tr></thead><tbody>
{{ range .Params.dims }}<tr><th scope="row">{{ .title }}</th><td class="num">{{ printf "%.1f" .score }}</td><td>{{ .count }}</td></tr>
{{ end }}</tbody></table>
{{ range $i, $q := .Params.questions }}
<article class="question"><h4>{{ $q.text }}</h4>
{{ $n := 0 }}{{ range $q.counts }}{{ $n = add $n . }}{{ end }}
<svg class="chart divbar" viewBox="0 0 1000 40" role="img" aria-labelledby="q{{ $i }}-t"><title id="q{{ $i }}-t">Answers of {{ $n }} respondents</title>
{{ $x := 0.0 }}{{ range $j, $c := $q.counts }}{{ $w := div (mul (float $c) 1000.0) (float $n) }}<rect x="{{ printf "%.1f" $x }}" y="6" width="{{ printf "%.1f" $w }}" height="28" fill="{{ index $.Params.fills $j }}"/>
{{ if ge $w 40.0 }}<text x="{{ printf "%.1f" (add $x (div $w 2)) }}" y="25.5" text-anchor="middle">{{ math.Round (mul (div (float $c) (float $n)) 100) }}%</text>
{{ end }}{{ $x = add $x $w }}{{ end }}<line class="b-mid" x1="500" y1="0" x2="500" y2="6"/></svg>
<ul class="key">{{ range $j, $c := $q.counts }}<li><svg class="sw" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="{{ index $.Params.fills $j }}"/></svg>{{ index $.Params.labels $j }} <b>{{ math.Round (mul (div (float $c) (float $n)) 100) }}%</b> <span class="muted">({{ $c }})</span></li>
{{ end }}</ul></article>
{{ end }}</main></body></html>
`

func main() {
	teams := flag.Int("teams", 2000, "pages (one per team)")
	out := flag.String("o", "hugo-site", "folder to write the Hugo project into")
	css := flag.String("css", "templates/style.css", "the stylesheet to inline, as aiready does")
	flag.Parse()
	if err := write(*out, *teams, *css); err != nil {
		fmt.Fprintln(os.Stderr, "hugogen:", err)
		os.Exit(1)
	}
}

func write(out string, teams int, cssFile string) error {
	css, err := os.ReadFile(cssFile)
	if err != nil {
		return err
	}
	files := map[string]string{
		"hugo.toml": "baseURL = \"/\"\ntitle = \"Teams\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"404\", \"robotsTXT\"]\n" +
			"[markup.goldmark.renderer]\nunsafe = true\n",
		"layouts/_default/single.html": layout,
		"layouts/_default/list.html":   "<!DOCTYPE html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>\n",
		"layouts/partials/style.css":   string(css),
	}
	for name, body := range files {
		if err := writeFile(filepath.Join(out, name), body); err != nil {
			return err
		}
	}
	for t := range teams {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: \"Team: Team %04d\"\n", t)
		b.WriteString("fills: [\"#b3541e\", \"#e59a6f\", \"#d9d9d9\", \"#7aa6d6\", \"#2b5d9b\"]\n")
		b.WriteString("labels: [\"Strongly disagree\", \"Disagree\", \"Neither\", \"Agree\", \"Strongly agree\"]\n")
		b.WriteString("dims:\n")
		for d, name := range []string{"Service", "Humans", "Skills", "Long view"} {
			fmt.Fprintf(&b, "  - {title: \"%s\", score: %d.%d, count: 5}\n", name, 40+(t+d*7)%40, t%10)
		}
		b.WriteString("questions:\n")
		for q := range 32 {
			c := func(k int) int { return (t*7 + q*3 + k*5) % 4 }
			fmt.Fprintf(&b, "  - {text: \"Question %d\", counts: [%d, %d, %d, %d, %d]}\n", q+1, 1+c(0), c(1), 1+c(2), c(3), 1+c(4))
		}
		b.WriteString("---\n")
		if err := writeFile(filepath.Join(out, "content", "teams", fmt.Sprintf("team-%04d.md", t)), b.String()); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(name, body string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(body), 0o644)
}
