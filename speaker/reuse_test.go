package speaker

import (
	"context"
	"fmt"
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
	"github.com/citat-go/citat/internal/segment"
	"github.com/google/go-cmp/cmp"
)

// TestAnalyzerReuse reuses one Analyzer over a sequence of texts: its
// entities, and the subject and resolution of every sentence, must be what
// a new Analyzer finds.
func TestAnalyzerReuse(t *testing.T) {
	var z Analyzer
	for i, text := range fuzzkit.Sequence(t) {
		doc := segment.New(text)
		got := describe(z.AnalyzeDoc(doc, nil))
		want := describe(AnalyzeDoc(doc, nil))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("text %d: reused Analyzer differs from a new one (-new +reused):\n%s", i, diff)
		}
	}
}

// describe writes out what an analysis says, line by line.
func describe(a *Analysis) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, fmt.Sprintf("entity %q %v %s %v role %q party %q tokens %q mentions %v", e.Name, e.NameSpan, e.Type, e.Gender, e.Role, e.Party, e.tokens, e.mentions))
	}
	for _, s := range a.doc.Sentences {
		if np, ok := a.Subject(s.Span); ok {
			r := a.Resolve(np)
			out = append(out, fmt.Sprintf("subject %v %s → %d by %s", np.Span, np.Kind, r.Entity, r.Via))
		}
		out = append(out, fmt.Sprintf("latest at %d: %d", s.End, a.LatestSpeaker(s.End)))
	}
	return out
}

// TestWordsBounded reuses an Analyzer over more distinct words than its
// parser remembers: the memory must stay bounded.
func TestWordsBounded(t *testing.T) {
	var z Analyzer
	var doc segment.Doc
	for i := range 3 * maxWords / 100 {
		text := ""
		for k := range 100 {
			text += fmt.Sprintf("ord%dx ", i*100+k)
		}
		doc.Reset(context.Background(), text)
		z.AnalyzeDoc(&doc, nil)
		if n := len(z.p.known.m); n > maxWords+100 {
			t.Fatalf("after %d texts the parser remembers %d words, more than %d", i+1, n, maxWords+100)
		}
	}
}
