package evidence

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os/exec"
	"strings"
	"time"
)

// provenance says where the scanned configuration came from: git in
// workDir first, then the CI's variables, which win (a CI checkout is often
// a detached HEAD without the branch name).
func provenance(workDir string, env func(string) string) Source {
	var s Source
	if workDir != "" {
		s = fromGit(workDir)
	}
	if env == nil {
		return s
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	switch {
	case env("GITHUB_ACTIONS") == "true" || env("GITHUB_RUN_ID") != "":
		s.CI = "github-actions"
		set(&s.Repository, env("GITHUB_REPOSITORY"))
		set(&s.Commit, env("GITHUB_SHA"))
		set(&s.Ref, env("GITHUB_REF"))
		set(&s.Actor, env("GITHUB_ACTOR"))
		if server, id := env("GITHUB_SERVER_URL"), env("GITHUB_RUN_ID"); server != "" && id != "" && env("GITHUB_REPOSITORY") != "" {
			s.RunURL = strings.TrimSuffix(server, "/") + "/" + env("GITHUB_REPOSITORY") + "/actions/runs/" + id
		}
	case env("GITLAB_CI") == "true" || env("CI_JOB_URL") != "":
		s.CI = "gitlab-ci"
		set(&s.Repository, env("CI_PROJECT_PATH"))
		set(&s.Commit, env("CI_COMMIT_SHA"))
		set(&s.Ref, env("CI_COMMIT_REF_NAME"))
		set(&s.Actor, env("GITLAB_USER_LOGIN"))
		set(&s.RunURL, env("CI_JOB_URL"))
	}
	if s.CI != "" {
		s.GitError = "" // the CI said what git could not
	}
	return s
}

// fromGit asks git for the work tree's commit, branch, remote and state.
// Git missing or workDir not in a work tree leaves the fields empty and
// says why in GitError.
func fromGit(workDir string) Source {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	git := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", workDir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return "", errors.New(firstLine(msg))
			}
			return "", err
		}
		return strings.TrimSpace(string(out)), nil
	}
	var s Source
	commit, err := git("rev-parse", "--verify", "HEAD")
	if err != nil {
		s.GitError = err.Error()
		return s
	}
	s.Commit = commit
	if ref, err := git("symbolic-ref", "-q", "HEAD"); err == nil {
		s.Ref = ref
	}
	if remote, err := git("config", "--get", "remote.origin.url"); err == nil {
		s.Repository = redactURL(remote)
	}
	if status, err := git("status", "--porcelain", "--untracked-files=no"); err == nil {
		s.Dirty = status != ""
	}
	return s
}

// redactURL drops the user and password of a remote URL: a CI clone URL
// often carries a token.
func redactURL(remote string) string {
	u, err := url.Parse(remote)
	if err != nil || u.Scheme == "" || u.User == nil {
		return remote // scp-like git@host:path has no secret
	}
	u.User = nil
	return u.String()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
