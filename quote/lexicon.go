package quote

import (
	_ "embed"
	"iter"
	"strings"

	"golang.org/x/text/unicode/norm"
)

//go:embed verbs.txt
var verbsData string

// VerbClass says how a reporting verb may be used.
type VerbClass uint8

// Verb classes, as the sections of verbs.txt name them.
const (
	Speech VerbClass = iota + 1
	Thought
	TailOnly
	Naming
)

// Verb is one form of a reporting verb.
type Verb struct {
	Lemma    string
	Class    VerbClass
	Particle []string // words that must stand between the verb and its clause
	// Questions says that the verb reports questions too: an indirect
	// question after it is reported speech ("Hun spurgte, hvorfor …").
	Questions bool
}

// lexicon maps every lower-case verb form to its verb.
type lexicon map[string]Verb

func parseLexicon(data string) lexicon {
	lx := lexicon{}
	class := Speech
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			switch strings.Trim(line, "[]") {
			case "speech":
				class = Speech
			case "thought":
				class = Thought
			case "tail":
				class = TailOnly
			case "naming":
				class = Naming
			default:
				panic("quote: unknown section in verbs.txt: " + line)
			}
			continue
		}
		lemma, rest, ok := strings.Cut(line, ":")
		if !ok {
			panic("quote: malformed line in verbs.txt: " + line)
		}
		forms, particle, _ := strings.Cut(rest, "|")
		lemma, questions := strings.CutSuffix(strings.TrimSpace(lemma), "?")
		v := Verb{Lemma: lemma, Class: class, Particle: strings.Fields(particle), Questions: questions}
		for _, f := range strings.Fields(forms) {
			if _, dup := lx[f]; !dup {
				lx[f] = v
			}
		}
	}
	return lx
}

// verbs is read once from the embedded list; it is never written after.
var verbs = parseLexicon(verbsData)

// LookupVerb returns the reporting verb that word (any case) is a form of.
func LookupVerb(word string) (Verb, bool) {
	// Most words arrive in lower case already.
	if v, ok := verbs[word]; ok {
		return v, true
	}
	w := strings.ToLower(word)
	if w != word {
		if v, ok := verbs[w]; ok {
			return v, true
		}
	}
	// A decomposed å (a + U+030A) spells the same verb. Most words are
	// composed already: one look-up was enough for them.
	if isASCII(w) || norm.NFC.QuickSpanString(w) == len(w) {
		return Verb{}, false
	}
	v, ok := verbs[norm.NFC.String(w)]
	return v, ok
}

// Forms yields every word form of the lexicon with its verb.
func Forms() iter.Seq2[string, Verb] {
	return func(yield func(string, Verb) bool) {
		for f, v := range verbs {
			if !yield(f, v) {
				return
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
