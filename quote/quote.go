// Package quote finds quoted and reported speech in Danish news text and the
// cue that introduces it.
//
// It recognises the forms Danish papers print:
//
//   - dash-led paragraphs ("- Vi vinder, siger hun."), runs of them and
//     interrupted ones ("- A, siger han. - B.");
//   - text in quote marks: »…«, "…", “…”, „…“, ”…”, across paragraphs when
//     the opening mark is repeated, with a tail (», siger han«), a colon
//     introduction (Hun siger: »…«) or standing alone in a run of quotes;
//   - at-, om- and hvorvidt-clauses after a reporting verb, in either word
//     order ("Han siger, at …", "Til DR siger hun, at …"), and indirect
//     questions after a verb that reports one ("Hun spurgte, hvorfor …");
//   - a lede sentence picked up by "Det siger X" or "Sådan siger X";
//   - claims attributed with "ifølge X", "lyder det fra X" or a fronted
//     "efter X's opfattelse";
//   - fragments in quote marks after a naming verb (kalder det »…«).
//
// Quote marks that no cue governs (scare quotes, titles of books and films)
// are not quotes. The package does not decide who the speaker is: each quote
// points to its [Attribution], the phrase where the speaker and the source are
// named, and package speaker and package attribution take it from there.
package quote

import "github.com/citat-go/citat/internal/segment"

// Span is a half-open byte range [Start, End) into the analysed text.
type Span = segment.Span

// Attribution is the phrase that attributes one or more quotes: an
// attribution tail (", siger han til DR."), the main clause of reported
// speech ("Han siger til DR, at"), an "ifølge X" phrase, a colon
// introduction or a pick-up sentence ("Det siger X.").
type Attribution struct {
	Cue       Span   // the reporting verb, "ifølge" or "lyder det fra"; empty for a quote-column introduction
	Verb      string // the verb's lemma, or "ifølge", "lyde"
	Who       Span   // where the speaker is named: the subject is the first noun phrase in it that no preposition governs
	Span      Span   // the whole phrase; sources are looked for here
	Negated   bool   // "mener ikke, at"
	Intro     bool   // a colon introduction ("Hun siger:", a quote column's "X om Y:")
	Paragraph int
}

// Quote is one quote found in the text.
type Quote struct {
	Span      Span
	Kind      Kind
	Paragraph int  // paragraph of the quote's start
	Attr      int  // index into Result.Attributions, or -1 when nothing attributes it
	Inherited bool // the attribution belongs to a neighbouring quote in the same run
	Rule      string
}

// Result holds the quotes of a text, sorted by start, and the attributions
// they point to.
type Result struct {
	Quotes       []Quote
	Attributions []Attribution
}

// Find segments text and returns its quotes. It is safe for concurrent use.
func Find(text string) Result {
	return FindDoc(segment.New(text))
}
