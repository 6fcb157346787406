package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/citat-go/citat"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// fixture returns the fixture article and its frozen records.
func fixture(t testing.TB) (string, []citat.Record) {
	t.Helper()
	text, err := os.ReadFile("testdata/fixture.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/fixture.records.json")
	if err != nil {
		t.Fatal(err)
	}
	var recs []citat.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		if string(text[r.Start:r.End]) != r.Text {
			t.Fatalf("fixture record %d: text[%d:%d] = %q, not %q", i, r.Start, r.End, text[r.Start:r.End], r.Text)
		}
	}
	return string(text), recs
}

var goldenExt = map[string]string{
	"text": "txt", "json": "json", "jsonl": "jsonl", "csv": "csv", "claimreview": "jsonld", "html": "html",
}

func formatFixture(t *testing.T, format string) []byte {
	t.Helper()
	text, recs := fixture(t)
	var b bytes.Buffer
	if err := writeFormat(&b, format, "fixture.txt", text, recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			got := formatFixture(t, format)
			path := filepath.Join("testdata", "golden", "fixture."+goldenExt[format])
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("-format %s differs from %s (-want +got; go test -update rewrites it):\n%s", format, path, diff)
			}
		})
	}
}

func TestJSONFormats(t *testing.T) {
	_, recs := fixture(t)
	var got []citat.Record
	if err := json.Unmarshal(formatFixture(t, "json"), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(recs, got); diff != "" {
		t.Errorf("-format json does not round-trip (-want +got):\n%s", diff)
	}

	got = nil
	for line := range strings.Lines(string(formatFixture(t, "jsonl"))) {
		var r citat.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got = append(got, r)
	}
	if diff := cmp.Diff(recs, got); diff != "" {
		t.Errorf("-format jsonl does not round-trip (-want +got):\n%s", diff)
	}
}

// TestJSONArray checks that -format json, written a record at a time, is
// byte for byte what json.Encoder writes for the whole array.
func TestJSONArray(t *testing.T) {
	_, recs := fixture(t)
	for _, recs := range [][]citat.Record{recs, recs[:1], {}} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(recs); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONArray(&got, recs); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%d records (-json.Encoder +writeJSONArray):\n%s", len(recs), diff)
		}
	}
}

func TestCSV(t *testing.T) {
	_, recs := fixture(t)
	out := formatFixture(t, "csv")
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(csvHeader, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("%d rows for %d records", len(rows)-1, len(recs))
	}
	col := func(name string) int { return slices.Index(csvHeader, name) }
	for i, r := range recs {
		row := rows[i+1]
		want := map[string]string{
			"text": r.Text, "start": strconv.Itoa(r.Start), "end": strconv.Itoa(r.End), "kind": r.Kind.String(),
			"speaker_name": r.SpeakerName(), "source_name": r.SourceName(),
			"negated": strconv.FormatBool(r.Negated), "evidence": strings.Join(r.Evidence, ";"),
		}
		for name, w := range want {
			if got := row[col(name)]; got != w {
				t.Errorf("record %d: %s = %q, want %q", i+1, name, got, w)
			}
		}
	}
	if !bytes.Contains(out, []byte("\r\n")) {
		t.Error("rows do not end in CRLF")
	}
}

// schemaTypes and schemaProps are the schema.org terms the claimreview
// format may use. Each was checked on schema.org: Claim (text, appearance,
// firstAppearance), CreativeWork (author, publisher, inLanguage), Person
// (jobTitle, affiliation, memberOf) and Thing (name, description).
var (
	schemaTypes = []string{"Claim", "CreativeWork", "Person", "Organization"}
	schemaProps = []string{
		"text", "author", "name", "description", "appearance", "firstAppearance",
		"jobTitle", "affiliation", "memberOf", "publisher", "inLanguage",
	}
	jsonldKeywords = []string{"@context", "@graph", "@type", "@id"}
)

