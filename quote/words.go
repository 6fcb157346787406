package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
)

// Small closed word classes the finder needs to read attribution phrases.
// They are grammar, not vocabulary: the open word lists live in verbs.txt
// and in package speaker.
var (
	subjectPronouns = set("han hun de den det man vi jeg du dette")
	objectPronouns  = set("ham hende dem mig os dig jer")
	determiners     = set("en et den det de flere nogle mange to tre fire fem alle begge hans hendes deres dens dets dennes hvis vores")
	// Words after which a noun phrase is the complement of a preposition,
	// not a subject.
	prepositions = set("til i på hos fra med for om af ved under over efter mod blandt uden ifølge gennem ad bag foran inden")
	negations    = set("ikke aldrig ingenlunde næppe")
	// Conjunctions that open a subordinate clause inside a sentence.
	clauseOpeners = set("da fordi når hvis mens selvom idet skønt eftersom")
	// Question words that open an indirect question: "fortalte, hvordan
	// …". Not hvor, hvilket and the like, which as often open a relative
	// clause ("…, siger han til DR, hvor han er ansat").
	questionWords = set("hvordan hvorfor hvornår hvem hvad")
	// The possessives that name someone else's opinion: "efter hans
	// opfattelse", not the writer's "efter min opfattelse".
	ownerPronouns = set("hans hendes deres dens dets dennes")
	// Subordinators that open a fronted clause: "Da han kom, sagde hun …"
	// has an inverted main clause, not an attribution tail.
	subordinators = set("da når hvis fordi selvom mens inden før efter idet skønt om hvor hvordan hvorfor hvornår")
	// Finite verbs that commonly follow a fronted "Ifølge X": where one
	// stands, the noun phrase has ended.
	finiteVerbs = set("er var har havde vil ville skal skulle kan kunne må måtte blev bliver får fik går gik står stod ligger lå kommer kom gør gjorde findes fandtes skyldes handler drejer gælder tyder ser")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// word is a word of the text with its position and lower-case form.
type word = segment.Word

// capitalized reports whether w, a word of text, starts with a capital.
func capitalized(w word, text string) bool {
	r, _ := utf8.DecodeRuneInString(text[w.Start:w.End])
	return unicode.IsUpper(r)
}

// nextWord returns the word starting at or after i (skipping white space
// only) and ending by end; ok is false when something other than a word
// comes first.
func (f *finder) nextWord(i, end int) (word, bool) {
	i = skipSpace(f.text, i, end)
	if i >= end {
		return word{}, false
	}
	r, _ := utf8.DecodeRuneInString(f.text[i:end])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return word{}, false
	}
	k := f.doc.WordIndex(i)
	if k >= len(f.doc.Words) || f.doc.Words[k].Start != i || f.doc.Words[k].End > end {
		return word{}, false
	}
	return f.doc.Words[k], true
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// looksLikeSubject reports whether w, followed by the words in rest, can
// begin the subject of an inverted attribution ("siger han", "siger
// vagtchefen", "siger Mette Frederiksen", "siger politiinspektør Anne Holm",
// "udbrød topmødets præsident, Aserbajdsjans miljøminister …").
func looksLikeSubject(text string, w word, rest ...word) bool {
	l := w.Low
	if subjectPronouns[l] || determiners[l] || capitalized(w, text) {
		return true
	}
	for _, n := range rest {
		if n.End > n.Start && capitalized(n, text) {
			return true
		}
	}
	// A definite noun: vagtchefen, træneren, ministeriet, eksperterne.
	n := utf8.RuneCountInString(l)
	if n >= 5 && (strings.HasSuffix(l, "en") || strings.HasSuffix(l, "et") || strings.HasSuffix(l, "ne")) {
		return true
	}
	// Its genitive before the head: klubbens direktør, kommunens
	// borgmester, eksperternes formand.
	return n >= 6 && len(rest) > 0 && (strings.HasSuffix(l, "ens") || strings.HasSuffix(l, "ets") || strings.HasSuffix(l, "nes"))
}

// isLowerWord reports whether w, a word of text, starts with a lower-case
// letter.
func isLowerWord(text string, w word) bool {
	r, _ := utf8.DecodeRuneInString(text[w.Start:w.End])
	return unicode.IsLower(r)
}

// trimEnd shrinks [s, e) past white space and a final period or comma:
// trailing punctuation is never part of a quote.
func trimEnd(text string, s, e int) (int, int) {
	s, e = segment.TrimSpace(text, s, e)
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if r == '.' || r == ',' || r == ';' || r == ':' || unicode.IsSpace(r) {
			e -= n
			continue
		}
		break
	}
	return s, e
}
