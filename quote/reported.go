package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/citat-go/citat/internal/segment"
)

// pickups finds lede pick-ups: a sentence "Det siger X (til Y)." or
// "Sådan siger X." that attributes the sentence or the quote paragraphs
// before it.
func (f *finder) pickups() {
	for si, s := range f.doc.Sentences {
		if f.doc.Stopped(si) {
			return
		}
		ws := f.words(s.Start, min(s.End, s.Start+40))
		if len(ws) < 3 {
			continue
		}
		w0 := ws[0].Low
		if w0 != "det" && w0 != "dette" && w0 != "sådan" && w0 != "således" || !capitalized(ws[0], f.text) {
			continue
		}
		v, ok := LookupVerb(ws[1].Low)
		if !ok || v.Class == Naming || v.Class == TailOnly || !isLowerWord(f.text, ws[1]) || notPickup[ws[2].Low] {
			continue
		}
		if f.isTaken(s.Start) {
			continue
		}
		// "Det siger X, at …" is ordinary reported speech.
		if f.hasComplementizer(s.Span) {
			continue
		}
		a := Attribution{Cue: ws[1].Span, Verb: v.Lemma, Who: Span{Start: ws[1].End, End: s.End}, Span: s.Span, Paragraph: s.Para}
		// What is picked up: the quotes of the run that ends just before,
		// or the sentence (or lede paragraph) before.
		if first := f.doc.ParaSentences(s.Para)[0]; first.Start == s.Start {
			if s.Para == 0 {
				continue
			}
			prev := s.Para - 1
			if qs := f.quotesInPara(prev); len(qs) > 0 {
				ai := -1
				for p := prev; p >= 0; p-- {
					qs := f.quotesInPara(p)
					if len(qs) == 0 || !f.isQuotePara(p) {
						break
					}
					claimed := false
					for _, qi := range qs {
						q := &f.res.Quotes[qi]
						if q.Kind == Direct && (q.Attr < 0 || q.Inherited) {
							if ai < 0 {
								ai = f.addAttr(a)
							}
							q.Attr, q.Inherited, q.Rule = ai, false, q.Rule+"+pickup"
							claimed = true
						}
					}
					if !claimed {
						break
					}
				}
				continue
			}
			pp := f.doc.Paragraphs[prev]
			if !endsSentence(f.text, pp.Span) {
				continue
			}
			ai := f.addAttr(a)
			f.addQuote(pp.Span, f.kindFor(pp.Span, Indirect), ai, false, "pickup")
			continue
		}
		ps := f.doc.Sentences[si-1]
		if f.overlapsTaken(ps.Start, ps.End) {
			continue
		}
		ai := f.addAttr(a)
		f.addQuote(ps.Span, f.kindFor(ps.Span, Indirect), ai, false, "pickup")
	}
}

func endsSentence(text string, sp Span) bool {
	r, _ := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
	return r == '.' || r == '!' || r == '?' || r == '«' || r == '"' || r == '”'
}

// commaBefore reports whether a comma stands between two words, perhaps
// after a closing parenthesis or quote mark: "Mette Frederiksen (S), at".
func commaBefore(text string, prevEnd, start int) bool {
	for i := prevEnd; i < start; i++ {
		if text[i] == ',' {
			return true
		}
	}
	return false
}

func (f *finder) hasComplementizer(sp Span) bool {
	text := f.text
	ws := f.words(sp.Start, sp.End)
	for i, w := range ws {
		if s := text[w.Start:w.End]; i > 0 && (s == "at" || s == "om" || s == "hvorvidt") && commaBefore(text, ws[i-1].End, w.Start) {
			return true
		}
	}
	return false
}

// quotesInPara returns the indexes of the quotes that start in paragraph p.
func (f *finder) quotesInPara(p int) []int {
	if p < 0 || p >= len(f.byPara) {
		return nil
	}
	return f.byPara[p]
}

// isQuotePara reports whether paragraph p is a quote paragraph: dash-led or
// opening with a quote mark.
func (f *finder) isQuotePara(p int) bool {
	if f.dashLed[p] {
		return true
	}
	pp := f.doc.Paragraphs[p]
	r, _ := utf8.DecodeRuneInString(f.text[pp.Start:pp.End])
	return openFamily(r) != famNone
}

// kindFor returns Mixed when sp contains text in quote marks, else k.
func (f *finder) kindFor(sp Span, k Kind) Kind {
	// scare is in text order.
	i := sort.Search(len(f.scare), func(i int) bool { return f.scare[i].Start >= sp.Start })
	if i < len(f.scare) && f.scare[i].End <= sp.End {
		return Mixed
	}
	return k
}

