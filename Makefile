# soc2scan — everything installs through the Go module proxy.
GO  ?= go
OPA := $(GO) tool opa

.PHONY: test bench lint build fuzz

# Go tests, and with them every Rego rule test (rules_test.go).
test:
	$(GO) test ./...

# Scan benchmarks (plan of 1,000 and 10,000 resources, scanner start-up).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./pkg/scan/

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(OPA) fmt --list --fail rego policies
	$(OPA) check --strict rego policies

build:
	$(GO) build -o bin/soc2scan ./cmd/soc2scan

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./pkg/load/tfplan/
