package citat

import (
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
	gocmp "github.com/google/go-cmp/cmp"
)

// TestExtractorReuse runs one Extractor over a sequence of texts, so that
// its pooled working memory is reused: every result must equal what a new
// Extractor returns, and records returned earlier must not change when the
// memory is reused for later texts.
func TestExtractorReuse(t *testing.T) {
	x := MustNew()
	texts := fuzzkit.Sequence(t)
	got := make([][]Record, len(texts))
	for i, text := range texts {
		recs, err := x.Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		want, err := MustNew().Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		if d := gocmp.Diff(want, recs); d != "" {
			t.Fatalf("text %d: reused Extractor differs from a new one (-new +reused):\n%s", i, d)
		}
		got[i] = recs
	}
	for i, text := range texts {
		want, _ := MustNew().Extract(text)
		if d := gocmp.Diff(want, got[i]); d != "" {
			t.Fatalf("text %d: records changed after later extractions (-want +got):\n%s", i, d)
		}
	}
}
