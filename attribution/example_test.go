package attribution_test

import (
	"fmt"

	"github.com/citat-go/citat/attribution"
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