func TestClaimReviewTerms(t *testing.T) {
	_, recs := fixture(t)
	var doc map[string]any
	if err := json.Unmarshal(formatFixture(t, "claimreview"), &doc); err != nil {
		t.Fatal(err)
	}
	// @context is schema.org plus the declared citat prefix.
	wantCtx := []any{"https://schema.org", map[string]any{"citat": citatNS}}
	if diff := cmp.Diff(wantCtx, doc["@context"]); diff != "" {
		t.Errorf("@context (-want +got):\n%s", diff)
	}
	graph, _ := doc["@graph"].([]any)
	if len(graph) != len(recs) {
		t.Fatalf("@graph has %d items for %d records", len(graph), len(recs))
	}
	used, usedTypes := map[string]bool{}, map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				used[k] = true
				switch {
				case path == "" && k == "@context":
					continue
				case strings.HasPrefix(k, "@"):
					if !slices.Contains(jsonldKeywords, k) {
						t.Errorf("%s: JSON-LD keyword %s not expected", path, k)
					}
				case strings.HasPrefix(k, "citat:"):
				case !slices.Contains(schemaProps, k):
					t.Errorf("%s: property %q is not in the checked schema.org terms", path, k)
				}
				if k == "@type" {
					s, _ := x.(string)
					usedTypes[s] = true
					if !slices.Contains(schemaTypes, s) {
						t.Errorf("%s: @type %v is not in the checked schema.org types", path, x)
					}
				}
				walk(path+"/"+k, x)
			}
		case []any:
			for i, x := range v {
				walk(path+"/"+strconv.Itoa(i), x)
			}
		}
	}
	walk("", doc)
	for i, item := range graph {
		c := item.(map[string]any)
		r := recs[i]
		if c["@type"] != "Claim" || c["text"] != r.Text || c["citat:start"] != float64(r.Start) || c["citat:end"] != float64(r.End) {
			t.Errorf("claim %d = %v, want the text and offsets of %+v", i, c, r)
		}
		author, _ := c["author"].(map[string]any)
		if r.SpeakerName() != "" && (author == nil || author["name"] != r.SpeakerName()) {
			t.Errorf("claim %d: author %v, want %q", i, author, r.SpeakerName())
		}
		if r.Speaker == nil && author != nil {
			t.Errorf("claim %d: author %v for a record without a speaker", i, author)
		}
	}
	// The fixture exercises every term but affiliation and appearance,
	// which the lists allow for future use.
	for _, typ := range schemaTypes {
		if !usedTypes[typ] {
			t.Errorf("the fixture output never uses @type %q", typ)
		}
	}
	for _, prop := range schemaProps {
		if !used[prop] && prop != "affiliation" && prop != "appearance" {
			t.Errorf("the fixture output never uses %q", prop)
		}
	}
}

func TestHTMLFormat(t *testing.T) {
	_, recs := fixture(t)
	out := formatFixture(t, "html")
	for _, want := range []string{`<html lang="da">`, "<title>Havnebad i Århus lukker: »Vandet er for koldt &amp; for beskidt«</title>", "&lt;slet ikke&gt;"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	for i := range recs {
		if !bytes.Contains(out, []byte(`id="q`+strconv.Itoa(i+1)+`" tabindex="0"`)) {
			t.Errorf("quote %d is not marked", i+1)
		}
	}
}

const article = "../../testdata/articles/politik-skolereform.txt"

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestRunFormats(t *testing.T) {
	if _, err := os.Stat(article); err != nil {
		t.Skip(err)
	}
	outs := map[string]string{}
	for _, format := range formats {
		code, out, errs := runCmd(t, "", "-format", format, article)
		if code != 0 || errs != "" || out == "" {
			t.Errorf("-format %s: status %d, stderr %q, %d bytes out", format, code, errs, len(out))
		}
		outs[format] = out
	}
	_, def, _ := runCmd(t, "", article)
	if def != outs["text"] {
		t.Error("the default format is not text")
	}
	_, js, _ := runCmd(t, "", "-json", article)
	if js != outs["json"] {
		t.Error("-json differs from -format json")
	}
	_, js, _ = runCmd(t, "", "-json", "-format", "json", article)
	if js != outs["json"] {
		t.Error("-json -format json differs from -format json")
	}
	var recs []citat.Record
	if err := json.Unmarshal([]byte(outs["json"]), &recs); err != nil || len(recs) == 0 {
		t.Errorf("-json output: %d records, %v", len(recs), err)
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "xml", article},
		{"-json", "-format", "csv", article},
		{"-jsonl", "-format", "csv"},
		{"-jsonl", "-json"},
		{"-jsonl", "-workers", "0"},
		{"a", "b"},
		{"-nosuchflag"},
	} {
		code, out, errs := runCmd(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errs, "usage: extract") {
			t.Errorf("extract %v: status %d, stdout %q, stderr %q; want 2 and the usage", args, code, out, errs)
		}
	}
}

