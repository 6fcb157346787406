package speaker_test

import (
	"strings"
	"testing"

	"github.com/citat-go/citat/speaker"
)

func entity(a *speaker.Analysis, name string) (speaker.Entity, bool) {
	for _, e := range a.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return speaker.Entity{}, false
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // entity name
		typ        speaker.Type
		role       string
		party      string
	}{
		{"title before name, party", "Det siger finansminister Jens Holm (S) til Ritzau.", "Jens Holm", speaker.Person, "finansminister", "S"},
		{"genitive role and apposition", "Frankrigs præsident, Emmanuel Macron, er i Paris.", "Emmanuel Macron", speaker.Person, "Frankrigs præsident", ""},
		{"particles", "I går talte Ursula von der Leyen i Bruxelles.", "Ursula von der Leyen", speaker.Person, "", ""},
		{"hyphenated surname and role after name", "Det siger Lene Ammitzbøll-Bille, der er byrådsmedlem i Faxe.", "Lene Ammitzbøll-Bille", speaker.Person, "byrådsmedlem i Faxe", ""},
		{"initial", "Múte B. Egede talte.", "Múte B. Egede", speaker.Person, "", ""},
		{"sentence-initial title is no part of the name", "Statsminister Mette Frederiksen (S) om udspillet:", "Mette Frederiksen", speaker.Person, "Statsminister", "S"},
		{"organisation by suffix", "Det oplyser Rigspolitiet i en pressemeddelelse.", "Rigspolitiet", speaker.Organisation, "", ""},
		{"organisation by word", "Fyns Politi skriver på X, at vejen er spærret.", "Fyns Politi", speaker.Organisation, "", ""},
		{"genitive institution", "Ifølge Ukraines luftvåben blev 97 droner skudt ned.", "Ukraines luftvåben", speaker.Organisation, "", ""},
		{"known company written with a spaced dash", "Maersk sender skibe.\n\nA.P. Møller - Mærsk vil igen sende skibe.", "A.P. Møller - Mærsk", speaker.Organisation, "", ""},
		{"surname joins the full name written later", "Det siger Bækgaard.\n\nRudolf Bækgaard er ikke alene.", "Rudolf Bækgaard", speaker.Person, "", ""},
		{"an institution named by its field", "Center for Cybersikkerhed vurderer, at truslen er høj.", "Center for Cybersikkerhed", speaker.Organisation, "", ""},
		{"a bare apostrophe genitive is a role", "SAS' kommercielle direktør, Jens Holm, kalder strejken uansvarlig.", "Jens Holm", speaker.Person, "SAS' kommercielle direktør", ""},
		{"a determiner, a role and the name after a comma", "Den afgående borgmester, Birgitte Hald (S), erkendte nederlaget.", "Birgitte Hald", speaker.Person, "Den afgående borgmester", "S"},
		{"a name with an inner genitive names no person", "Hun er nomineret til Nordisk Råds Litteraturpris.", "Nordisk Råds Litteraturpris", speaker.UnknownType, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := speaker.Analyze(tt.text)
			e, ok := entity(a, tt.want)
			if !ok {
				var names []string
				for _, e := range a.Entities {
					names = append(names, e.Name)
				}
				t.Fatalf("no entity %q in %q; have %q", tt.want, tt.text, names)
			}
			if e.Type != tt.typ || e.Role != tt.role || e.Party != tt.party {
				t.Errorf("%q: type %v role %q party %q; want %v %q %q", tt.want, e.Type, e.Role, e.Party, tt.typ, tt.role, tt.party)
			}
			if got := tt.text[e.NameSpan.Start:e.NameSpan.End]; got != e.Name {
				t.Errorf("NameSpan points at %q, not %q", got, e.Name)
			}
		})
	}
}

