# soc2scan — everything installs through the Go module proxy.
GO  ?= go
OPA := $(GO) tool opa

.PHONY: test bench bench-evidence lint build fuzz corpus

# Go tests, and with them every Rego rule test (rules_test.go).
test:
	$(GO) test ./...

# Benchmarks: whole scans (plans of 1,000 and 10,000 resources, manifest sets of
# 1,000 and 10,000 workloads, scanner start-up) and loading alone.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./pkg/scan/ ./pkg/load/

# Evidence: verify and the period report on a generated ledger of 1,000
# runs x 10,000 evaluations, the SQLite index on 100 runs (the ledgers,
# about 2.4 GB each, are written before timing: several minutes).
bench-evidence:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -benchtime 3x ./pkg/evidence/...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(OPA) fmt --list --fail rego policies
	$(OPA) check --strict rego policies

build:
	$(GO) build -o bin/soc2scan ./cmd/soc2scan

FUZZTIME ?= 20s

# One fuzz target at a time: go test -fuzz accepts a single target per run.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./pkg/load/tfplan/
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./pkg/load/internal/yamlvalue/
	$(GO) test -run '^$$' -fuzz '^FuzzObjects$$' -fuzztime $(FUZZTIME) ./pkg/load/kube/
	$(GO) test -run '^$$' -fuzz '^FuzzResources$$' -fuzztime $(FUZZTIME) ./pkg/load/config/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./pkg/load/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/load/tfhcl/
	$(GO) test -run '^$$' -fuzz '^FuzzVerifyLedger$$' -fuzztime $(FUZZTIME) ./pkg/evidence/
	$(GO) test -run '^$$' -fuzz '^FuzzPlansMatchOPA$$' -fuzztime $(FUZZTIME) ./pkg/engine/

# Recall and false positives of the rules on an external corpus (KICS test
# samples in ../shared/corpus, when present): figures per platform, and a
# failure below the targets (recall >= 95%, false positives <= 2%, >= 120
# queries mapped). Mappings: testdata/corpus/kics/*.yaml.
corpus:
	$(GO) test -count 1 -run '^TestCorpus$$' -v . -corpus.strict | grep -v '^=== RUN'
