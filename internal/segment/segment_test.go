package segment

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func texts(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "A b.\n\nC d.\n\n\nE.", []string{"A b.", "C d.", "E."}},
		{"CRLF and spaces on the blank line", "A.\r\n  \r\nB.\r\n", []string{"A.", "B."}},
		{"lone CR", "A.\r\rB.", []string{"A.", "B."}},
		{"one paragraph a line when no blank line", "A.\nB.\nC.", []string{"A.", "B.", "C."}},
		{"lines inside a paragraph stay together when blank lines exist", "A\nb.\n\nC.", []string{"A\nb.", "C."}},
		{"byte order mark", "\ufeffA.\n\nB.", []string{"A.", "B."}},
		{"empty", "", nil},
		{"only space", " \n\n \t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Paragraphs(tt.in)
			var spans []Span
			for i, p := range ps {
				if p.Index != i {
					t.Errorf("paragraph %d has Index %d", i, p.Index)
				}
				spans = append(spans, p.Span)
			}
			if diff := cmp.Diff(tt.want, texts(tt.in, spans)); diff != "" {
				t.Errorf("Paragraphs(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two sentences", "Han kom. Hun gik.", []string{"Han kom.", "Hun gik."}},
		{"bl.a. before a capital", "De bruger bl.a. Holland som model. Det virker.", []string{"De bruger bl.a. Holland som model.", "Det virker."}},
		{"time and ordinal", "Mødet er kl. 14.30 den 16. februar. Alle kommer.", []string{"Mødet er kl. 14.30 den 16. februar.", "Alle kommer."}},
		{"numbers", "Det koster 1.200 kr. og 2,5 pct. mere. Sådan er det.", []string{"Det koster 1.200 kr. og 2,5 pct. mere.", "Sådan er det."}},
		{"pct. may end a sentence", "Renten steg 2 pct. Det er meget.", []string{"Renten steg 2 pct.", "Det er meget."}},
		{"initials", "Múte B. Egede og A.P. Møller mødtes. Det gik godt.", []string{"Múte B. Egede og A.P. Møller mødtes.", "Det gik godt."}},
		{"St. and Skt.", "Hun bor i St. Petersborg nær Skt. Hans Torv. Han gør ikke.", []string{"Hun bor i St. Petersborg nær Skt. Hans Torv.", "Han gør ikke."}},
		{"closing quote mark after the period", "»Vi vinder.« Han smilede.", []string{"»Vi vinder.«", "Han smilede."}},
		{"question and exclamation", "Hvorfor? Derfor! Nemlig.", []string{"Hvorfor?", "Derfor!", "Nemlig."}},
		{"colon before a quote", "Hun siger: »Vi er klar.«", []string{"Hun siger:", "»Vi er klar.«"}},
		{"DR. is the broadcaster, not dr.", "Det siger han til DR. Så gik han.", []string{"Det siger han til DR.", "Så gik han."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Sentences(tt.in, 0, len(tt.in)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestWords(t *testing.T) {
	in := "Ammitzbøll-Bille sagde bl.a., at SF's 1.200 og 2,5 pct. A.P. EU’s."
	want := []string{"Ammitzbøll-Bille", "sagde", "bl.a.", "at", "SF's", "1.200", "og", "2,5", "pct.", "A.P.", "EU’s"}
	if diff := cmp.Diff(want, texts(in, Words(in, 0, len(in)))); diff != "" {
		t.Errorf("Words (-want +got):\n%s", diff)
	}
}

func TestDoc(t *testing.T) {
	text := "Første afsnit. Anden sætning.\n\nAndet afsnit."
	d := New(text)
	if len(d.Paragraphs) != 2 || len(d.Sentences) != 3 {
		t.Fatalf("got %d paragraphs and %d sentences, want 2 and 3", len(d.Paragraphs), len(d.Sentences))
	}
	if got := len(d.ParaSentences(0)); got != 2 {
		t.Errorf("paragraph 0 has %d sentences, want 2", got)
	}
	for pos, want := range map[int]int{0: 0, 17: 1, 40: 2} {
		if got := d.SentenceAt(pos); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", pos, got, want)
		}
	}
	var got []string
	for _, w := range d.WordsIn(16, 31) {
		got = append(got, text[w.Start:w.End]+"/"+w.Low)
	}
	if fmt.Sprint(got) != "[Anden/anden sætning/sætning]" {
		t.Errorf("WordsIn = %v", got)
	}
	if d.ParagraphAt(35) != 1 {
		t.Errorf("ParagraphAt(35) = %d, want 1", d.ParagraphAt(35))
	}
}
