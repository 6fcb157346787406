package speaker_test

import (
	"fmt"

	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/speaker"
)

func ExampleAnalyze() {
	text := "Frankrigs præsident, Emmanuel Macron, talte mandag. Præsidenten siger, at intet kan udelukkes."
	a := speaker.Analyze(text)
	np, _ := a.Subject(speaker.Span{Start: 53, End: len(text)})
	r := a.Resolve(np)
	e := a.Entities[r.Entity]
	fmt.Printf("%q → %s (%s), via %s\n", text[np.Span.Start:np.Span.End], e.Name, e.Role, r.Via)
	// Output:
	// "Præsidenten" → Emmanuel Macron (Frankrigs præsident), via role
}

// An Analyzer reads one document after another with the same memory; the
// Analysis it returns holds until its next call.
func ExampleAnalyzer() {
	var z speaker.Analyzer
	for _, text := range []string{
		"Borgmester Anne Holm (S) siger nej.",
		"Direktør Per Lund siger ja. Han er glad.",
	} {
		a := z.AnalyzeDoc(segment.New(text), nil)
		for _, e := range a.Entities {
			fmt.Printf("%s, %s %s\n", e.Name, e.Role, e.Party)
		}
	}
	// Output:
	// Anne Holm, Borgmester S
	// Per Lund, Direktør
}
