package speaker

import (
	"reflect"
	"testing"

	"github.com/citat-go/citat/internal/fuzzkit"
)

func fuzzSeeds(f *testing.F) []string {
	return append(fuzzkit.Articles(f),
		"", "Han siger.", "Til Børsen siger hun.", "Hos Gyldendal kalder forlagsredaktør Nikolaj Holm romanen god.",
		"I Venstre mener man, at det er godt.", "Finansminister Nicolai Wammen (S) siger.",
		"Formanden for Region Midtjylland, Anders Kühnau, siger.", "Ursula von der Leyen siger. Von der Leyen smiler.",
		"A.P. Møller - Mærsk oplyser.", "Ifølge Bo Lindvig var det to udvisninger.", "Ukraines luftvåben oplyser.",
		"Klima-, energi- og forsyningsminister Lars Aagaard siger.", "En kilde siger. Et øjenvidne siger.",
		"Den franske præsident siger. Præsidenten siger.", "(S)", "Anne (", "SF's Kasper Winge siger.",
		"Ministeren, der er professor i jura, siger.", "Han\x00 siger\x01.", "\ufeffHun siger.", "Ugyldig \xff Hansen \xc3.",
	)
}

// FuzzAnalyze checks the entities of Analyze and the subject, resolution
// and latest speaker of a fuzzed region.
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint(0), uint(len(s)))
		f.Add(s, uint(len(s)/4), uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, text string, a, b uint) {
		bounds := fuzzkit.RuneBounds(text)
		ok := func(what string, sp Span) {
			t.Helper()
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || !bounds[sp.Start] || !bounds[sp.End] {
				t.Fatalf("%s: bad span %v in %d bytes (text %q)", what, sp, len(text), text)
			}
		}
		an := Analyze(text)
		for i, e := range an.Entities {
			ok("entity name", e.NameSpan)
			if e.Name == "" || e.Name != text[e.NameSpan.Start:e.NameSpan.End] {
				t.Fatalf("entity %d: name %q, span %v holds %q", i, e.Name, e.NameSpan, text[e.NameSpan.Start:e.NameSpan.End])
			}
		}
		start, end := fuzzkit.Region(bounds, a, b)
		reg := Span{Start: start, End: end}
		np, found := an.Subject(reg)
		if found {
			ok("subject", np.Span)
			ok("subject name", np.Name)
			ok("subject role", np.Role)
			r := an.Resolve(np)
			if r.Entity < -1 || r.Entity >= len(an.Entities) || r.Via == "" {
				t.Fatalf("Resolve(%+v) = %+v with %d entities", np, r, len(an.Entities))
			}
		}
		if e := an.LatestSpeaker(reg.End); e < -1 || e >= len(an.Entities) {
			t.Fatalf("LatestSpeaker(%d) = %d with %d entities", reg.End, e, len(an.Entities))
		}
		again := Analyze(text)
		if !reflect.DeepEqual(an.Entities, again.Entities) {
			t.Fatalf("Analyze is not deterministic for %q", text)
		}
		np2, found2 := again.Subject(reg)
		if found2 != found || !reflect.DeepEqual(np, np2) {
			t.Fatalf("Subject is not deterministic for %q in %v", text, reg)
		}
	})
}
