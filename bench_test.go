package citat_test

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/attribution"
	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/citat-go/citat/speaker"
)

// corpus returns the bundled articles.
func corpus(tb testing.TB) []string {
	tb.Helper()
	names, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no bundled articles: %v", err)
	}
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func totalBytes(arts []string) int64 {
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	return int64(n)
}

// BenchmarkExtract measures the whole pipeline over the bundled corpus,
// article by article; MB/s is input bytes per second. Besides B/op it
// reports the bytes allocated per input byte (B/in-B), how much of that
// the returned records themselves take (out-B/in-B): what is left is the
// pipeline's working memory; and the records per KB of text.
func BenchmarkExtract(b *testing.B) {
	benchmarkTexts(b, corpus(b), citat.Extract)
}

// archive names a JSON Lines file of articles ({"text": ...} a line) for
// BenchmarkArchive: the bundled articles quote someone every 200 bytes,
// several times as often as most news, so figures on one's own texts can
// differ.
var archive = flag.String("archive", "", "JSON Lines `file` of articles for BenchmarkArchive")

// BenchmarkArchive measures Extract over the texts of -archive, as
// BenchmarkExtract does over the bundled articles, with an Extractor that
// has read them once; without -archive it is skipped.
func BenchmarkArchive(b *testing.B) {
	if *archive == "" {
		b.Skip("no -archive file of JSON Lines articles")
	}
	texts := readArchive(b, *archive)
	x := citat.MustNew()
	// A first pass teaches the Extractor the archive's words, as the first
	// articles of a long batch run do.
	for _, t := range texts {
		if _, err := x.Extract(t); err != nil {
			b.Fatal(err)
		}
	}
	benchmarkTexts(b, texts, x.Extract)
}

// benchmarkTexts runs extract over texts, one by one, and reports the
// figures BenchmarkExtract describes.
func benchmarkTexts(b *testing.B, texts []string, extract func(string) ([]citat.Record, error)) {
	in := totalBytes(texts)
	b.SetBytes(in)
	b.ReportAllocs()
	var out, n int64
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		out, n = 0, 0
		for _, t := range texts {
			recs, err := extract(t)
			if err != nil {
				b.Fatal(err)
			}
			out += recordBytes(recs)
			n += int64(len(recs))
		}
	}
	runtime.ReadMemStats(&after)
	total := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N)
	b.ReportMetric(total/float64(in), "B/in-B")
	b.ReportMetric(float64(out)/float64(in), "out-B/in-B")
	b.ReportMetric(float64(n)/float64(in)*1024, "records/KB")
}

// readArchive returns the non-empty texts of a JSON Lines file.
func readArchive(tb testing.TB, name string) []string {
	tb.Helper()
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	dec := json.NewDecoder(f)
	for {
		var a struct{ Text string }
		if err := dec.Decode(&a); err == io.EOF {
			break
		} else if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		if strings.TrimSpace(a.Text) != "" {
			texts = append(texts, a.Text)
		}
	}
	if len(texts) == 0 {
		tb.Fatalf("%s: no texts", name)
	}
	return texts
}

// recordBytes is the memory the records take as Extract allocates them:
// the slice, and one block each for their spans, speakers, sources and
// evidence, in the size classes the allocator rounds them to. Strings are
// slices of the input and cost nothing.
func recordBytes(recs []citat.Record) int64 {
	var spans, speakers, sources, evidence uintptr
	for _, r := range recs {
		if r.Cue != nil {
			spans++
		}
		if r.Speaker != nil {
			speakers++
			if r.Speaker.Mention != nil {
				spans++
			}
		}
		if r.Source != nil {
			sources++
			if r.Source.Mention != nil {
				spans++
			}
		}
		evidence += uintptr(len(r.Evidence))
	}
	n := 0
	for _, size := range []uintptr{
		uintptr(cap(recs)) * unsafe.Sizeof(citat.Record{}),
		spans * unsafe.Sizeof(citat.Span{}),
		speakers * unsafe.Sizeof(citat.Speaker{}),
		sources * unsafe.Sizeof(citat.Source{}),
		evidence * unsafe.Sizeof(""),
	} {
		n += sizeClass(int(size))
	}
	return int64(n)
}

// sizeClass rounds n up to the allocator's size class, closely enough for
// a report: classes step by 16 bytes up to 256 and by an eighth above.
func sizeClass(n int) int {
	switch {
	case n == 0:
		return 0
	case n <= 16:
		return (n + 7) &^ 7
	case n <= 256:
		return (n + 15) &^ 15
	}
	step := 1 << (bits.Len(uint(n)) - 4)
	return (n + step - 1) &^ (step - 1)
}

// The stage benchmarks run one stage on inputs the earlier stages made
// beforehand, so that a regression can be located.

// Each stage runs in its reusable form, as Extract runs it: a Doc, Finder,
// Analyzer or Linker kept from one article to the next.

func BenchmarkSegment(b *testing.B) {
	arts := corpus(b)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	var doc segment.Doc
	ctx := context.Background()
	for b.Loop() {
		for _, a := range arts {
			doc.Reset(ctx, a)
		}
	}
}

type staged struct {
	doc    *segment.Doc
	found  quote.Result
	direct []segment.Span
	an     *speaker.Analysis
}

func stages(arts []string) []staged {
	out := make([]staged, len(arts))
	for i, a := range arts {
		s := &out[i]
		s.doc = segment.New(a)
		s.found = quote.FindDoc(s.doc)
		for _, q := range s.found.Quotes {
			if q.Kind == quote.Direct {
				s.direct = append(s.direct, q.Span)
			}
		}
		s.an = speaker.AnalyzeDoc(s.doc, s.direct)
	}
	return out
}

func BenchmarkQuotes(b *testing.B) {
	arts := corpus(b)
	st := stages(arts)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	var f quote.Finder
	for b.Loop() {
		for _, s := range st {
			f.FindDoc(s.doc)
		}
	}
}

func BenchmarkSpeakers(b *testing.B) {
	arts := corpus(b)
	st := stages(arts)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	var z speaker.Analyzer
	for b.Loop() {
		for _, s := range st {
			z.AnalyzeDoc(s.doc, s.direct)
		}
	}
}

func BenchmarkAttribution(b *testing.B) {
	arts := corpus(b)
	st := stages(arts)
	cat := attribution.DefaultCatalogue()
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	var k attribution.Linker
	for b.Loop() {
		for _, s := range st {
			k.Link(s.doc, s.found, s.an, cat)
		}
	}
}

// longDocument joins the bundled articles, over and over, into one text of
// at least n bytes.
func longDocument(arts []string, n int) string {
	var sb strings.Builder
	for sb.Len() < n {
		for _, a := range arts {
			sb.WriteString(a)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

func benchmarkLong(b *testing.B, n int) {
	text := longDocument(corpus(b), n)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := citat.Extract(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLong1MB(b *testing.B)  { benchmarkLong(b, 1<<20) }
func BenchmarkLong10MB(b *testing.B) { benchmarkLong(b, 10<<20) }
