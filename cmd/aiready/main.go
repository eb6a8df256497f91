// Command aiready scores leadership-survey answers against a rubric and
// writes an AI-adoption readiness assessment: a static site, a PDF, an
// editable Markdown report and results.json.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
