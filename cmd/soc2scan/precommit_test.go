package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the repository's pre-commit hook the way a user's
// pre-commit does (pre-commit try-repo builds it with language golang from
// this working tree) in a fresh git repository whose commit changes one
// file of a Terraform module: the module's variables file must be read,
// and only the changed file's findings reported. Skipped without
// pre-commit and git, or with -short.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hook with pre-commit")
	}
	for _, tool := range []string{"pre-commit", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	files := map[string]string{
		"infra/main.tf": `resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "data" {
  count  = var.versioned ? 1 : 0
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
		"infra/variables.tf":     "variable \"versioned\" {\n  type    = bool\n  default = false\n}\n",
		"infra/terraform.tfvars": "versioned = true\n",
		"infra/other.tf":         "resource \"aws_s3_bucket\" \"untouched\" {\n  bucket = \"untouched\"\n}\n",
	}
	for name, text := range files {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = repo
		// Keep pre-commit's cache and Go's module cache where they are,
		// so the hook builds from the local module cache.
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit"), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := run("git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	out, err := run("pre-commit", "try-repo", root, "soc2scan", "--files", "infra/main.tf", "--verbose")
	if err == nil {
		t.Fatalf("the hook passed on a bucket without encryption:\n%s", out)
	}
	if !strings.Contains(out, "AWS-S3-001") || !strings.Contains(out, "aws_s3_bucket.data") {
		t.Errorf("the hook did not report the bucket of the changed file:\n%s", out)
	}
	if strings.Contains(out, "AWS-S3-004") {
		t.Errorf("versioning enabled through terraform.tfvars was not seen: the module's variables were not read:\n%s", out)
	}
	if strings.Contains(out, "aws_s3_bucket.untouched") {
		t.Errorf("a file that did not change was reported:\n%s", out)
	}
}
