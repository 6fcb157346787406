package quote_test

import (
	"fmt"

	"github.com/citat-go/citat/quote"
)

func ExampleFind() {
	text := "- Vi vinder, siger hun.\n\nHan tilføjer, at holdet er klar. Romanen »Begge sider« er ingen kilde."
	res := quote.Find(text)
	for _, q := range res.Quotes {
		a := res.Attributions[q.Attr]
		fmt.Printf("%s %q cue=%q who=%q\n", q.Kind, text[q.Span.Start:q.Span.End], text[a.Cue.Start:a.Cue.End], text[a.Who.Start:a.Who.End])
	}
	// Output:
	// direct "Vi vinder" cue="siger" who=" hun."
	// indirect "holdet er klar" cue="tilføjer" who="Han tilføjer"
}
