package segment

import (
	"sort"
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
)

// checkIndex compares the Doc's position look-ups with binary searches over
// its words and sentences at every position of the text and a little
// beyond, and WordRange with them over regions of several lengths.
func checkIndex(t *testing.T, d *Doc) {
	t.Helper()
	firstWord := func(pos int) int {
		return sort.Search(len(d.Words), func(i int) bool { return d.Words[i].Start >= pos })
	}
	for pos := -2; pos <= len(d.Text)+2; pos++ {
		if got, want := d.WordIndex(pos), firstWord(pos); got != want {
			t.Fatalf("WordIndex(%d) = %d, want %d", pos, got, want)
		}
		want := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start > pos }) - 1
		if got := d.SentenceAt(pos); got != want {
			t.Fatalf("SentenceAt(%d) = %d, want %d", pos, got, want)
		}
		for _, n := range [...]int{-1, 0, 1, 3, 17, 200} {
			end := pos + n
			i := firstWord(pos)
			j := i + sort.Search(len(d.Words)-i, func(k int) bool { return d.Words[i+k].End > end })
			if gi, gj := d.WordRange(pos, end); gi != i || gj != j {
				t.Fatalf("WordRange(%d, %d) = %d, %d; want %d, %d", pos, end, gi, gj, i, j)
			}
		}
	}
	for k, s := range d.Sentences {
		for _, w := range d.Words[s.FirstWord:s.EndWord] {
			if w.Start < s.Start || w.End > s.End {
				t.Fatalf("sentence %d %v has word %v", k, s.Span, w)
			}
		}
		if before := s.FirstWord - 1; before >= 0 && d.Words[before].Start >= s.Start {
			t.Fatalf("sentence %d %v misses word %v at its start", k, s.Span, d.Words[before])
		}
		if after := s.EndWord; after < len(d.Words) && d.Words[after].End <= s.End {
			t.Fatalf("sentence %d %v misses word %v at its end", k, s.Span, d.Words[after])
		}
	}
}

func TestPositionIndex(t *testing.T) {
	var d Doc
	for _, text := range fuzzkit.Sequence(t) {
		d.reset(text, nil)
		checkIndex(t, &d)
	}
	for _, text := range []string{"", "a", " ", "Ja. Nej.", "\n\n\n", "æøå ÆØÅ. " + string(make([]byte, 300)) + " slut."} {
		checkIndex(t, New(text))
	}
}
