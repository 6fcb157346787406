package main

import (
	"context"
	"html"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citat-go/citat"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("chromium is not installed (looked for /usr/bin/chromium and chromium on PATH); " +
		"install it with `apt-get install -y chromium` to run the browser test")
	return ""
}

// headless runs Chromium headless with the given extra arguments and
// returns its standard output.
func headless(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %q: %v\n%s", args, err, stderr.String())
	}
	return string(out)
}

var (
	markRE = regexp.MustCompile(`<mark class="q [^"]*" data-q="(\d+)" data-tip="([^"]*)" id="q(\d+)"[^>]*>`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
)

// TestBrowserRendersExample loads the page of a bundled article in
// headless Chromium and checks the DOM the browser built: every quote is a
// highlighted <mark> starting with the quote's text, its tooltip names the
// speaker, and the side panel lists the speakers.
func TestBrowserRendersExample(t *testing.T) {
	bin := chromium(t)
	checkLeaks(t)
	base, _ := startServer(t, nil)
	const name = "erhverv-vindmoeller"
	recs, err := citat.Extract(article(t, name))
	if err != nil {
		t.Fatal(err)
	}

	dom := headless(t, bin, "--dump-dom", base+"/?example="+name)
	if !strings.Contains(dom, "<title>citat: "+name+"</title>") {
		t.Fatalf("not the example page:\n%.2000s", dom)
	}

	marks := markRE.FindAllStringSubmatchIndex(dom, -1)
	if len(marks) != len(recs) {
		t.Errorf("%d highlighted quotes in the DOM, want %d", len(marks), len(recs))
	}
	for _, m := range marks {
		q, _ := strconv.Atoi(dom[m[2]:m[3]])
		if q < 1 || q > len(recs) {
			t.Errorf("mark for quote %d of %d", q, len(recs))
			continue
		}
		r := recs[q-1]
		tip := html.UnescapeString(dom[m[4]:m[5]])
		if who := r.SpeakerName(); who != "" && !strings.Contains(tip, who) {
			t.Errorf("quote %d: tooltip %q does not name %s", q, tip, who)
		}
		// The mark's own text (up to its first closing tag) starts the quote.
		inner := dom[m[1]:]
		if end := strings.Index(inner, "</mark>"); end >= 0 {
			inner = inner[:end]
		}
		inner = html.UnescapeString(tagRE.ReplaceAllString(inner, ""))
		if inner == "" || !strings.HasPrefix(r.Text, inner) {
			t.Errorf("quote %d: mark text %q does not start %q", q, inner, r.Text)
		}
	}

	// The side panel names the speakers and the media.
	aside := dom
	if i := strings.Index(dom, "<aside"); i >= 0 {
		aside = dom[i:]
	}
	for _, want := range []string{"Karina Dalsgaard", "Louise Brammer", "Mikkel Aaskov", "Ib Kronborg", "Børsen", "TV Midtvest"} {
		if !strings.Contains(aside, want) {
			t.Errorf("side panel lacks %q", want)
		}
	}
	// And the browser saw the quote texts as page text.
	text := html.UnescapeString(tagRE.ReplaceAllString(dom, ""))
	for _, want := range []string{"Lem er hjertet i vores produktion", "et nødvendigt servicetjek"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}

	// Set CITAT_SCREENSHOT=/path/to/file.png to keep a picture of the page.
	if shot := os.Getenv("CITAT_SCREENSHOT"); shot != "" {
		headless(t, bin, "--screenshot="+shot, "--window-size=1280,900", "--hide-scrollbars", base+"/?example="+name)
		if fi, err := os.Stat(shot); err != nil || fi.Size() == 0 {
			t.Errorf("no screenshot at %s: %v", shot, err)
		}
	}
}