// badInputs are inputs the command must refuse with one line on standard
// error and status 1.
func badInputs(t *testing.T) (dir string, cases []struct{ name, stdin, want string }) {
	dir = t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty, blank := write("empty.txt", ""), write("blank.txt", " \n\n")
	latin1 := write("latin1.txt", "Han siger: \xbbJeg er gl\xe6d\xab.\n")
	emptyJSONL := write("empty.jsonl", "\n\n")
	badJSONL := write("bad.jsonl", `{"id":1,"text":"»Ja,« siger hun."}`+"\n{oops\n")
	return dir, []struct{ name, stdin, want string }{
		{filepath.Join(dir, "missing.txt"), "", "no such file"},
		{dir, "", "is a directory"},
		{empty, "", "is empty"},
		{blank, "", "is empty"},
		{"-", "", "standard input is empty"},
		{latin1, "", "invalid UTF-8 at byte 11"},
		{"-jsonl " + filepath.Join(dir, "missing.jsonl"), "", "no such file"},
		{"-jsonl " + dir, "", "is a directory"},
		{"-jsonl " + emptyJSONL, "", "no articles"},
		{"-jsonl -", "", "no articles"},
		{"-jsonl " + badJSONL, "", "1 of 2 articles failed"},
	}
}

func TestRunBadInput(t *testing.T) {
	_, cases := badInputs(t)
	for _, c := range cases {
		code, out, errs := runCmd(t, c.stdin, append([]string{"-q"}, strings.Fields(c.name)...)...)
		if code != 1 || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "extract: ") || !strings.Contains(errs, c.want) {
			t.Errorf("extract %s: status %d, stderr %q; want 1 and one line with %q", c.name, code, errs, c.want)
		}
		if !strings.HasPrefix(c.name, "-jsonl") && out != "" {
			t.Errorf("extract %s: wrote %q", c.name, out)
		}
	}
}

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// command builds the extract command once for the test run.
func command(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	binOnce.Do(func() {
		gotool, err := exec.LookPath("go")
		if err != nil {
			binErr = err
			return
		}
		binDir, binErr = os.MkdirTemp("", "extract-test")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "extract")
		out, err := exec.Command(gotool, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = &buildError{err, out}
		}
	})
	if binErr != nil {
		t.Skipf("cannot build the command: %v", binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + string(e.out) }

// TestCommand runs the built program: its real exit status and standard
// error for bad input.
func TestCommand(t *testing.T) {
	bin := command(t)
	_, cases := badInputs(t)
	for _, c := range cases {
		cmd := exec.Command(bin, append([]string{"-q"}, strings.Fields(c.name)...)...)
		cmd.Stdin = strings.NewReader(c.stdin)
		var e bytes.Buffer
		cmd.Stderr = &e
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		if code != 1 || strings.Count(e.String(), "\n") != 1 || !strings.Contains(e.String(), c.want) {
			t.Errorf("extract %s: exit status %d (%v), stderr %q; want 1 and one line with %q", c.name, code, err, e.String(), c.want)
		}
	}

	if _, err := os.Stat(article); err == nil {
		cmd := exec.Command(bin, "-json")
		f, err := os.Open(article)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd.Stdin = f
		out, err := cmd.Output()
		var recs []citat.Record
		if err != nil || json.Unmarshal(out, &recs) != nil || len(recs) == 0 {
			t.Errorf("extract -json < article: %v, %d records", err, len(recs))
		}
	}
}
