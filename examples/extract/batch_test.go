package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/citat-go/citat"
	"github.com/google/go-cmp/cmp"
)

// articles returns the texts of the project's test articles.
func articles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Skipf("no test articles: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// outLine is an output line of batch mode, decoded.
type outLine struct {
	ID      any            `json:"id"`
	Line    int            `json:"line"`
	Meta    map[string]any `json:"meta"`
	Records []citat.Record `json:"records"`
	Error   string         `json:"error"`
	fields  map[string]json.RawMessage
}

func parseOutput(t *testing.T, out string) []outLine {
	t.Helper()
	var lines []outLine
	for l := range strings.Lines(out) {
		var o outLine
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		json.Unmarshal([]byte(l), &o.fields)
		lines = append(lines, o)
	}
	return lines
}

func jsonLine(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestBatchLines(t *testing.T) {
	good := "»Vi vinder,« siger træner Åse Holm til DR."
	goodRecs, err := citat.Extract(good)
	if err != nil || len(goodRecs) == 0 {
		t.Fatalf("the good article gives %v, %v", goodRecs, err)
	}
	type want struct {
		id   any    // nil: no id in the output
		err  string // substring of the error; "" for success
		meta map[string]any
	}
	tests := []struct {
		name string
		line string
		want want
	}{
		{"good", jsonLine(map[string]any{"id": "a", "text": good}), want{id: "a"}},
		{"numeric id and meta", `{"text":` + jsonLine(good) + `,"id":7,"url":"https://x.dk/a","tags":["a","b"]}`,
			want{id: 7.0, meta: map[string]any{"url": "https://x.dk/a", "tags": []any{"a", "b"}}}},
		{"no id", jsonLine(map[string]any{"text": good}), want{}},
		{"spaces", "  { \"id\" : \"sp\" ,\t\"text\" :  " + jsonLine(good) + " }  ", want{id: "sp"}},
		{"CRLF", jsonLine(map[string]any{"id": "crlf", "text": good}) + "\r", want{id: "crlf"}},
		{"surrogate pair", `{"id":"emoji","text":"\ud83d\ude00 ` + good[:len(good)-1] + `"}`, want{id: "emoji"}},
		{"escaped text", `{"id":"esc","text":"\u00bbVi vinder,\u00ab siger tr\u00e6ner \u00c5se Holm til DR."}`, want{id: "esc"}},
		{"malformed JSON", `{"id": "m", "text": "x"`, want{err: "malformed JSON"}},
		{"not JSON", `hello`, want{err: "malformed JSON"}},
		{"array", `["text"]`, want{err: "want a JSON object"}},
		{"string", `"text"`, want{err: "want a JSON object"}},
		{"null", `null`, want{err: "want a JSON object"}},
		{"missing text", `{"id":"n","body":"x"}`, want{id: "n", err: `no "text" field`}},
		{"null text", `{"id":"n","text":null}`, want{id: "n", err: `"text" is not a string`}},
		{"number text", `{"id":"n","text":42}`, want{id: "n", err: `"text" is not a string`}},
		{"empty text", `{"id":"e","text":" \n "}`, want{id: "e", err: "text is empty"}},
		// Raw invalid bytes inside the JSON string: encoding/json would
		// turn them into U+FFFD. The offset is in the decoded text: "æ" is
		// escaped as 6 bytes in the line but 2 in the text.
		{"invalid UTF-8", "{\"id\":\"u\",\"text\":\"\\u00e6bler \xff\xfe\"}", want{id: "u", err: "invalid UTF-8 at byte 7"}},
		{"invalid UTF-8 Latin-1", "{\"id\":\"l\",\"text\":\"gl\xe6de\"}", want{id: "l", err: "invalid UTF-8 at byte 2"}},
		{"unpaired high surrogate", `{"id":"s","text":"ab\ud800c"}`, want{id: "s", err: `invalid UTF-8 at byte 2 (unpaired surrogate escape \ud800)`}},
		{"unpaired low surrogate", `{"id":"s","text":"\\\udc00"}`, want{id: "s", err: `invalid UTF-8 at byte 1 (unpaired surrogate escape \udc00)`}},
		{"invalid UTF-8 in id", "{\"id\":\"\xff\",\"text\":\"ok\"}", want{err: "invalid UTF-8 at byte 7 of the line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, tt.line+"\n", "-jsonl", "-q", "-workers", "2")
			lines := parseOutput(t, out)
			if len(lines) != 1 {
				t.Fatalf("%d output lines for one input line:\n%s", len(lines), out)
			}
			got := lines[0]
			if got.Line != 1 || !cmp.Equal(got.ID, tt.want.id) {
				t.Errorf("line %d, id %#v; want line 1, id %#v", got.Line, got.ID, tt.want.id)
			}
			if _, ok := got.fields["id"]; ok != (tt.want.id != nil) {
				t.Errorf("id present = %v, want %v", ok, tt.want.id != nil)
			}
			if tt.want.err == "" {
				if code != 0 || errs != "" || got.Error != "" {
					t.Errorf("status %d, stderr %q, error %q; want success", code, errs, got.Error)
				}
				if got.fields["records"] == nil || len(got.Records) == 0 {
					t.Errorf("no records: %s", out)
				}
				if diff := cmp.Diff(tt.want.meta, got.Meta); diff != "" {
					t.Errorf("meta (-want +got):\n%s", diff)
				}
				return
			}
			if code != 1 || !strings.Contains(errs, "1 of 1 articles failed") {
				t.Errorf("status %d, stderr %q; want 1 and a count of failures", code, errs)
			}
			if !strings.Contains(got.Error, tt.want.err) {
				t.Errorf("error %q, want it to contain %q", got.Error, tt.want.err)
			}
			if _, ok := got.fields["records"]; ok {
				t.Errorf("an error line with records: %s", out)
			}
		})
	}
}

// TestBatchLimits checks lines longer than the line limit, and texts
// larger than the Extractor accepts, without 64 MiB inputs.
func TestBatchLimits(t *testing.T) {
	x, err := citat.New(citat.WithMaxBytes(200))
	if err != nil {
		t.Fatal(err)
	}
	small := jsonLine(map[string]any{"id": 1, "text": "»Ja,« siger hun."})
	large := jsonLine(map[string]any{"id": 2, "text": strings.Repeat("»Ja,« siger hun. ", 20)})
	huge := jsonLine(map[string]any{"id": 3, "text": strings.Repeat("x", 5000)})
	in := strings.Join([]string{small, large, huge, small}, "\n")
	var out bytes.Buffer
	st, err := batch(context.Background(), strings.NewReader(in), &out, batchOptions{workers: 3, maxLine: 1000, budget: 4, x: x})
	if err != nil {
		t.Fatal(err)
	}
	if st != (batchStats{articles: 4, failed: 2}) {
		t.Errorf("stats %+v, want 4 articles, 2 failed", st)
	}
	lines := parseOutput(t, out.String())
	wantErr := []string{"", "citat: input too large", "line longer than 1000 bytes", ""}
	for i, l := range lines {
		if l.Line != i+1 || l.Error != "" && !strings.Contains(l.Error, wantErr[i]) || (l.Error == "") != (wantErr[i] == "") {
			t.Errorf("line %d: %+v, want error %q", i+1, l, wantErr[i])
		}
	}
}

// TestBatchOrder checks that 8 workers write the results in input order,
// the same as one article at a time, and that lines longer than the read
// buffer come through whole.
func TestBatchOrder(t *testing.T) {
	texts := articles(t)
	huge := strings.Repeat(texts[0]+"\n", 130) // longer than the 256 KiB read buffer
	var in strings.Builder
	var want [][]citat.Record
	for i := range 300 {
		text := texts[i%len(texts)]
		if i == 5 || i == 150 {
			text = huge
		}
		if i%7 == 3 {
			in.WriteString("\n") // blank lines are skipped but counted
		}
		fmt.Fprintf(&in, "%s\n", jsonLine(map[string]any{"id": i, "text": text}))
		recs, err := citat.Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, recs)
	}
	code, out, errs := runCmd(t, in.String(), "-jsonl", "-workers", "8")
	if code != 0 || errs != "" {
		t.Fatalf("status %d, stderr %q", code, errs)
	}
	lines := parseOutput(t, out)
	if len(lines) != len(want) {
		t.Fatalf("%d output lines for %d articles", len(lines), len(want))
	}
	line := 0
	for i, l := range lines {
		line++
		if i%7 == 3 {
			line++
		}
		if l.ID != float64(i) || l.Line != line {
			t.Fatalf("output %d is id %v, line %d; want id %d, line %d", i, l.ID, l.Line, i, line)
		}
		if diff := cmp.Diff(want[i], l.Records); diff != "" {
			t.Fatalf("article %d: records differ from citat.Extract (-want +got):\n%s", i, diff)
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

type failReader struct {
	r io.Reader
}

func (r failReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

func TestBatchIOErrors(t *testing.T) {
	texts := articles(t)
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintln(&in, jsonLine(map[string]any{"id": i, "text": texts[i%len(texts)]}))
	}
	opt := batchOptions{workers: 4, maxLine: defaultMaxLine, budget: defaultBudget, x: citat.MustNew()}

	done := make(chan error)
	go func() {
		_, err := batch(context.Background(), strings.NewReader(in.String()), &failWriter{n: 2}, opt)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("write error: got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("batch hangs after a write error")
	}

	var out bytes.Buffer
	cut := in.String()[:in.Len()-10] // the last line is cut off by the error
	st, err := batch(context.Background(), failReader{strings.NewReader(cut)}, &out, opt)
	if err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("read error: got %v", err)
	}
	if st.articles != 199 {
		t.Errorf("%d articles before the read error, want 199", st.articles)
	}
}

func TestUnpairedSurrogate(t *testing.T) {
	for raw, want := range map[string]int{
		`"abc"`:                -1,
		`"\ud83d\ude00"`:       -1,
		`"\\ud800"`:            -1, // an escaped backslash, then text
		`"x\ud800"`:            2,
		`"\ud800\u0041"`:       1,
		`"\udc00"`:             1,
		`"\ud83d\ude00\udfff"`: 13,
		`"\n\"\ud800`:          5,
	} {
		if got := unpairedSurrogate([]byte(raw)); got != want {
			t.Errorf("unpairedSurrogate(%s) = %d, want %d", raw, got, want)
		}
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, total: 10e6, start: time.Now().Add(-2 * time.Second)}
	p.read(4e6)
	p.done(false)
	p.done(true)
	p.print(false)
	if got := b.String(); !strings.HasPrefix(got, "\rextract: 2 articles (1 failed), 4.0 MB, 1 articles/s, ETA 3s") {
		t.Errorf("progress line %q", got)
	}
	b.Reset()
	p.print(true)
	if got := b.String(); !strings.HasSuffix(got, "\n") || strings.Contains(got, "ETA") {
		t.Errorf("last progress line %q", got)
	}
	var nilProgress *progress
	nilProgress.read(1)
	nilProgress.done(true)
	nilProgress.finish()
}

// corpus returns n articles as JSON Lines, and their total size.
func corpus(b testing.TB, n int) []byte {
	texts := articles(b)
	var buf bytes.Buffer
	for i := range n {
		fmt.Fprintln(&buf, jsonLine(map[string]any{"id": i, "text": texts[i%len(texts)]}))
	}
	return buf.Bytes()
}

// BenchmarkBatch measures batch mode over the test articles with 1, 2 and
// (when there are more CPUs) all workers. Compare the articles/s of the
// sub-benchmarks for the speed-up.
func BenchmarkBatch(b *testing.B) {
	const n = 200
	in := corpus(b, n)
	x := citat.MustNew()
	workers := []int{1, 2}
	if c := runtime.NumCPU(); c > 2 {
		workers = append(workers, c)
	}
	for _, w := range workers {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			opt := batchOptions{workers: w, maxLine: defaultMaxLine, budget: defaultBudget, x: x}
			for b.Loop() {
				st, err := batch(context.Background(), bytes.NewReader(in), io.Discard, opt)
				if err != nil || st.articles != n || st.failed != 0 {
					b.Fatalf("%+v, %v", st, err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// lineWriter passes on each write it gets.
type lineWriter chan string

func (w lineWriter) Write(p []byte) (int, error) {
	w <- string(p)
	return len(p), nil
}

// TestBatchStreams feeds lines one at a time, as a slow producer would:
// each answer must come out before the next line goes in, although lines
// travel to the workers in runs.
func TestBatchStreams(t *testing.T) {
	r, w := io.Pipe()
	out := make(lineWriter, 16)
	done := make(chan error, 1)
	go func() {
		opt := batchOptions{workers: 2, maxLine: defaultMaxLine, budget: defaultBudget, x: citat.MustNew()}
		_, err := batch(context.Background(), r, out, opt)
		done <- err
	}()
	for n := 1; n <= 3; n++ {
		fmt.Fprintf(w, "%s\n", jsonLine(map[string]any{"id": n, "text": "- Vi er klar, siger Anne Holm."}))
		select {
		case got := <-out:
			if want := fmt.Sprintf(`"line":%d`, n); !strings.Contains(got, want) {
				t.Fatalf("after line %d the output is %q, want %s", n, got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no output for line %d while the input waits", n)
		}
	}
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
