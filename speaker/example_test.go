package speaker_test

import (
	"fmt"

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
