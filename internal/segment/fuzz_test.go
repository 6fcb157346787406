package segment

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/fuzzkit"
)

// seeds are the bundled articles and small inputs of tricky shapes.
func seeds(f *testing.F) []string {
	return append(fuzzkit.Articles(f),
		"", " ", "\n", "\r", "\r\n", "\n\n", "\r\r", "\r\n\r\n", " \t\n \n",
		"Første afsnit.\n\nAndet afsnit.", "Linje et\nLinje to", "Linje et\r\nLinje to\r\n\r\nTre",
		"Hr. A.P. Møller siger bl.a., at kl. 14.30 d. 16. februar. Det er sandt! Ja? Nej… Så:",
		"Han siger: »Nej.« Hun siger: „Ja.“ - Måske.", "1.200 kr. og 2,5 pct. EU’s SF's Ammitzbøll-Bille 24/7",
		"\ufeffBOM. Tekst.", "a\x00b. C\x01d.", "Pa\u030ast. A\u030a.", "Привет. Мир! 李明。 👩‍👩‍👧.",
		". . . . .", "» « » «", "Múte B. Egede.", "Ugyldig \xff. \xc3 tekst.",
	)
}

// checkSpans checks that spans lie in [start, end) on rune boundaries, in
// order, without overlapping, and are not empty.
func checkSpans(t *testing.T, what, text string, bounds []bool, start, end int, spans []Span) {
	t.Helper()
	prev := start
	for i, sp := range spans {
		if sp.Start < prev || sp.End > end || sp.Start >= sp.End {
			t.Fatalf("%s %d %v: not inside [%d, %d), after %d, non-empty (text %q)", what, i, sp, start, end, prev, text)
		}
		if !bounds[sp.Start] || !bounds[sp.End] {
			t.Fatalf("%s %d %v not on rune boundaries (text %q)", what, i, sp, text)
		}
		prev = sp.End
	}
}

func FuzzParagraphs(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		bounds := fuzzkit.RuneBounds(text)
		ps := Paragraphs(text)
		spans := make([]Span, len(ps))
		for i, p := range ps {
			if p.Index != i {
				t.Fatalf("paragraph %d has index %d", i, p.Index)
			}
			spans[i] = p.Span
			if s, e := TrimSpace(text, p.Start, p.End); utf8.ValidString(text) && (s != p.Start || e != p.End) {
				t.Fatalf("paragraph %d %v not trimmed: %q", i, p.Span, text[p.Start:p.End])
			}
		}
		checkSpans(t, "paragraph", text, bounds, 0, len(text), spans)
		if !reflect.DeepEqual(ps, Paragraphs(text)) {
			t.Fatal("Paragraphs is not deterministic")
		}
		d := New(text)
		for i, s := range d.Sentences {
			p := d.Paragraphs[s.Para]
			if !p.Contains(s.Span) {
				t.Fatalf("sentence %d %v outside its paragraph %v", i, s.Span, p.Span)
			}
			if got := d.SentenceAt(s.Start); got != i {
				t.Fatalf("SentenceAt(%d) = %d, want %d", s.Start, got, i)
			}
		}
		checkIndex(t, d)
		for i := range d.Paragraphs {
			for _, s := range d.ParaSentences(i) {
				if s.Para != i {
					t.Fatalf("ParaSentences(%d) holds a sentence of paragraph %d", i, s.Para)
				}
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, uint(0), uint(len(s)))
		f.Add(s, uint(len(s)/3), uint(2*len(s)/3))
	}
	f.Fuzz(func(t *testing.T, text string, a, b uint) {
		bounds := fuzzkit.RuneBounds(text)
		start, end := fuzzkit.Region(bounds, a, b)
		ss := Sentences(text, start, end)
		checkSpans(t, "sentence", text, bounds, start, end, ss)
		if !reflect.DeepEqual(ss, Sentences(text, start, end)) {
			t.Fatal("Sentences is not deterministic")
		}
		for dot := range len(text) {
			if text[dot] == '.' {
				PeriodEndsSentence(text, dot)
			}
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, uint(0), uint(len(s)))
		f.Add(s, uint(len(s)/3), uint(2*len(s)/3))
	}
	f.Fuzz(func(t *testing.T, text string, a, b uint) {
		bounds := fuzzkit.RuneBounds(text)
		start, end := fuzzkit.Region(bounds, a, b)
		ws := Words(text, start, end)
		checkSpans(t, "word", text, bounds, start, end, ws)
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(text[w.Start:w.End])
			if !isWordRune(r) {
				t.Fatalf("word %d %q starts with %q", i, text[w.Start:w.End], r)
			}
		}
		if !reflect.DeepEqual(ws, Words(text, start, end)) {
			t.Fatal("Words is not deterministic")
		}
	})
}