// inheritRuns gives each unattributed quote paragraph the attribution of
// the nearest attributed quote in the same run of quote paragraphs
// (preferring the one before on a tie).
func (f *finder) inheritRuns() {
	own := func(p int) int {
		for _, qi := range f.quotesInPara(p) {
			if q := f.res.Quotes[qi]; q.Kind == Direct && q.Attr >= 0 && !q.Inherited {
				return q.Attr
			}
		}
		return -1
	}
	for i := range f.res.Quotes {
		q := &f.res.Quotes[i]
		if q.Attr >= 0 || q.Kind != Direct {
			continue
		}
		best := -1
		// A quote that resumes in the paragraph of an attributed one,
		// after its tail: "»A,« sagde han. »B.«"
		for _, qi := range f.quotesInPara(q.Paragraph) {
			if p := f.res.Quotes[qi]; p.Kind == Direct && p.Attr >= 0 && !p.Inherited && p.Span.End <= q.Span.Start {
				best = p.Attr
			}
		}
		for d := 1; d < 12 && best < 0; d++ {
			for _, p := range []int{q.Paragraph - d, q.Paragraph + d} {
				if p < 0 || p >= len(f.doc.Paragraphs) || best >= 0 {
					continue
				}
				// The run must be unbroken between q and p.
				lo, hi := min(p, q.Paragraph), max(p, q.Paragraph)
				broken := false
				for k := lo; k <= hi; k++ {
					if !f.isQuotePara(k) || len(f.quotesInPara(k)) == 0 {
						broken = true
						break
					}
				}
				if broken {
					continue
				}
				if a := own(p); a >= 0 {
					best = a
				}
			}
		}
		if best >= 0 {
			q.Attr, q.Inherited, q.Rule = best, true, q.Rule+"+run"
		}
	}
}

// reported finds reported speech in the sentences outside direct quotes:
// at/om-clauses after a reporting verb, "ifølge X" claims, and clauses
// attributed by a tail without quote marks ("…, oplyser hendes pressechef").
func (f *finder) reported() {
	for si, s := range f.doc.Sentences {
		if f.doc.Stopped(si) {
			return
		}
		if f.dashLed[s.Para] && f.isTaken(s.Start) {
			continue
		}
		// A fronted "Ifølge X" governs the whole sentence, at-clauses in it
		// included.
		if w, ok := f.nextWord(s.Start, s.End); ok && w.Low == "ifølge" {
			if f.according(s) {
				continue
			}
		} else if ok && w.Low == "efter" && f.opinion(s) {
			continue
		}
		if f.clause(s) {
			continue
		}
		if f.according(s) {
			continue
		}
		f.bareTail(s)
	}
}

