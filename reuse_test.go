package citat

import (
	"runtime"
	"strings"
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

// TestWorkingMemoryKept checks that an Extractor keeps its working memory
// across garbage collections and hands it to any goroutine, and that it
// does not keep memory grown by a large text.
func TestWorkingMemoryKept(t *testing.T) {
	x := MustNew()
	text := fuzzkit.Articles(t)[0]
	if _, err := x.Extract(text); err != nil {
		t.Fatal(err)
	}
	if len(x.idle) != 1 {
		t.Fatalf("after one extraction %d sets of working memory are kept, want 1", len(x.idle))
	}
	kept := <-x.idle
	x.idle <- kept
	runtime.GC()
	runtime.GC()
	done := make(chan error)
	go func() { _, err := x.Extract(text); done <- err }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := <-x.idle; got != kept {
		t.Error("the working memory was not reused after two collections, by another goroutine")
	}

	big := strings.Repeat(text+"\n\n", keepText/len(text)+1)
	if _, err := x.Extract(big); err != nil {
		t.Fatal(err)
	}
	if len(x.idle) != 0 {
		t.Errorf("the working memory of a %d-byte text is kept", len(big))
	}
}
