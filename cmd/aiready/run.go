package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/term"
	"github.com/spf13/pflag"
)

// Exit statuses.
const (
	exitOK    = 0
	exitData  = 1 // bad data or a failed build
	exitUsage = 2 // bad usage
)

// env is what a command may touch of the outside world; tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// command is one verb of the CLI.
type command struct {
	name     string
	args     string
	short    string
	examples string
	run      func(e *env, fs *pflag.FlagSet, args []string) error
	flags    func(fs *pflag.FlagSet)
}

func commands() []*command {
	return []*command{
		demoCommand(),
		initCommand(),
		validateCommand(),
		scoreCommand(),
		inspectCommand(),
		buildCommand(),
		serveCommand(),
		normsCommand(),
		rubricCommand(),
		questionnaireCommand(),
		planCommand(),
		versionCommand(),
	}
}

// usageError is bad usage: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	stderr = term.Writer(stderr) // nothing from an input may act on the terminal (common.go)
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := find(args[1]); c != nil {
				printCommandHelp(stdout, c, newFlagSet(c))
				return exitOK
			}
		}
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c := find(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "aiready: unknown command %q\n", args[0])
		if s := suggest(args[0]); s != "" {
			fmt.Fprintf(stderr, "hint: did you mean %q?\n", s)
		}
		fmt.Fprintln(stderr, "hint: run 'aiready help' for the list of commands")
		return exitUsage
	}
	fs := newFlagSet(c)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printCommandHelp(stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "aiready %s: %v\nhint: run 'aiready %s --help'\n", c.name, err, c.name)
		return exitUsage
	}
	return report(e, c, c.run(e, fs, fs.Args()))
}

// report prints err as the CLI's one-line errors and returns the status.
func report(e *env, c *command, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "aiready %s: %s\nhint: run 'aiready %s --help'\n", c.name, ue.msg, c.name)
		return exitUsage
	}
	for _, one := range assess.Errors(err) {
		fmt.Fprintf(e.stderr, "aiready: %s\n", term.OneLine(one.Error()))
	}
	var h *assess.Hinted
	if errors.As(err, &h) {
		fmt.Fprintf(e.stderr, "hint: %s\n", h.Hint)
	}
	return exitData
}

func find(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func suggest(name string) string {
	best, bestD := "", 3
	for _, c := range commands() {
		if d := distance(name, c.name); d < bestD {
			best, bestD = c.name, d
		}
	}
	return best
}

// distance is the Levenshtein distance, for "did you mean".
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func newFlagSet(c *command) *pflag.FlagSet {
	fs := pflag.NewFlagSet("aiready "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	if c.flags != nil {
		c.flags(fs)
	}
	return fs
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `aiready measures how ready an organisation is to adopt AI without trading away
service, people and trust: it scores survey answers against a rubric and writes
a static site, a PDF, an editable Markdown report and results.json.

Usage:
  aiready <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() { // in the order commands() lists them
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, `
Start with:
  aiready demo                       build the demo assessment and open it
  aiready score answers.csv          score a survey export with the built-in rubric

Run 'aiready help <command>' or 'aiready <command> --help' for its flags and examples.
`)
}

func printCommandHelp(w io.Writer, c *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "%s\n\nUsage:\n  aiready %s %s\n", c.short, c.name, c.args)
	if u := fs.FlagUsages(); u != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", u)
	}
	if c.examples != "" {
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(c.examples, "\n"))
	}
}
