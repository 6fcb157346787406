package citat

import (
	"errors"
	"testing"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
)

// seedCases are small inputs of the shapes the pipeline handles, and of
// shapes that have broken it; they seed FuzzExtract and the per-package
// fuzz targets keep similar lists.
var seedCases = []string{
	"",
	" ",
	"\n\n\n",
	"- Vi vinder, siger hun.",
	"- Vi vinder, siger hun. - Og det bliver stort.",
	"»Det er en skandale,« siger Mette Frederiksen (S) til DR.",
	"»Man vil have flere timer,« siger hun, »og så ender det med vikarer.«",
	"Hun siger: »Vi har holdt over 40 møder.«",
	"Han siger til Berlingske, at reformen er god.",
	"Til DR siger ministeren, at hun ikke trækker sig.",
	"Ifølge Reuters er forhandlingerne brudt sammen.",
	"Der er ingen fare, lyder det fra Vandcenter Syd.",
	"Det siger direktør Anne Holm til Ritzau.",
	"Sanne Kjærulff kalder forslaget »et regnestykke, der ikke går op«.",
	"Skatteminister Mikkel Bonde (M) om vurderingerne:\n\n»Jeg forstår godt, at folk er trætte af at vente.«\n\n(Ritzau)",
	"Hvad tænker du?\n\n- Det er svært at sige.",
	"»Første afsnit.\n\n»Andet afsnit,« siger han.",
	"„Tysk citat“, sagde hun.",
	"\"Lige citat\", siger han.",
	"”Svensk citat”, siger hon.",
	"«Omvendt» siger han.",
	"»»»»»",
	"«««««",
	"„„„„„",
	"\"\"\"\"\"",
	"- - - - -",
	"–\n—\n‒\n―\n−",
	"- \n- \n- ",
	"»a „b “c ‘d’ e” f“ g«",
	"a\x00b »c\x00d«, siger\x01 han\x7f.",
	"Linje et\r\nlinje to\r\n\r\n- Citat, siger han.\r\n",
	"Linje et\rlinje to\r\r- Citat, siger han.\r",
	"\ufeff- Citat med BOM, siger hun.",
	"- Pa\u030ast, siger Ma\u030ans Ja\u0308rvinen.",
	"- Привет, сказал Иван Петров. »مرحبا«, siger 李明 til DR. 👩‍👩‍👧 siger hej.",
	"Hr. A.P. Møller - Mærsk siger bl.a., at det er kl. 14.30 d. 16. februar.",
	"Ifølge",
	"siger han",
	", siger han",
	"- ,siger han",
	"Det siger",
	"(",
	"(S)",
	"Anne Holm (",
	// A sentence end inside quote marks once made an at-clause cross the
	// direct quote (see testdata/fuzz/FuzzExtract).
	"Han fortæller, at »vi vinder! Det er sikkert«, siger han.",
	"Hun siger, at \"nej! Vi går nu,\" siger hun.",
	"fremhæve,at \"0! 0\"sige A000",
	// A name particle at the very end of the text read past it (see
	// speaker/testdata/fuzz/FuzzAnalyze).
	"Hun hedder Ursula van",
	"- Ja, siger Ursula von der",
}

// FuzzExtract feeds arbitrary bytes to the whole pipeline: valid UTF-8
// through the default Extractor, invalid UTF-8 through both the default
// (which must reject it at the first invalid byte) and a lenient one (whose
// records must index the original bytes). The default Extractor's working
// memory is reused from input to input, so its records must also equal a
// new Extractor's.
func FuzzExtract(f *testing.F) {
	for _, text := range articleCorpus(f) {
		f.Add(text)
	}
	for _, s := range seedCases {
		f.Add(s)
	}
	f.Add("- Ugyldig \xff UTF-8, siger \xc3 han.")
	lenient := MustNew(WithLenientUTF8())
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := checkDeterministic(t, defaultExtractor, in)
		if utf8.ValidString(in) {
			if err != nil {
				t.Fatalf("valid input rejected: %v", err)
			}
			checkRecords(t, in, recs)
			if fresh, _ := MustNew().Extract(in); !gocmp.Equal(fresh, recs) {
				t.Fatalf("records differ from a new Extractor's (-new +reused):\n%s", gocmp.Diff(fresh, recs))
			}
			lrecs, err := lenient.Extract(in)
			if err != nil {
				t.Fatalf("lenient Extractor rejected valid input: %v", err)
			}
			if len(lrecs) != len(recs) {
				t.Fatalf("lenient Extractor found %d records in valid input, the default %d", len(lrecs), len(recs))
			}
			return
		}
		var ie *InputError
		if !errors.Is(err, ErrInvalidUTF8) || !errors.As(err, &ie) {
			t.Fatalf("invalid input: err = %v, want an *InputError for ErrInvalidUTF8", err)
		}
		if want := firstInvalid(in); ie.Offset != want {
			t.Fatalf("InputError.Offset = %d, want %d", ie.Offset, want)
		}
		if recs != nil {
			t.Fatalf("records returned with an error: %v", recs)
		}
		lrecs, err := checkDeterministic(t, lenient, in)
		if err != nil {
			t.Fatalf("lenient Extractor: %v", err)
		}
		checkRecords(t, in, lrecs)
	})
}

// firstInvalid returns the offset of the first byte that does not start a
// valid UTF-8 sequence, computed independently of the package's own code.
func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
}