// clause finds "X siger (til Y), at …" and its om/hvorvidt variants. The
// quote runs from after the complementiser to the end of the sentence.
//
// An indirect question after a verb that reports one is reported speech
// too ("Han fortalte, hvordan …", "Hun spurgte, hvorfor …"): its question
// word belongs to the quote, which runs from it to the end of the sentence.
func (f *finder) clause(s segment.Sentence) bool {
	ws := f.sentenceWords(s)
	bare := -1 // a complementiser that no reporting verb governs
	for i := 1; i < len(ws); i++ {
		c := f.text[ws[i].Start:ws[i].End]
		// "historie om, hvad der skete": a question word after a
		// preposition opens its object, not a question.
		wh := len(c) > 2 && c[0] == 'h' && c[1] == 'v' && questionWords[c] && !prepositions[ws[i-1].Low]
		if c != "at" && c != "om" && c != "hvorvidt" && !wh {
			continue
		}
		if !commaBefore(f.text, ws[i-1].End, ws[i].Start) || f.isTaken(ws[i].Start) {
			continue
		}
		// The governing reporting verb: the nearest one before, within the
		// clause.
		vi := -1
		var verb Verb
		for k := i - 1; k >= 0 && k >= i-16; k-- {
			l := ws[k].Low
			if l == "at" {
				break
			}
			v, ok := LookupVerb(ws[k].Low)
			if !ok || v.Class == Naming || v.Class == TailOnly {
				continue
			}
			if !hasParticle(ws[k+1:i], v.Particle) {
				continue
			}
			vi, verb = k, v
			break
		}
		if vi < 0 {
			if commaBefore(f.text, ws[i-1].End, ws[i].Start) && !wh {
				bare = i
			}
			continue
		}
		// Only a finite verb that reports questions: "ved, hvordan" and
		// "afslørede, hvad" report none, and in "Spurgt, hvordan …, er
		// svaret" the question was put to the subject.
		if wh && (!verb.Questions || vi == 0) {
			continue
		}
		// The journalist's question: "Hvad håber du, at publikum tager
		// med hjem?"
		if f.text[s.End-1] == '?' && secondPerson(f.text, ws[:i]) {
			continue
		}
		// Reported speech inside a clause that is not itself reported
		// ("garanti for, at løsningen ikke kræver, at …") is no quote.
		if bare >= 0 && vi > bare {
			continue
		}
		// "ønsker at fastslå, om …": an infinitive reports no speech.
		if f.isTaken(ws[vi].Start) || vi > 0 && ws[vi-1].Low == "at" {
			continue
		}
		neg := false
		for _, w := range ws[vi+1 : i] {
			if negations[w.Low] {
				neg = true
			}
		}
		if vi > 0 && negations[ws[vi-1].Low] {
			neg = true
		}
		// "Bush har endnu ikke meddelt, om han kommer": nothing was said.
		if neg && c != "at" {
			continue
		}
		rule := clauseRules[c]
		body := Span{Start: ws[i].End, End: s.End}
		if wh {
			rule, body.Start = "clause-question", ws[i].Start
		}
		head := Span{Start: s.Start, End: ws[i-1].End}
		who := head
		// The cue inside a subordinate clause ("…, efter at Karl Holm
		// forud havde sagt, at …") has its subject in that clause.
		for k := vi - 1; k > 0; k-- {
			l := ws[k].Low
			if clauseOpeners[l] || l == "at" && (ws[k-1].Low == "efter" || ws[k-1].Low == "før" || ws[k-1].Low == "inden" || ws[k-1].Low == "uden") {
				who.Start = ws[k].End
				break
			}
			// A second main clause: "X kaldte det …, og Y har sagt, at".
			// Not when it shares the first clause's subject ("X har ikke
			// ønsket at kommentere, men oplyser, at").
			if (l == "og" || l == "men") && commaBefore(f.text, ws[k-1].End, ws[k].Start) {
				for _, w := range ws[k+1 : vi] {
					if capitalized(w, f.text) || subjectPronouns[w.Low] || determiners[w.Low] {
						who.Start = ws[k].End
						break
					}
				}
				break
			}
		}
		a := Attribution{Cue: ws[vi].Span, Verb: verb.Lemma, Who: who, Span: head, Negated: neg, Paragraph: s.Para}
		ai := f.addAttr(a)
		f.addQuote(body, f.kindFor(body, Indirect), ai, false, rule)
		return true
	}
	return false
}

// secondPerson reports whether the words address the reader or the
// interviewee: du, dig, din, I, jer.
func secondPerson(text string, ws []word) bool {
	for _, w := range ws {
		switch text[w.Start:w.End] {
		case "du", "Du", "dig", "din", "dit", "dine", "I", "jer", "jeres":
			return true
		}
	}
	return false
}

func hasParticle(between []word, particle []string) bool {
	if len(particle) == 0 {
		return true
	}
	// The particle words must appear in order between verb and clause.
	k := 0
	for _, w := range between {
		l := w.Low
		if !isASCII(l) {
			l = norm.NFC.String(l)
		}
		if k < len(particle) && l == particle[k] {
			k++
		}
	}
	return k == len(particle)
}

// according finds claims attributed with "ifølge X": fronted ("Ifølge X
// er …"), final ("…, ifølge X.") or inside a sentence with no reporting
// verb ("De nægtede ifølge X også at …").
func (f *finder) according(s segment.Sentence) bool {
	ws := f.sentenceWords(s)
	for i, w := range ws {
		if w.Low != "ifølge" || f.isTaken(w.Start) {
			continue
		}
		npEnd := f.npEnd(ws, i+1)
		if npEnd <= w.End {
			continue
		}
		a := Attribution{Cue: w.Span, Verb: "ifølge", Who: Span{Start: w.End, End: npEnd}, Span: Span{Start: w.Start, End: npEnd}, Paragraph: s.Para}
		var body Span
		switch {
		case i == 0:
			body = Span{Start: skipPunctSpace(f.text, npEnd, s.End), End: s.End}
			// "Ifølge X …, skriver AFP.": the medium that reports the
			// claim closes the sentence.
			for k := len(ws) - 2; k > i+2; k-- {
				if !commaBefore(f.text, ws[k-1].End, ws[k].Start) {
					continue
				}
				if t, ok := f.parseTail(ws[k-1].End, s.End); ok && t.Span.End >= s.End-1 {
					body.End = ws[k-1].End
					a.Span = Span{Start: w.Start, End: s.End}
					f.take(Span{Start: ws[k-1].End, End: s.End})
				}
				break
			}
		case npEnd >= lastWordEnd(ws):
			body = Span{Start: s.Start, End: w.Start}
		default:
			// Inside the sentence: a source when a reporting verb governs
			// the sentence, else the whole sentence is the claim.
			for _, x := range ws {
				if v, ok := LookupVerb(x.Low); ok && v.Class != Naming && isLowerWord(f.text, x) {
					return false
				}
			}
			body = s.Span
		}
		if body.End-body.Start < 8 {
			continue
		}
		ai := f.addAttr(a)
		f.addQuote(body, According, ai, false, "ifølge")
		return true
	}
	return false
}

