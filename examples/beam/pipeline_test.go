package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/citat-go/citat"
)

// The pipelines run on prism, Beam's local portable runner (ptest's
// default): in process, with the SDK worker in loopback mode.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

const articlesDir = "../../testdata/articles"

// inputArticle is a good article line of a test input.
type inputArticle struct {
	id   json.RawMessage
	text string
}

// testInput is a test corpus: the lines of its files and what is known
// about them.
type testInput struct {
	files    map[string][]string // file name -> lines
	good     []inputArticle      // lines that must be analysed
	badLines map[string]string   // line -> reason code it must get
}

func (in *testInput) addGood(t *testing.T, file string, id any, text string, extra map[string]any) {
	t.Helper()
	m := map[string]any{"id": id, "text": text}
	for k, v := range extra {
		m[k] = v
	}
	line := mustJSON(t, m)
	rawID := json.RawMessage(mustJSON(t, id))
	in.files[file] = append(in.files[file], line)
	in.good = append(in.good, inputArticle{id: rawID, text: text})
}

func (in *testInput) addBad(file, line, code string) {
	in.files[file] = append(in.files[file], line)
	in.badLines[line] = code
}

func (in *testInput) write(t *testing.T, dir string) {
	t.Helper()
	for name, lines := range in.files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// nonBlank returns the number and total bytes of the non-blank lines.
func (in *testInput) nonBlank() (n int, size int64) {
	for _, lines := range in.files {
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				n++
				size += int64(len(l))
			}
		}
	}
	return n, size
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// testdataArticles returns the JSON lines that --make_input makes of the
// test articles.
func testdataArticles(t *testing.T) []string {
	t.Helper()
	var out, errs bytes.Buffer
	if err := makeJSONL(articlesDir, &out, &errs); err != nil {
		t.Fatalf("makeJSONL: %v (%s)", err, errs.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) < 10 {
		t.Fatalf("makeJSONL made %d lines from %s, want at least 10", len(lines), articlesDir)
	}
	return lines
}

type textArticle struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	File string `json:"file"`
}

func decodeArticles(t *testing.T, lines []string) []textArticle {
	t.Helper()
	out := make([]textArticle, len(lines))
	for i, l := range lines {
		if err := json.Unmarshal([]byte(l), &out[i]); err != nil {
			t.Fatalf("line %d of makeJSONL: %v", i+1, err)
		}
	}
	return out
}

// badLines are the failing lines of the testdata corpus. An empty code
// means a line that is skipped (blank), not an article.
func addBadLines(t *testing.T, in *testInput, file string, tooLarge string) {
	in.addBad(file, `{"id": "bad-json", "text": "Hun siger, at`, reasonMalformedJSON)
	in.addBad(file, "{\"id\": \"bad-utf8\", \"text\": \"Det er \xff\xfe godt, siger han.\"}", reasonInvalidUTF8)
	in.addBad(file, `{"id": "empty", "text": ""}`, reasonEmptyText)
	in.addBad(file, `{"id": "spaces", "text": "  \n\t "}`, reasonEmptyText)
	in.addBad(file, `{"id": "no-text", "title": "Ingen tekst"}`, reasonMissingText)
	in.addBad(file, `{"id": "null-text", "text": null}`, reasonMissingText)
	in.addBad(file, `{"id": "number-text", "text": 42}`, reasonBadText)
	in.addBad(file, `{"text": "Det er godt, siger han."}`, reasonMissingID)
	in.addBad(file, `[1, 2, 3]`, reasonMalformedJSON)
	in.addBad(file, `null`, reasonMalformedJSON)
	in.addBad(file, mustJSON(t, map[string]any{"id": "too-large", "text": tooLarge}), reasonTooLarge)
	in.files[file] = append(in.files[file], "   ") // a blank line: skipped and counted as blank_lines
}

// expected is what a sequential run of citat over the good articles gives.
type expected struct {
	records      []string // canonical JSON of the record lines, sorted
	idsWithQuote map[string]bool
	noQuotes     int
	counts       map[string]int // key_type + "\x00" + key -> quotes
}

