package citat_test

import (
	"strings"
	"testing"

	"github.com/citat-go/citat"
)

// TestSpeakers checks, end to end, who a quote is attributed to in
// constructions where the speaker phrase is hard to delimit.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		quote      string // the start of the quote's text
		want       string // the speaker's name; "" for none
	}{
		{"a sentence adverb before the finite verb of a subordinate clause",
			"Han gik, efter at Karl Hjortnæs forud havde sagt, at sagen var slut.", "sagen var slut", "Karl Hjortnæs"},
		{"a surname in -s before the verb",
			"Karl Hjortnæs sagde i går, at sagen var slut.", "sagen var slut", "Karl Hjortnæs"},
		{"a descriptor noun after the role's comma",
			"Formanden for sundhedsudvalget, fremskridtsmanden Jan Holm, sagde i går, at forslaget kommer.", "forslaget kommer", "Jan Holm"},
		{"a paragraph that lost its opening mark",
			"Klubben har skiftet træner.\n\nVi er glade for valget. Han kender spillerne,\" siger formand Ida Lund.", "Vi er glade", "Ida Lund"},
		{"an unnamed speaker stays unnamed",
			"En kilde i ministeriet siger, at aftalen er på plads.", "aftalen er på plads", ""},
		{"an indirect question with an article and adjectives before the name",
			"Så spurgte en undrende Eva Holm, hvorfor det lød så underligt.", "hvorfor det lød", "Eva Holm"},
		{"a named person's opinion, the name in the genitive",
			"Borgmester Mette Holm (S) er utilfreds.\n\nEfter Mette Holms opfattelse har ministeriet ikke lyttet.", "har ministeriet", "Mette Holm"},
		{"an opinion with a possessive pronoun",
			"Borgmester Mette Holm (S) er utilfreds.\n\nEfter hendes opfattelse har ministeriet ikke lyttet.", "har ministeriet", "Mette Holm"},
		{"a group's opinion has no named speaker",
			"Efter sagsøgernes opfattelse mangler regeringen stadig en plan.", "mangler regeringen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := citat.Extract(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				if !strings.HasPrefix(r.Text, tt.quote) {
					continue
				}
				got := ""
				if r.Speaker != nil {
					got = r.Speaker.Name
				}
				if got != tt.want {
					t.Errorf("speaker of %q = %q; want %q", r.Text, got, tt.want)
				}
				return
			}
			t.Errorf("no quote starting %q in %q; have %d records", tt.quote, tt.text, len(recs))
		})
	}
}