// opinion finds a claim attributed with a fronted "Efter X's opfattelse"
// ("Efter sagsøgernes opfattelse mangler regeringen …"), which the
// guidelines read as "Ifølge X": the rest of the sentence is the quote, and
// X is who holds it. The writer's own "efter min opfattelse" attributes
// nothing.
func (f *finder) opinion(s segment.Sentence) bool {
	ws := f.sentenceWords(s)
	if len(ws) < 4 || f.isTaken(ws[0].Start) {
		return false
	}
	k := 1
	for k < len(ws) && k < 6 && ws[k].Low != "opfattelse" && !commaBefore(f.text, ws[k-1].End, ws[k].Start) {
		k++
	}
	if k == 1 || k >= len(ws) || ws[k].Low != "opfattelse" || commaBefore(f.text, ws[k-1].End, ws[k].Start) {
		return false
	}
	// The owner, a genitive or a possessive pronoun: the speaker stage
	// reads "hendes opfattelse" as "hun" and "Mette Holms" as Mette Holm.
	owner := ws[k-1]
	who := Span{Start: ws[1].Start, End: owner.End}
	switch l := owner.Low; {
	case ownerPronouns[l]:
		who.End = ws[k].End
	case !strings.HasSuffix(l, "s") || len(l) <= 2:
		return false
	}
	body := Span{Start: skipPunctSpace(f.text, ws[k].End, s.End), End: s.End}
	if body.End-body.Start < 8 {
		return false
	}
	cue := Span{Start: ws[0].Start, End: ws[k].End}
	ai := f.addAttr(Attribution{Cue: cue, Verb: "efter", Who: who, Span: cue, Paragraph: s.Para})
	f.addQuote(body, According, ai, false, "opfattelse")
	return true
}

// clauseRules names the rule of each complementiser, made once.
var clauseRules = map[string]string{"at": "clause-at", "om": "clause-om", "hvorvidt": "clause-hvorvidt"}

func lastWordEnd(ws []word) int {
	if len(ws) == 0 {
		return 0
	}
	return ws[len(ws)-1].End
}

func skipPunctSpace(text string, i, end int) int {
	for i < end && (text[i] == ',' || text[i] == ' ' || text[i] == '\n') {
		i++
	}
	return i
}

// npEnd returns where the noun phrase starting at ws[i] ends: a pronoun; a
// name with its particles; a role noun, perhaps with a prepositional phrase
// and a name ("guvernøren i Leningrad-regionen, Aleksandr Drozdenko"); each
// followed perhaps by an apposition or relative clause between commas.
func (f *finder) npEnd(ws []word, i int) int {
	if i >= len(ws) {
		return 0
	}
	if objectPronouns[ws[i].Low] {
		return ws[i].End
	}
	end := 0
	sawName := false
	k := i
	for ; k < len(ws) && k < i+8; k++ {
		w := ws[k]
		l := w.Low
		if k > i && f.text[ws[k-1].End] == ',' {
			break
		}
		// A capitalised genitive before a noun ("Ukraines luftvåben") is
		// part of the phrase, not its name.
		if capitalized(w, f.text) && !sawName && k+1 < len(ws) && !capitalized(ws[k+1], f.text) && !prepositions[ws[k+1].Low] && !finiteVerbs[ws[k+1].Low] && (l[len(l)-1] == 's') && f.text[w.End] == ' ' {
			end = w.End
			continue
		}
		if capitalized(w, f.text) || sawName && (l == "von" || l == "der" || l == "de" || l == "van" || l == "la") {
			sawName = true
			end = w.End
			continue
		}
		if sawName {
			break
		}
		if finiteVerbs[l] && k > i {
			break
		}
		if prepositions[l] && k > i {
			// A prepositional phrase inside the role: "guvernøren i X".
			if k+1 < len(ws) && capitalized(ws[k+1], f.text) {
				continue
			}
			break
		}
		end = w.End
		if definite(l) && !(k+1 < len(ws) && (capitalized(ws[k+1], f.text) || prepositions[ws[k+1].Low] && k+2 < len(ws) && capitalized(ws[k+2], f.text))) {
			break
		}
	}
	// An apposition or relative clause between commas.
	if end > 0 && end < len(f.text) && f.text[end] == ',' {
		n := -1
		for j := range ws {
			if ws[j].Start > end {
				n = j
				break
			}
		}
		if n >= 0 && (capitalized(ws[n], f.text) || ws[n].Low == "der" || ws[n].Low == "som") {
			for j := n; j < len(ws) && j < n+12; j++ {
				if ws[j].End < len(f.text) && f.text[ws[j].End] == ',' {
					return ws[j].End + 1
				}
			}
		}
	}
	return end
}

