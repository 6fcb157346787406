package quote

import (
	"reflect"
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
)

func fuzzSeeds(f *testing.F) []string {
	return append(fuzzkit.Articles(f),
		"", "- Vi vinder, siger hun.", "- A, siger han. - B.", "»Det er godt,« siger hun, »og skidt.«",
		"Hun siger: »Nej.«", "Han siger til DR, at det er slut.", "Ifølge Reuters er det slut.",
		"Der er ingen fare, lyder det fra Vandcenter Syd.", "Det er slut.\n\nDet siger Anne Holm til Ritzau.",
		"Hun kalder det »ærgerligt«.", "X om Y:\n\n»Citat her og der.«\n\n(Ritzau)", "Hvad nu?\n\n- Ingenting.",
		"»Første.\n\n»Anden,« siger han.", "„a“ \"b\" ”c” «d» ‘e’", "»»»»", "- - - -", "-\n-\n-",
		"Ifølge", "Det siger", ", siger han", "»a „b »c", "a\x00»b\x01«, siger han.", "\ufeff- BOM, siger hun.",
		"Linje\r\n\r\n- CRLF, siger han.\r\n", "- Ugyldig \xff, siger \xc3 han.",
	)
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		bounds := fuzzkit.RuneBounds(text)
		res := Find(text)
		ok := func(what string, i int, sp Span, allowEmpty bool) {
			t.Helper()
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || !allowEmpty && sp.Start == sp.End {
				t.Fatalf("%s %d: bad span %v in %d bytes (text %q)", what, i, sp, len(text), text)
			}
			if !bounds[sp.Start] || !bounds[sp.End] {
				t.Fatalf("%s %d: span %v not on rune boundaries (text %q)", what, i, sp, text)
			}
		}
		for i, a := range res.Attributions {
			ok("attribution cue", i, a.Cue, true)
			ok("attribution who", i, a.Who, true)
			ok("attribution span", i, a.Span, true)
		}
		for i, q := range res.Quotes {
			ok("quote", i, q.Span, false)
			if q.Attr < -1 || q.Attr >= len(res.Attributions) {
				t.Fatalf("quote %d: attribution %d of %d", i, q.Attr, len(res.Attributions))
			}
			if _, err := q.Kind.MarshalText(); err != nil {
				t.Fatalf("quote %d: %v", i, err)
			}
			if i > 0 {
				p := res.Quotes[i-1]
				if p.Span.Start > q.Span.Start {
					t.Fatalf("quotes %d and %d not sorted: %v, %v", i-1, i, p.Span, q.Span)
				}
			}
		}
		// Quotes overlap only by nesting.
		var stack []Span
		for i, q := range res.Quotes {
			for len(stack) > 0 && stack[len(stack)-1].End <= q.Span.Start {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 && !stack[len(stack)-1].Contains(q.Span) && !q.Span.Contains(stack[len(stack)-1]) {
				t.Fatalf("quote %d %v overlaps %v without nesting (text %q)", i, q.Span, stack[len(stack)-1], text)
			}
			stack = append(stack, q.Span)
		}
		if again := Find(text); !reflect.DeepEqual(res, again) {
			t.Fatalf("Find is not deterministic for %q", text)
		}
	})
}