// TestResolve checks whom the subject of the last sentence refers to.
func TestResolve(t *testing.T) {
	tests := []struct {
		name, text, want string // want "" means nobody named
	}{
		{"pronoun to the subject, not the object",
			"Troels Holm roser samtidig Jens Berg for hans indsats. Han siger, at det var godt.", "Troels Holm"},
		{"pronoun skips names in prepositional phrases",
			"Torben Lykke henviser til politiinspektør Anders Friis. Han siger, at sagen kører.", "Torben Lykke"},
		{"gender picks the antecedent",
			"Mette Holm mødte Peter Berg i går. Hun siger, at mødet gik godt.", "Mette Holm"},
		{"role noun to the holder of the role",
			"Finansminister Nicolai Holm (S) fremlagde forslaget. Ministeren siger, at det holder.", "Nicolai Holm"},
		{"hyphenated role noun",
			"Cheftræner Kristian Dybdal var sur. Ifølge FCM-træneren var det straffe. FCM-træneren siger, at det var straffe.", "Kristian Dybdal"},
		{"a pronoun after an unnamed subject stays unnamed",
			"Jens Berg vidnede først. Den 34-årige har erkendt det hele. Han siger, at han følte sig truet.", ""},
		{"unnamed speaker",
			"En kilde med kendskab til sagen siger, at aftalen er på plads.", ""},
		{"organisation noun to the latest organisation",
			"Novo Nordisk sænker forventningerne. Selskabet siger, at salget falder.", "Novo Nordisk"},
		{"people with a locative organisation",
			"I Dansk Folkeparti mener man, at skatten skal ned.", "Dansk Folkeparti"},
		{"an inverted subject after a source",
			"Til Børsen siger Henriette Holm, at aktien er billig.", "Henriette Holm"},
		{"a role, a comma and a descriptor noun before the name",
			"Formanden for sundhedsudvalget, fremskridtsmanden Jan Holm, sagde i går, at forslaget kommer.", "Jan Holm"},
		{"a surname in -s before a reporting verb is no genitive",
			"Karl Hjortnæs sagde i går, at sagen var slut.", "Karl Hjortnæs"},
		{"a genitive before a role that is also a reporting verb",
			"Aalborgs anfører, Jonas Berg, siger, at holdet var uheldigt.", "Jonas Berg"},
		{"a genitive role goes to the speaker of the sentence before",
			"Jens Holm afviste, at klubben var i krise. Venstres formand siger, at de klarer sig.", "Jens Holm"},
		{"a genitive role is not the person merely talked about before",
			"Kenneth Berg ejes af klubben Xamax. Brøndbys manager siger, at han træner med.", ""},
		{"a genitive role, a comma and a party noun before the name",
			"Udvalgets formand, socialdemokraten Eva Berg, siger, at forslaget kommer.", "Eva Berg"},
		{"an indefinite article and adjectives before a name describe the person",
			"Efter kampen siger en tydeligt rystet Jens Holm, at han intet så.", "Jens Holm"},
		{"a noun after the indefinite article ends the phrase before a name",
			"I et langt brev noterer Jens Holm, at han intet så.", "Jens Holm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := speaker.Analyze(tt.text)
			last := strings.LastIndex(tt.text, ". ")
			region := speaker.Span{Start: last + 2, End: len(tt.text)}
			if last < 0 {
				region.Start = 0
			}
			np, ok := a.Subject(region)
			if !ok {
				t.Fatalf("no subject in %q", tt.text[region.Start:])
			}
			r := a.Resolve(np)
			got := ""
			if r.Entity >= 0 {
				got = a.Entities[r.Entity].Name
			}
			if got != tt.want {
				t.Errorf("subject %q resolved to %q via %s; want %q", tt.text[np.Span.Start:np.Span.End], got, r.Via, tt.want)
			}
		})
	}
}

func TestPartyName(t *testing.T) {
	for letter, want := range map[string]string{"S": "Socialdemokratiet", "V": "Venstre", "EL": "Enhedslisten", "M": "Moderaterne"} {
		if got, ok := speaker.PartyName(letter); !ok || got != want {
			t.Errorf("PartyName(%q) = %q, %v; want %q", letter, got, ok, want)
		}
	}
	if _, ok := speaker.PartyName("XYZ"); ok {
		t.Error("unknown letters gave a party")
	}
}

func TestFirstNameGender(t *testing.T) {
	if g, ok := speaker.FirstNameGender("Mette"); !ok || g != speaker.Female {
		t.Errorf("Mette: %v %v", g, ok)
	}
	if g, ok := speaker.FirstNameGender("Lars"); !ok || g != speaker.Male {
		t.Errorf("Lars: %v %v", g, ok)
	}
}