func definite(l string) bool {
	n := utf8.RuneCountInString(l)
	if n < 4 {
		return false
	}
	for _, suf := range []string{"en", "et", "ne"} {
		if len(l) > 2 && l[len(l)-2:] == suf {
			return true
		}
	}
	return false
}

// bareTail finds a clause attributed by a tail without quote marks:
// "Ministeren ønsker ikke at kommentere sagen, oplyser hendes pressechef."
// and "Der er ingen fare, lyder det fra Vandcenter Syd."
func (f *finder) bareTail(s segment.Sentence) {
	if f.overlapsTaken(s.Start, s.End) {
		return
	}
	ws := f.sentenceWords(s)
	if len(ws) < 5 {
		return
	}
	if subordinators[ws[0].Low] {
		return
	}
	for i := 3; i < len(ws); i++ {
		if f.text[ws[i-1].End] != ',' {
			continue
		}
		t, ok := f.parseTail(ws[i-1].End, s.End)
		if !ok || t.Span.End < s.End-1 {
			continue
		}
		v, _ := LookupVerb(f.text[t.Cue.Start:wordEndAt(f.text, t.Cue.Start, t.Cue.End)])
		if v.Class == TailOnly && v.Lemma != "lyde" {
			continue
		}
		t.Span.Start = ws[i-1].End
		t.Paragraph = s.Para
		kind := Indirect
		if v.Lemma == "lyde" {
			kind = According
		}
		body := Span{Start: s.Start, End: ws[i-1].End}
		rule := "bare-tail"
		// A parenthetical attribution: "En anden kilde til styrke, siger
		// han, er det pres, …". The claim is the whole sentence.
		if c := f.parentheticalEnd(t); c > 0 {
			t.Span.End, t.Who.End = c, c
			body, rule = s.Span, "parenthetical"
		}
		ai := f.addAttr(t)
		f.addQuote(body, f.kindFor(body, kind), ai, false, rule)
		return
	}
}

// clauseGoesOn are words that, after the comma that follows an
// attribution's subject, continue the attribution rather than the claim.
var clauseGoesOn = set("der som hvis og men da fordi mens idet efter til i på ifølge over hos om")

// parentheticalEnd returns where an attribution tail in the middle of a
// sentence ends (at the comma after its subject, when the claim goes on
// after it), or 0 when the tail ends the sentence.
func (f *finder) parentheticalEnd(t Attribution) int {
	ws := f.words(t.Who.Start, t.Span.End)
	for k := 0; k+1 < len(ws) && k < 4; k++ {
		if !commaBefore(f.text, ws[k].End, ws[k+1].Start) {
			continue
		}
		n := ws[k+1]
		if isLowerWord(f.text, n) && !clauseGoesOn[n.Low] && len(ws)-(k+1) >= 3 {
			return ws[k].End
		}
		return 0
	}
	return 0
}

func wordEndAt(text string, s, e int) int {
	var buf [1]segment.Span
	ws := segment.FirstWords(buf[:0], text, s, e, 1)
	if len(ws) == 0 {
		return e
	}
	return ws[0].End
}

// notPickup are words after "Det siger" that make it an idiom, not an
// attribution: "Det siger sig selv", "Det siger noget om …".
var notPickup = set("sig noget ikke alt meget lidt intet nok også jo mere mindre vel")
