package attribution_test

import (
	"testing"

	"github.com/citat-go/citat/attribution"
	"github.com/citat-go/citat/internal/fuzzkit"
	"github.com/citat-go/citat/speaker"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLinkerReuse reuses one Linker over a sequence of texts: each result
// must be what a new Linker links.
func TestLinkerReuse(t *testing.T) {
	var k attribution.Linker
	cat := attribution.DefaultCatalogue()
	for i, text := range fuzzkit.Sequence(t) {
		doc, found, an := before(text)
		got := k.Link(doc, found, an, cat)
		want := attribution.Link(doc, found, an, cat)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(speaker.NP{})); diff != "" {
			t.Fatalf("text %d: reused Linker differs from a new one (-new +reused):\n%s", i, diff)
		}
	}
}
