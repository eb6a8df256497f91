package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"
)

func versionCommand() *command {
	return &command{
		name:  "version",
		short: "print the version of aiready",
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			fmt.Fprintln(e.stdout, "aiready", version())
			return nil
		},
	}
}

// version reads the module version and VCS revision from the build info.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if rev != "" && v == "(devel)" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " " + rev + modified
	}
	return v + " " + bi.GoVersion
}
