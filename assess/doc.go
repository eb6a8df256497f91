// Package assess is the domain of aiready: it loads a rubric, reads
// respondents' answers, scores them and aggregates the result.
//
// The stages, one file each, run in one direction:
// load rubric (rubric*.go) → read answers (read*.go, columns.go, csv.go,
// xlsx.go, native*.go)
// → score respondents and aggregate groups (score.go, aggregate.go)
// → flag and recommend (result.go). Renderers live outside this package and
// take a *Result; assess itself opens no files and knows no output format.
package assess
