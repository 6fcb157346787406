package quote_test

import (
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestFinderReuse reuses one Finder over a sequence of texts: each result
// must be what a new Finder finds, and a result must stay as it was until
// the Finder's next call.
func TestFinderReuse(t *testing.T) {
	var f quote.Finder
	for i, text := range fuzzkit.Sequence(t) {
		got := f.FindDoc(segment.New(text))
		kept := cmpCopy(got)
		want := quote.FindDoc(segment.New(text))
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("text %d: reused Finder differs from a new one (-new +reused):\n%s", i, diff)
		}
		if diff := cmp.Diff(kept, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("text %d: the result changed before the next call:\n%s", i, diff)
		}
	}
}

func cmpCopy(r quote.Result) quote.Result {
	return quote.Result{Quotes: append([]quote.Quote(nil), r.Quotes...), Attributions: append([]quote.Attribution(nil), r.Attributions...)}
}
