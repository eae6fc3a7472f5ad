package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/internal/htmlcheck"
)

// htmlReports writes, through the CLI, the scan report of the example
// plan and the period report of an evidence directory, each as HTML and
// as JSON (and the criteria JSON of the scan), and returns their paths.
func htmlReports(t *testing.T) map[string]string {
	t.Helper()
	out := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"scan.html", "scan.json", "criteria.json", "period.html", "period.json"} {
		files[name] = filepath.Join(out, name)
	}
	code, stdout, stderr := runCLI(t, "scan", example, "--fail-on", "none", "--format", "html="+files["scan.html"],
		"--format", "json="+files["scan.json"], "--format", "criteria-json="+files["criteria.json"])
	if code != exitOK || stdout != "" {
		t.Fatalf("scan: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	dir := evidenceDir(t, day, day.Add(48*time.Hour))
	for _, format := range []string{"html", "json"} {
		code, stdout, stderr := runCLI(t, "evidence", "report", dir, "--from", "2026-03-01", "--to", "2026-03-04",
			"--format", format, "-o", files["period."+format])
		if code != exitOK || stdout != "" || stderr != "" {
			t.Fatalf("evidence report --format %s: exit %d, stdout %q, stderr %q", format, code, stdout, stderr)
		}
	}
	return files
}

// pageCounts are the counts a page marks with JSON pointers and the JSON
// documents they point into.
var pageCounts = []struct{ page, attr, doc string }{
	{"scan.html", "data-json", "scan.json"},
	{"scan.html", "data-criteria-json", "criteria.json"},
	{"period.html", "data-json", "period.json"},
}

func TestHTMLFormats(t *testing.T) {
	t.Parallel()
	files := htmlReports(t)
	for _, pc := range pageCounts {
		page, err := os.ReadFile(files[pc.page])
		if err != nil {
			t.Fatal(err)
		}
		if n := checkPageCounts(t, string(page), pc.attr, files[pc.doc]); n < 10 {
			t.Errorf("%s: %d counts marked %s, want at least 10", pc.page, n, pc.attr)
		}
	}
}

// TestHTMLInBrowser renders both pages in headless Chromium, without
// network: they must log nothing to the console (no script error, no
// blocked fetch or inline code), show the JSON reports' counts, and the
// page's script must run (it opens the criterion in the URL's fragment).
func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	}
	t.Parallel()
	files := htmlReports(t)
	for _, page := range []string{"scan.html", "period.html"} {
		t.Run(page, func(t *testing.T) {
			dom, console := render(t, browser, "file://"+files[page]+"#CC1.1")
			if console != "" {
				t.Errorf("console messages:\n%s", console)
			}
			for _, pc := range pageCounts {
				if pc.page == page {
					checkPageCounts(t, dom, pc.attr, files[pc.doc])
				}
			}
			if !regexp.MustCompile(`<details class="criterion [^"]*" id="CC1\.1" open="">`).MatchString(dom) {
				t.Error("the script did not open the criterion of the fragment #CC1.1")
			}
		})
	}
}

// render loads url in headless Chromium with the network cut off and
// returns the DOM after scripts ran and the console messages logged.
func render(t *testing.T, browser, url string) (dom, console string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-sync",
		"--disable-background-networking", "--user-data-dir=" + t.TempDir(),
		"--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--enable-logging=stderr", "--v=0", "--dump-dom", url}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...)
	}
	cmd := exec.CommandContext(ctx, browser, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
	}
	var msgs []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Uncaught") {
			msgs = append(msgs, line)
		}
	}
	return string(out), strings.Join(msgs, "\n")
}

// checkPageCounts compares the counts in page marked with attr (a JSON
// pointer) to the values in the JSON file doc, and returns how many there
// are.
func checkPageCounts(t *testing.T, page, attr, doc string) int {
	t.Helper()
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	n, problems, err := htmlcheck.Counts(page, attr, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", filepath.Base(doc), p)
	}
	return n
}