func sequential(t *testing.T, good []inputArticle, maxBytes int) expected {
	t.Helper()
	x, err := citat.New(citat.WithMaxBytes(maxBytes))
	if err != nil {
		t.Fatal(err)
	}
	e := expected{idsWithQuote: map[string]bool{}, counts: map[string]int{}}
	for _, a := range good {
		recs, err := x.Extract(a.text)
		if err != nil {
			t.Fatalf("citat.Extract(article %s): %v", a.id, err)
		}
		if len(recs) == 0 {
			e.noQuotes++
			continue
		}
		e.idsWithQuote[string(a.id)] = true
		for _, r := range recs {
			b, err := json.Marshal(RecordLine{ID: a.id, Record: r})
			if err != nil {
				t.Fatal(err)
			}
			e.records = append(e.records, canonical(t, string(b)))
			e.counts[keySpeaker+"\x00"+r.SpeakerName()]++
			e.counts[keySource+"\x00"+r.SourceName()]++
		}
	}
	sort.Strings(e.records)
	return e
}

// canonical re-encodes a JSON value with sorted keys, so that lines can be
// compared as JSON.
func canonical(t *testing.T, line string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(line), &v); err != nil {
		t.Fatalf("not JSON: %v: %q", err, line)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readOutput(t *testing.T, prefix, name string, shards int) []string {
	t.Helper()
	files, err := filepath.Glob(prefix + name + "*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != shards {
		t.Fatalf("%s%s*.jsonl: %d files, want %d: %v", prefix, name, len(files), shards, files)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// runAndCheck runs the pipeline over in and checks its outputs against a
// sequential run of citat.
func runAndCheck(t *testing.T, in *testInput, maxBytes, shards int) {
	dir := t.TempDir()
	inDir := filepath.Join(dir, "in")
	if err := os.Mkdir(inDir, 0o755); err != nil {
		t.Fatal(err)
	}
	in.write(t, inDir)
	outPrefix := filepath.Join(dir, "out", "run-")

	p, s := beam.NewPipelineWithRoot()
	cfg := Config{Input: filepath.Join(inDir, "*.jsonl"), Output: outPrefix, MaxBytes: maxBytes, Shards: shards}
	if err := Build(s, cfg); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
	t.Logf("pipeline ran in %v on %s", time.Since(start).Round(time.Millisecond), ptest.DefaultRunner())
	metrics := counterSums(res)

	want := sequential(t, in.good, maxBytes)
	inputLines, inputBytes := in.nonBlank()

	// Records: equal to the sequential run, as JSON, in any order.
	recLines := readOutput(t, outPrefix, recordsName, shards)
	got := make([]string, len(recLines))
	idsWithQuote := map[string]bool{}
	for i, l := range recLines {
		got[i] = canonical(t, l)
		var rl RecordLine
		if err := json.Unmarshal([]byte(l), &rl); err != nil {
			t.Fatalf("record line %q: %v", l, err)
		}
		idsWithQuote[string(rl.ID)] = true
	}
	sort.Strings(got)
	if len(got) != len(want.records) {
		t.Errorf("%d records, want %d (sequential citat.Extract)", len(got), len(want.records))
	}
	for i := 0; i < len(got) && i < len(want.records); i++ {
		if got[i] != want.records[i] {
			t.Errorf("records differ from the sequential run; first difference:\n got  %s\n want %s", got[i], want.records[i])
			break
		}
	}
	if len(want.records) == 0 {
		t.Error("the corpus has no quotes at all")
	}

	// Dead letters: every bad line, with its reason.
	deadLines := readOutput(t, outPrefix, deadLetterName, shards)
	gotBad := map[string]string{}
	for _, l := range deadLines {
		var d DeadLetter
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("dead letter %q: %v", l, err)
		}
		line := d.Line
		if d.LineBase64 != "" {
			b, err := base64.StdEncoding.DecodeString(d.LineBase64)
			if err != nil {
				t.Fatalf("dead letter %q: line_base64: %v", l, err)
			}
			line = string(b)
		}
		if d.LineTruncated || d.LineBytes != len(line) {
			t.Errorf("dead letter %q: line_bytes %d, truncated %v; the line has %d bytes", l, d.LineBytes, d.LineTruncated, len(line))
		}
		code, _, _ := strings.Cut(d.Reason, ":")
		if prev, dup := gotBad[line]; dup {
			t.Errorf("line %q dead-lettered twice (%s, %s)", line, prev, code)
		}
		gotBad[line] = code
		wantID := extractID(line)
		if wantID == "" {
			wantID = "null"
		}
		if string(d.ID) != wantID {
			t.Errorf("dead letter for %q has id %s, want %s", line, d.ID, wantID)
		}
	}
	for line, code := range in.badLines {
		switch g, ok := gotBad[line]; {
		case !ok:
			t.Errorf("bad line %q: no dead letter", line)
		case g != code:
			t.Errorf("bad line %q: reason %s, want %s", line, g, code)
		}
	}
	if len(gotBad) != len(in.badLines) {
		t.Errorf("%d dead letters, want %d", len(gotBad), len(in.badLines))
	}

	// Every article is accounted for, by id.
	for id := range idsWithQuote {
		if !want.idsWithQuote[id] {
			t.Errorf("records for article %s, which has no quotes or is not in the input", id)
		}
	}
	for id := range want.idsWithQuote {
		if !idsWithQuote[id] {
			t.Errorf("article %s has quotes but no records", id)
		}
	}
	if n := len(idsWithQuote) + int(metrics["articles_without_quotes"]) + len(deadLines); n != inputLines {
		t.Errorf("articles with records (%d) + without quotes (%d) + dead letters (%d) = %d, want %d input lines",
			len(idsWithQuote), metrics["articles_without_quotes"], len(deadLines), n, inputLines)
	}
	if metrics["articles_without_quotes"] != int64(want.noQuotes) {
		t.Errorf("articles_without_quotes = %d, want %d", metrics["articles_without_quotes"], want.noQuotes)
	}

	// Counts: per key type they add up to the records, and match per key.
	gotCounts := map[string]int{}
	sums := map[string]int{}
	for _, l := range readOutput(t, outPrefix, countsName, shards) {
		var c CountLine
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("count line %q: %v", l, err)
		}
		k := c.KeyType + "\x00" + c.Key
		if _, dup := gotCounts[k]; dup {
			t.Errorf("count for %s %q twice", c.KeyType, c.Key)
		}
		gotCounts[k] = c.Quotes
		sums[c.KeyType] += c.Quotes
	}
	for _, kt := range []string{keySpeaker, keySource} {
		if sums[kt] != len(recLines) {
			t.Errorf("%s counts add up to %d, want %d records", kt, sums[kt], len(recLines))
		}
	}
	if len(gotCounts) != len(want.counts) {
		t.Errorf("%d count lines, want %d", len(gotCounts), len(want.counts))
	}
	for k, n := range want.counts {
		if gotCounts[k] != n {
			kt, key, _ := strings.Cut(k, "\x00")
			t.Errorf("count of %s %q = %d, want %d", kt, key, gotCounts[k], n)
		}
	}

	// Metrics.
	wantMetrics := map[string]int64{
		"articles":                int64(inputLines),
		"quotes":                  int64(len(want.records)),
		"failures":                int64(len(in.badLines)),
		"bytes":                   inputBytes,
		"articles_with_quotes":    int64(len(want.idsWithQuote)),
		"articles_without_quotes": int64(want.noQuotes),
	}
	for n, v := range wantMetrics {
		if metrics[n] != v {
			t.Errorf("metric citat.%s = %d, want %d", n, metrics[n], v)
		}
	}
	t.Logf("%d input lines: %d articles with %d quotes, %d without quotes, %d dead letters; %d count lines",
		inputLines, len(idsWithQuote), len(recLines), want.noQuotes, len(deadLines), len(gotCounts))
}

// extractID returns the id of a line as compact JSON, or "" when the line
// has none (or is not an object).
func extractID(line string) string {
	var a article
	if json.Unmarshal([]byte(line), &a) != nil || isNull(a.ID) {
		return ""
	}
	var buf bytes.Buffer
	if json.Compact(&buf, a.ID) != nil {
		return ""
	}
	return buf.String()
}

// TestPipelineTestdata runs the test articles plus bad lines.
func TestPipelineTestdata(t *testing.T) {
	arts := decodeArticles(t, testdataArticles(t))
	in := &testInput{files: map[string][]string{}, badLines: map[string]string{}}
	var all strings.Builder
	maxLen := 0
	for _, a := range arts {
		in.addGood(t, "articles.jsonl", a.ID, a.Text, map[string]any{"file": a.File, "section": "test"})
		all.WriteString(a.Text + "\n\n")
		maxLen = max(maxLen, len(a.Text))
	}
	// A number as id, and an article without quotes.
	in.addGood(t, "articles.jsonl", 4711, arts[0].Text, nil)
	in.addGood(t, "articles.jsonl", "no-quotes", "Solen skinner over Aarhus i dag. Temperaturen når 20 grader om eftermiddagen.", nil)
	// The limit admits every article but not all of them together.
	maxBytes := maxLen + 1
	if all.Len() <= maxBytes {
		t.Fatalf("corpus too small for a too-large article")
	}
	addBadLines(t, in, "bad.jsonl", all.String())
	runAndCheck(t, in, maxBytes, 1)
}

// TestPipelineSynthetic runs ~2000 articles made from the test articles,
// over several input files and output shards.
func TestPipelineSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("synthetic corpus skipped in -short mode")
	}
	arts := decodeArticles(t, testdataArticles(t))
	in := &testInput{files: map[string][]string{}, badLines: map[string]string{}}
	const n = 2000
	for i := range n {
		a := arts[i%len(arts)].Text
		b := arts[(i*7+3)%len(arts)].Text
		var text string
		switch i % 5 {
		case 0:
			text = a
		case 1:
			text = a + "\n\n" + b
		case 2:
			text = a + "\n\n" + a
		case 3: // paragraphs rotated
			ps := strings.Split(a, "\n\n")
			k := i % len(ps)
			text = strings.Join(append(ps[k:], ps[:k]...), "\n\n")
		case 4:
			text = "AARHUS: " + b
		}
		var id any = fmt.Sprintf("syn-%05d", i)
		if i%4 == 0 {
			id = 100000 + i
		}
		file := fmt.Sprintf("part-%d.jsonl", i%4)
		in.addGood(t, file, id, text, map[string]any{"n": i, "variant": i % 5})
		if i%250 == 0 {
			in.addBad(file, fmt.Sprintf(`{"id": "syn-bad-%d", "text": "Hun siger, at`, i), reasonMalformedJSON)
			in.addBad(file, fmt.Sprintf(`{"id": "syn-empty-%d", "text": ""}`, i), reasonEmptyText)
		}
	}
	runAndCheck(t, in, citat.DefaultMaxBytes, 3)
}

