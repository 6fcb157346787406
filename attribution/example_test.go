package attribution_test

import (
	"fmt"

	"github.com/citat-go/citat/attribution"
	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/citat-go/citat/speaker"
)

func ExampleCatalogue_Find() {
	text := "siger han ifølge nyhedsbureauet Reuters og til TV 2 Fyn"
	for _, m := range attribution.DefaultCatalogue().Find(text, 0, len(text)) {
		fmt.Println(m.Name, m.Kind, text[m.Span.Start:m.Span.End])
	}
	// Output:
	// Reuters agency Reuters
	// TV 2 Fyn broadcaster TV 2 Fyn
}

// A Linker links the quotes of one document after another with the same
// memory; what it returns holds until its next call. The earlier stages
// have reusable forms too (quote.Finder, speaker.Analyzer).
func ExampleLinker() {
	var k attribution.Linker
	for _, text := range []string{
		"- Vi er klar, siger træneren Ib Holm til DR.",
		"»Det bliver svært,« sagde Eva Berg ifølge Ritzau.",
	} {
		doc := segment.New(text)
		found := quote.FindDoc(doc)
		an := speaker.AnalyzeDoc(doc, nil)
		for _, l := range k.Link(doc, found, an, attribution.DefaultCatalogue()) {
			fmt.Printf("%q: %s via %s\n", text[l.Quote.Span.Start:l.Quote.Span.End], an.Entities[l.Speaker.Entity].Name, l.Source.Name)
		}
	}
	// Output:
	// "Vi er klar": Ib Holm via DR
	// "Det bliver svært": Eva Berg via Ritzau
}
