package attribution

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/fuzzkit"
)

func fuzzSeeds(f *testing.F) []string {
	return append(fuzzkit.Articles(f),
		"", "siger han til DR.", "ifølge nyhedsbureauet Reuters", "skriver hun på X.", "til TV 2 Fyns",
		"(Ritzau)", "Jyllands-Posten's", "til Fyns Amts Avis", "til Vejle Nyheder.", "til DR. Og", "X X X",
		"ifølge Information", "Information", "Ritzau's Ritzaus Ritzau’s", "DR\x00 TV\x01 2", "til \xff DR \xc3",
	)
}

func FuzzCatalogueFind(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint(0), uint(len(s)))
		f.Add(s, uint(len(s)/3), uint(2*len(s)/3))
	}
	cat := DefaultCatalogue()
	f.Fuzz(func(t *testing.T, text string, a, b uint) {
		bounds := fuzzkit.RuneBounds(text)
		start, end := fuzzkit.Region(bounds, a, b)
		ms := cat.Find(text, start, end)
		prev := start
		for i, m := range ms {
			sp := m.Span
			if sp.Start < prev || sp.End > end || sp.Start >= sp.End || !bounds[sp.Start] || !bounds[sp.End] {
				t.Fatalf("match %d %+v: not inside [%d, %d) after %d on rune boundaries (text %q)", i, m, start, end, prev, text)
			}
			// A name kept as written is copied from the text, so it is
			// valid UTF-8 when the text is (the pipeline only ever passes
			// valid text: WithLenientUTF8 blanks invalid bytes first).
			if m.Name == "" || utf8.ValidString(text) && !utf8.ValidString(m.Name) {
				t.Fatalf("match %d: bad name %q", i, m.Name)
			}
			if m.Kind == UnknownMedium || int(m.Kind) >= len(sourceKindNames) {
				t.Fatalf("match %d: kind %v", i, m.Kind)
			}
			prev = sp.End
		}
		if !reflect.DeepEqual(ms, cat.Find(text, start, end)) {
			t.Fatal("Find is not deterministic")
		}
		if u, ok := UnlistedAt(text, start, end); ok {
			if u.Start < start || u.End > end || u.Start >= u.End || !bounds[u.Start] || !bounds[u.End] {
				t.Fatalf("UnlistedAt = %v outside [%d, %d)", u, start, end)
			}
		}
	})
}
