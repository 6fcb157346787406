package attribution_test

import (
	"strings"
	"testing"

	"github.com/citat-go/citat/attribution"
	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/citat-go/citat/speaker"
	"github.com/google/go-cmp/cmp"
)

func TestCatalogueFind(t *testing.T) {
	cat := attribution.DefaultCatalogue()
	tests := []struct {
		text string
		want []string // "Name/kind"
	}{
		{"siger han ifølge nyhedsbureauet Reuters.", []string{"Reuters/agency"}},
		{"siger hun til DR.", []string{"DR/broadcaster"}},
		{"siger han til DR Nyheder", []string{"DR/broadcaster"}},
		{"sagde han til TV 2s sene nyheder", []string{"TV 2/broadcaster"}},
		{"siger hun til TV 2 Fyn", []string{"TV 2 Fyn/broadcaster"}},
		{"siger hun til TV2 Nord", []string{"TV2 Nord/broadcaster"}},
		{"skriver hun på X.", []string{"X/social"}},
		{"X er et bogstav", nil},
		{"Information er vigtig", nil},
		{"siger han til Information", []string{"Information/newspaper"}},
		{"skriver The Guardian og B.T.", []string{"The Guardian/newspaper", "B.T./newspaper"}},
		{"ifølge Berlingskes oplysninger", []string{"Berlingske/newspaper"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range cat.Find(tt.text, 0, len(tt.text)) {
			got = append(got, m.Name+"/"+m.Kind.String())
			if s := tt.text[m.Span.Start:m.Span.End]; !strings.HasPrefix(s, strings.Fields(m.Name)[0][:1]) {
				t.Errorf("%q: mention %q does not point at %q", tt.text, s, m.Name)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestParseCatalogue(t *testing.T) {
	cat, err := attribution.ParseCatalogue("# comment\nLokalavisen\tnewspaper\tLokalavisen|Avisen Lokal\n")
	if err != nil {
		t.Fatal(err)
	}
	text := "siger hun til Avisen Lokal."
	if ms := cat.Find(text, 0, len(text)); len(ms) != 1 || ms[0].Name != "Lokalavisen" {
		t.Errorf("custom catalogue found %+v", ms)
	}
	// Names that start as common words do ("dr.dk" as "det", "Øens" as
	// "øens"), and one of a single byte whose genitive is two.
	cat, err = attribution.ParseCatalogue("dr.dk\tonline\tdr.dk\nØens Blad\tnewspaper\tØens Blad\nQ\tsocial\tQ\n")
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"ifølge dr.dk i går":     "dr.dk",
		"skriver Øens Blad":      "Øens Blad",
		"ifølge Qs oplysninger":  "Q",
		"det dr og øens blad Qu": "",
	} {
		got := ""
		for _, m := range cat.Find(text, 0, len(text)) {
			got += m.Name
		}
		if got != want {
			t.Errorf("Find(%q) found %q, want %q", text, got, want)
		}
	}
	for _, bad := range []string{"only\tone", "X\tplanet\tX", "X\tsocial\t|"} {
		if _, err := attribution.ParseCatalogue(bad); err == nil {
			t.Errorf("ParseCatalogue(%q) accepted a bad line", bad)
		}
	}
}

func TestUnlistedAt(t *testing.T) {
	text := "til Vejle Amts Avis i går"
	sp, ok := attribution.UnlistedAt(text, 4, len(text))
	if !ok || text[sp.Start:sp.End] != "Vejle Amts Avis" {
		t.Errorf("UnlistedAt = %q, %v", text[sp.Start:sp.End], ok)
	}
	if _, ok := attribution.UnlistedAt(text, 0, len(text)); ok {
		t.Error("a lower-case word started an outlet")
	}
}

// link runs the stages before attribution and links the quotes.
func link(text string) []attribution.Linked {
	doc, found, an := before(text)
	return attribution.Link(doc, found, an, attribution.DefaultCatalogue())
}

// before runs the stages before attribution.
func before(text string) (*segment.Doc, quote.Result, *speaker.Analysis) {
	doc := segment.New(text)
	found := quote.FindDoc(doc)
	var direct []segment.Span
	for _, q := range found.Quotes {
		if q.Kind == quote.Direct {
			direct = append(direct, q.Span)
		}
	}
	return doc, found, speaker.AnalyzeDoc(doc, direct)
}

func TestLinkSources(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "source(inherited)" per quote, "" for none
	}{
		{"own source in the tail", "- Vi er klar, siger Mette Holm til DR.", []string{"DR"}},
		{"according to an agency", "- Vi er klar, siger hun ifølge Reuters.", []string{"Reuters"}},
		{"medium as subject is the source", "Ifølge Bloomberg overvejer flere rederier at følge trop.", []string{"Bloomberg"}},
		{"quote column line", "Borgmester Anne Holm (V) om havnen:\n\n»Det er en stor dag for byen.«\n\n(Ritzau)", []string{"Ritzau"}},
		{"a later quote inherits, marked", "- Vi er klar, siger Mette Holm til DR.\n\nMette Holm tilføjer, at hun er glad.", []string{"DR", "DR(inherited)"}},
		{"a press release names no source", "Det oplyser Rigspolitiet i en pressemeddelelse.", nil},
		{"'til avisen' is the newspaper named before", "Bageriet lukker.\n\nDet skriver Nordjyske.\n\n- Det er trist, siger bager Ole Holm til avisen.", []string{"Nordjyske", "Nordjyske"}},
		{"'til avisen' skips a broadcaster", "Byen får en ny havn.\n\nDet skriver Politiken.\n\n- Vi er klar, siger Anne Holm til TV 2.\n\nBorgmester Ib Berg siger til avisen, at byen er klar.", []string{"Politiken", "TV 2", "Politiken"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range link(tt.text) {
				s := ""
				if l.Source != nil {
					s = l.Source.Name
					if l.Source.Inherited {
						s += "(inherited)"
					}
					if m := tt.text[l.Source.Mention.Start:l.Source.Mention.End]; !strings.Contains(m, strings.TrimSuffix(l.Source.Name, ".")) && m != "avisen" {
						t.Errorf("source mention %q does not name %q", m, l.Source.Name)
					}
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sources (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLinkEvidence(t *testing.T) {
	ls := link("Hvad skal der ske nu?\n\n- Jeg tager til Thy, siger maleren Astrid Holm.\n\nHvad så bagefter?\n\n- Så maler jeg igen.")
	if len(ls) != 2 {
		t.Fatalf("got %d quotes, want 2", len(ls))
	}
	last := ls[1]
	if last.Speaker == nil || last.Speaker.Via != "interview" {
		t.Fatalf("the unattributed answer was not given to the interviewee: %+v", last.Speaker)
	}
	if last.Confidence <= 0 || last.Confidence >= ls[0].Confidence {
		t.Errorf("confidence %.2f of an inferred speaker should be below %.2f", last.Confidence, ls[0].Confidence)
	}
	if len(last.Evidence) == 0 || !strings.HasPrefix(last.Evidence[0], "quote:") {
		t.Errorf("evidence %q does not start with the quote rule", last.Evidence)
	}
}
