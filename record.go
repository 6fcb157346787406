package citat

import "github.com/citat-go/citat/quote"

// Kind says how a quote is reported: Direct, Indirect, According or Mixed.
type Kind = quote.Kind

// The kinds of quote.
const (
	Direct    = quote.Direct
	Indirect  = quote.Indirect
	According = quote.According
	Mixed     = quote.Mixed
)

// Span is a stretch of the input: Text == input[Start:End], in bytes.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Speaker is who said a quote. A speaker the article does not name has an
// empty Name and a Description ("en kilde med kendskab til sagen").
type Speaker struct {
	Name        string `json:"name,omitempty"`
	Role        string `json:"role,omitempty"`
	Party       string `json:"party,omitempty"`        // the party's name, "Socialdemokratiet"
	PartyLetter string `json:"party_letter,omitempty"` // as written after the name, "S"
	Type        string `json:"type"`                   // "person", "organisation" or "unknown"
	Description string `json:"description,omitempty"`  // an unnamed speaker's description
	Mention     *Span  `json:"mention,omitempty"`      // the phrase of the attribution that refers to the speaker
	Resolved    string `json:"resolved,omitempty"`     // how the mention was resolved: name, pronoun, role, …
}

// Source is the agency or medium through which a quote reached the article.
type Source struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"` // agency, broadcaster, newspaper, online, social or medium
	Inherited bool   `json:"inherited"`
	Mention   *Span  `json:"mention,omitempty"`
}

// Record is one quote with its speaker and source.
type Record struct {
	Text       string   `json:"text"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Kind       Kind     `json:"kind"`
	Cue        *Span    `json:"cue"`
	Speaker    *Speaker `json:"speaker"`
	Source     *Source  `json:"source"`
	Negated    bool     `json:"negated"`
	Confidence float64  `json:"confidence"`
	Evidence   []string `json:"evidence"`
	Paragraph  int      `json:"paragraph"`
}

// SpeakerName returns the speaker's name, or "" when nobody is named.
func (r Record) SpeakerName() string {
	if r.Speaker == nil {
		return ""
	}
	return r.Speaker.Name
}

// SourceName returns the source's name, or "" when none is named.
func (r Record) SourceName() string {
	if r.Source == nil {
		return ""
	}
	return r.Source.Name
}
