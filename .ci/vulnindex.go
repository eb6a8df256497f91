//go:build ignore

// vulnindex turns the OSV files of the golang.org/x/vulndb module into the
// v1 database layout that govulncheck reads from a file:// URL: index/
// db.json, modules.json, vulns.json and ID/<id>.json, each also gzipped.
// It does what that module's cmd/indexdb does, with the standard library
// only: indexdb needs about 680 packages compiled, minutes on a fresh CI
// machine. Modules' "fixed" versions are left out; govulncheck then reads
// every entry of a module and decides from the entry itself.
//
//	go run .ci/vulnindex.go -vulns DIR/data/osv -out DB
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"log"
	"os"
	"path/filepath"
	"sort"
)

type entry struct {
	ID       string   `json:"id"`
	Modified string   `json:"modified"`
	Aliases  []string `json:"aliases,omitempty"`
	Affected []struct {
		Module struct {
			Path string `json:"name"`
		} `json:"package"`
	} `json:"affected"`
}

type moduleVuln struct {
	ID       string `json:"id"`
	Modified string `json:"modified"`
}

type module struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

func main() {
	vulns := flag.String("vulns", "", "folder of OSV JSON files")
	out := flag.String("out", "", "folder to write the database to")
	flag.Parse()
	if *vulns == "" || *out == "" {
		log.Fatal("usage: vulnindex -vulns DIR -out DIR")
	}
	files, err := filepath.Glob(filepath.Join(*vulns, "*.json"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no OSV files in %s", *vulns)
	}
	sort.Strings(files)
	mods := map[string]*module{}
	var index []map[string]any
	latest := ""
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		if e.Modified > latest { // RFC 3339 in UTC: text order is time order
			latest = e.Modified
		}
		v := map[string]any{"id": e.ID, "modified": e.Modified}
		if len(e.Aliases) > 0 {
			v["aliases"] = e.Aliases
		}
		index = append(index, v)
		seen := map[string]bool{}
		for _, a := range e.Affected {
			p := a.Module.Path
			if seen[p] {
				continue
			}
			seen[p] = true
			if mods[p] == nil {
				mods[p] = &module{Path: p}
			}
			mods[p].Vulns = append(mods[p].Vulns, moduleVuln{ID: e.ID, Modified: e.Modified})
		}
		write(filepath.Join(*out, "ID", e.ID+".json"), raw)
	}
	var modules []*module
	for _, m := range mods {
		sort.Slice(m.Vulns, func(i, j int) bool { return m.Vulns[i].ID < m.Vulns[j].ID })
		modules = append(modules, m)
	}
	sort.Slice(modules, func(i, j int) bool { return modules[i].Path < modules[j].Path })
	write(filepath.Join(*out, "index", "db.json"), marshal(map[string]string{"modified": latest}))
	write(filepath.Join(*out, "index", "modules.json"), marshal(modules))
	write(filepath.Join(*out, "index", "vulns.json"), marshal(index))
	log.Printf("vulnindex: %d entries, %d modules, modified %s", len(index), len(modules), latest)
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func write(name string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		log.Fatal(err)
	}
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name+".gz", z.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
