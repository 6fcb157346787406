package citat_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
// article by article; MB/s is input bytes per second.
func BenchmarkExtract(b *testing.B) {
	arts := corpus(b)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := citat.Extract(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The stage benchmarks run one stage on inputs the earlier stages made
// beforehand, so that a regression can be located.

func BenchmarkSegment(b *testing.B) {
	arts := corpus(b)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			segment.New(a)
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
	for b.Loop() {
		for _, s := range st {
			quote.FindDoc(s.doc)
		}
	}
}

func BenchmarkSpeakers(b *testing.B) {
	arts := corpus(b)
	st := stages(arts)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range st {
			speaker.AnalyzeDoc(s.doc, s.direct)
		}
	}
}

func BenchmarkAttribution(b *testing.B) {
	arts := corpus(b)
	st := stages(arts)
	cat := attribution.DefaultCatalogue()
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range st {
			attribution.Link(s.doc, s.found, s.an, cat)
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