// TestAnalyse checks the reasons given to bad lines without a runner.
func TestAnalyse(t *testing.T) {
	x, err := citat.New(citat.WithMaxBytes(40))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, id, reason string
	}{
		{`{"id": 1, "text": "Det er godt, siger han."}`, "1", ""},
		{`{"id": "a", "text": "Det er godt, siger han.", "extra": [1, 2]}`, `"a"`, ""},
		{`{"id": 1, "text": "Det er godt, siger han. Det er rigtig godt, siger hun."}`, "1", reasonTooLarge},
		{`{"id": 1, "text": "Det er godt`, "", reasonMalformedJSON},
		{`  "text"`, "", reasonMalformedJSON},
		{"{\"id\": 2, \"text\": \"\xc3\"}", "2", reasonInvalidUTF8},
		{`{"id": null, "text": "Godt."}`, "", reasonMissingID},
		{`{"id": 3}`, "3", reasonMissingText},
		{`{"id": 3, "text": {"a": 1}}`, "3", reasonBadText},
		{`{"id": 3, "text": "\n"}`, "3", reasonEmptyText},
	}
	for _, tt := range tests {
		id, _, reason, err := analyse(context.Background(), x, tt.line)
		if err != nil {
			t.Errorf("analyse(%q): error %v", tt.line, err)
			continue
		}
		code, _, _ := strings.Cut(reason, ":")
		if code != tt.reason || string(id) != tt.id {
			t.Errorf("analyse(%q) = id %s, reason %q; want id %s, reason %s", tt.line, id, reason, tt.id, tt.reason)
		}
	}
}

func TestOutputPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/out":       "/tmp/out/",
		"/tmp/out/":      "/tmp/out/",
		"/tmp/out/run7-": "/tmp/out/run7-",
		"gs://b/citat_":  "gs://b/citat_",
	} {
		if got := outputPrefix(in); got != want {
			t.Errorf("outputPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
