package quote_test

import (
	"fmt"
	"slices"

	"github.com/citat-go/citat/internal/segment"
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

// A Finder reads one document after another with the same memory; what it
// returns holds until its next call, so keep what you need before then.
func ExampleFinder() {
	var f quote.Finder
	for _, text := range []string{
		"- Vi er klar, siger træneren.",
		"»Det bliver svært,« sagde hun til DR.",
	} {
		res := f.FindDoc(segment.New(text))
		for _, q := range res.Quotes {
			fmt.Printf("%s %q\n", q.Kind, text[q.Span.Start:q.Span.End])
		}
	}
	// Output:
	// direct "Vi er klar"
	// direct "Det bliver svært"
}

func ExampleForms() {
	var forms []string
	for form, v := range quote.Forms() {
		if v.Lemma == "udtale" {
			forms = append(forms, form)
		}
	}
	slices.Sort(forms)
	fmt.Println(forms)
	// Output:
	// [udtale udtaler udtalt udtalte]
}
