// Package assess is the domain of aiready: it loads a rubric, reads
// respondents' answers, scores them and aggregates the result, and puts
// an assessment together from its project.
//
// The stages, one file each, run in one direction:
// load rubric (rubric*.go) → read answers (read*.go, columns.go, csv.go,
// xlsx.go, native*.go)
// → score respondents and aggregate groups (score.go, aggregate.go)
// → flag and recommend (result.go)
// → the consultant's judgement, the trend and the norms (judgement.go,
// trend.go, norms.go).
//
// The plan (plan*.go) runs them for one assessment: it settles a caller's
// settings over the project's assessment.toml, is the one part of the
// package that opens files, lists every file it reads, and returns the
// final Result with every step applied in one order (Plan.Result).
// Renderers live outside this package (site) and take a *Result; assess
// knows no output format.
package assess
