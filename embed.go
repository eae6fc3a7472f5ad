// Package soc2scan embeds the built-in SOC 2 rule library: the rules under
// policies/ and the shared Rego library under rego/. The scanner itself lives
// in pkg/scan; the command line in cmd/soc2scan.
package soc2scan

import "embed"

//go:generate go run ./internal/ruledocs/gendocs

// Rules holds policies/ and rego/, tests included (the engine skips files
// ending in _test.rego).
//
//go:embed policies rego
var Rules embed.FS
