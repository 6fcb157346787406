package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
)

// parser reads noun phrases in one document. It knows which words the
// document writes in lower case and which it capitalises inside sentences,
// which tells a name at the start of a sentence from a common noun there.
type parser struct {
	doc   *segment.Doc
	text  string
	all   []tok // every word of the document
	known words // the word lists' answers, kept between documents
}

// reset readies p for doc, keeping the storage of its table.
func (p *parser) reset(doc *segment.Doc) {
	p.doc, p.text = doc, doc.Text
	// known also records the words written in lower case, and those
	// capitalised inside a sentence.
	p.known.next()
	// Tokenise in chunks, so that a caller who gives up is heard soon.
	p.all = slices.Grow(p.all[:0], len(doc.Words))
	for i := 0; i < len(doc.Words); i += 4096 {
		if doc.Stopped(i) {
			break
		}
		j := min(i+4096, len(doc.Words))
		p.all = appendTokens(p.all, doc.Text, doc.Words[i:j], &p.known)
	}
}

// capInside reports whether the document capitalises the word of t inside
// a sentence somewhere, which tells a name at the start of a sentence from
// a common noun there.
func (p *parser) capInside(t *tok) bool { return t.w.capInside == p.known.doc }

// writtenLower reports whether the document writes the word of t in lower
// case somewhere.
func (p *parser) writtenLower(t *tok) bool { return t.w.lowerForm.lowerIn == p.known.doc }

// tokens returns the words wholly inside [start, end), sharing storage.
func (p *parser) tokens(start, end int) []tok {
	// p.all holds the Doc's words one for one, its first words only when
	// the caller gave up early.
	i, j := p.doc.WordRange(start, end)
	i, j = min(i, len(p.all)), min(j, len(p.all))
	return p.all[i:j:j]
}

// sentenceTokens returns the words of s, sharing storage.
func (p *parser) sentenceTokens(s segment.Sentence) []tok {
	i, j := min(s.FirstWord, len(p.all)), min(s.EndWord, len(p.all))
	return p.all[i:j:j]
}

// isNameTok reports whether ts[i] can be part of a name.
func (p *parser) isNameTok(ts []tok, i int) bool {
	t := &ts[i]
	if !t.cap || t.notName {
		return false
	}
	// A party letter in parentheses: "(V)".
	if t.Start > 0 && p.text[t.Start-1] == '(' && t.End < len(p.text) && p.text[t.End] == ')' {
		if _, ok := lex.parties[t.w.s]; ok {
			return false
		}
	}
	if !t.initial {
		return true
	}
	l := t.lower()
	if t.is(cFunction) || t.role {
		return false
	}
	if t.first || t.known {
		return true
	}
	// "Center for Cybersikkerhed": an institution's word before its field.
	if t.w.orgWord && i+2 < len(ts) && (ts[i+1].low == "for" || ts[i+1].low == "af") && ts[i+2].cap {
		return true
	}
	if p.capInside(t) {
		return true
	}
	if p.writtenLower(t) {
		return false
	}
	// "Vindmølleproducenten Havørn Wind": a definite common noun before a
	// name.
	if (strings.HasSuffix(l, "en") || strings.HasSuffix(l, "et")) && !strings.HasSuffix(l, "sen") && !strings.Contains(t.w.s, "-") {
		// "Fødevarekoncernen Hvidbjerg Foods": a definite noun, even one
		// ending like an organisation, describes the name after it.
		if !t.org || i+1 < len(ts) && ts[i+1].cap && !t.comma {
			return false
		}
	}
	if i+1 < len(ts) && ts[i+1].cap && !ts[i+1].initial && !t.comma {
		return true
	}
	if t.org {
		return true
	}
	// An unknown capitalised word at the start of a sentence is a name when
	// a finite verb follows it ("Pentagon oplyser"), unless it has the
	// definite ending of a common noun.
	if (strings.HasSuffix(l, "en") || strings.HasSuffix(l, "et") || strings.HasSuffix(l, "ne")) && !strings.HasSuffix(l, "sen") && !strings.Contains(t.w.s, "-") || utf8.RuneCountInString(l) <= 2 {
		return false
	}
	// A plural common noun ("Diplomater mener") is no name either.
	if strings.HasSuffix(l, "er") {
		return false
	}
	// Danish puts the verb second whatever comes first, so only a
	// reporting verb after the word says it names someone ("Pentagon
	// oplyser"); "Faktisk er" does not.
	return i+1 < len(ts) && !t.comma && ts[i+1].is(cReporting)
}

// parseNP reads the noun phrase that starts at ts[i]; ok is false when none
// starts there. next is the index of the first token after it.
func (p *parser) parseNP(ts []tok, i int) (np NP, next int, ok bool) {
	t := &ts[i]
	l := t.lower()
	switch {
	case t.is(cPronoun) && !(l == "de" && i+1 < len(ts) && !ts[i+1].cap && !t.comma && ts[i+1].w.adjOrNoun):
		switch l {
		case "ham":
			l = "han"
		case "hende":
			l = "hun"
		case "dem":
			l = "de"
		}
		return NP{Span: t.Span, Kind: Pronoun, Word: l, Person: l == "han" || l == "hun"}, i + 1, true
	case (l == "den" || l == "det") && i+1 < len(ts) && ts[i+1].is(cReporting) &&
		(ts[i+1].comma || i+2 < len(ts) && (ts[i+2].low == "at" || ts[i+2].low == "om" || ts[i+2].is(cNotNoun))):
		// "Den konstaterer, at …": an organisation spoken of as "den"
		// or "det" (Kommissionen … Den; udvalget … Det).
		return NP{Span: t.Span, Kind: Pronoun, Word: l}, i + 1, true
	case (l == "hans" || l == "hendes") && i+1 < len(ts) && !ts[i+1].cap && !ts[i+1].title && i+2 >= len(ts):
		// "Hans erkendelse:" introducing a quote: the possessor speaks.
		w := "han"
		if l == "hendes" {
			w = "hun"
		}
		return NP{Span: Span{Start: t.Start, End: ts[i+1].End}, Kind: Pronoun, Word: w, Person: true}, i + 2, true
	case !t.comma && !t.role && t.w.barePlural && i+1 < len(ts) && ts[i+1].is(cReporting) && !p.isNameTok(ts, i):
		// A bare noun speaking: "Finanskilder siger, at …", "Eksperter
		// vurderer, at …". Someone unnamed.
		return NP{Span: t.Span, Kind: Unnamed, Person: true}, i + 1, true
	case t.is(cPossessive) && i+1 < len(ts) && ts[i+1].title:
		return NP{Span: Span{Start: t.Start, End: ts[i+1].End}, Kind: Unnamed, Person: true}, i + 2, true
	case t.is(cIndefinite) && !t.comma:
		j := i + 1
		person := false
		for j < len(ts) && j < i+5 && !ts[j].cap && !ts[j].is(cPrep) && !ts[j].is(cReporting) && !ts[j].is(cNotNoun) {
			j++
			// The head noun ends the phrase: "Fire læger mente …", "En
			// 45-årig kvinde, der …".
			if ts[j-1].person {
				person = true
				break
			}
			if ts[j-1].comma {
				break
			}
		}
		if j == i+1 {
			return NP{}, i, false
		}
		// "spurgte en undrende Anne-Sophie Mutter", "siger en tydeligt
		// rystet Jens Holm": the article and its adjectives describe the
		// person named after them.
		if !person && (l == "en" || l == "et") && j < len(ts) && !ts[j-1].comma && allAdjectives(ts[i+1:j]) && p.isNameTok(ts, j) {
			if np, n, ok := p.named(ts, j); ok && np.Kind == Named {
				np.Span.Start = t.Start
				return np, n, true
			}
		}
		return NP{Span: Span{Start: t.Start, End: ts[j-1].End}, Kind: Unnamed, Person: person}, j, true
	case t.is(cDefiniteDet) && i+1 < len(ts) && !t.comma && !(l == "de" && i+1 < len(ts) && !ts[i+1].w.adjOrNoun && !ts[i+1].cap):
		if ts[i+1].cap {
			// Det Konservative Folkeparti, Det Hvide Hus.
			if full, ok := p.knownAt(t.Start); ok {
				n := i + 1
				for n < len(ts) && ts[n].End <= full {
					n++
				}
				sp := Span{Start: t.Start, End: full}
				return NP{Span: sp, Kind: Named, Name: sp, Org: true}, n, true
			}
			if np, n, ok := p.named(ts, i+1); ok && np.Org {
				np.Span.Start, np.Name.Start = t.Start, t.Start
				return np, n, true
			}
			return NP{}, i, false
		}
		// Adjectives, then the head: "den franske præsident", "Det
		// russiske forsvarsministerium", "Den 34-årige".
		last := -1
		for j := i + 1; j < len(ts) && j < i+5 && !ts[j].cap; j++ {
			if ts[j].w.head {
				last = j
				break
			}
			if !ts[j].w.adjective {
				break
			}
			last = j
			if ts[j].comma {
				break
			}
		}
		// "de nordsjællandske byråds formand, borgmester Finn Holm": a
		// genitive or a title after the adjectives starts a role, and a
		// name may follow it.
		if k := last + 1; last >= 0 && k < len(ts) && !ts[last].comma && (isGenitive(ts, k) || ts[k].role) || last < 0 && i+1 < len(ts) && (ts[i+1].role || isGenitive(ts, i+1)) {
			if last < 0 {
				k = i + 1
			}
			if np, n, ok := p.named(ts, k); ok && np.Kind == Named && np.Name.End > np.Name.Start {
				np.Span.Start = t.Start
				if np.Role.End > np.Role.Start {
					np.Role.Start = t.Start
				}
				return np, n, true
			}
		}
		if last < 0 {
			return NP{}, i, false
		}
		// "Den afgående borgmester, Birgitte Holm (S), …": the role
		// comes with its name after the comma.
		if ts[last].title && ts[last].comma && last+1 < len(ts) && p.isNameTok(ts, last+1) {
			if np, n, ok := p.named(ts, i+1); ok && np.Kind == Named {
				np.Span.Start = t.Start
				if np.Role.End > np.Role.Start {
					np.Role.Start = t.Start
				}
				return np, n, true
			}
		}
		head, headLow := ts[last].w.s, ts[last].low
		sp := Span{Start: t.Start, End: ts[last].End}
		switch {
		case ts[last].org || strings.HasSuffix(headLow, "ministerium"):
			return NP{Span: sp, Kind: Named, Name: sp, Org: true}, last + 1, true
		case isTitle(headLow) && !strings.HasSuffix(head, "årige"):
			return NP{Span: sp, Kind: RoleRef, Word: headLow, Role: sp, Person: true}, last + 1, true
		case ts[last].person:
			return NP{Span: sp, Kind: Unnamed, Person: true}, last + 1, true
		}
		return NP{Span: sp, Kind: Unnamed}, last + 1, true
	}
	if !t.cap {
		if t.is(cOrgNoun) {
			return NP{Span: t.Span, Kind: OrgRef, Word: l, Org: true}, i + 1, true
		}
		if t.is(cUnnamed) {
			return NP{Span: t.Span, Kind: Unnamed}, i + 1, true
		}
	}
	if t.initial && t.cap {
		lw := t.lower()
		if t.is(cOrgNoun) && !p.capInside(t) {
			return NP{Span: t.Span, Kind: OrgRef, Word: lw, Org: true}, i + 1, true
		}
		if t.is(cUnnamed) && !p.capInside(t) {
			return NP{Span: t.Span, Kind: Unnamed}, i + 1, true
		}
	}
	return p.named(ts, i)
}

// bareplural reports whether the lower-case word l, of flags f, looks like
// a bare plural noun ("kilder", "eksperter", "forskere"): no definite
// ending, no function word.
func bareplural(f wordFlags, l string) bool {
	if f.cls&(cOrgNoun|cFunction|cPronoun|cUnnamed) != 0 || utf8.RuneCountInString(l) <= 4 {
		return false
	}
	return strings.HasSuffix(l, "er") && !strings.HasSuffix(l, "erne")
}

// isAdjOrNoun guesses that a lower-case word after "de" begins a noun
// phrase ("de lokale myndigheder") rather than a verb ("de siger").
func isAdjOrNoun(f wordFlags, l string) bool {
	return strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ede") || f.person
}

// isAdjective guesses that a lower-case word before a noun is an
// adjective: Danish attributive adjectives after den/det/de end in -e
// (franske, unge, tidligere), and ages are written 34-årige.
func isAdjective(l string) bool {
	return strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ede") || strings.HasSuffix(l, "årige")
}

// allAdjectives reports whether every word of ts has the ending of an
// adjective or participle in the indefinite singular: undrende, rystet,
// skuffede, lykkelig, enigt, typisk, franske. A noun among them ("en
// lykkelig dag") ends the phrase before any name.
func allAdjectives(ts []tok) bool {
	for i := range ts {
		l := ts[i].low
		if !(strings.HasSuffix(l, "ende") || strings.HasSuffix(l, "et") || strings.HasSuffix(l, "ede") ||
			strings.HasSuffix(l, "ig") || strings.HasSuffix(l, "igt") || strings.HasSuffix(l, "isk") || isAdjective(l)) {
			return false
		}
	}
	return len(ts) > 0
}

// isHead reports whether the lower-case word l, of flags f, can end a
// definite noun phrase: a title, a person noun, an organisation noun or a
// word with a noun's ending.
func isHead(f wordFlags, l string) bool {
	return f.title || f.person && !strings.HasSuffix(l, "årige") || f.org || strings.HasSuffix(l, "ministerium")
}

// descriptorBeforeName reports whether ts[k] is a definite common noun
// standing as a title directly before a name: "fremskridtsmanden Jan Holm",
// "socialdemokraten Eva Berg", "advokaten Per Lund".
func (p *parser) descriptorBeforeName(ts []tok, k int) bool {
	if k+1 >= len(ts) || ts[k].cap || ts[k].comma || ts[k].is(cFunction) || utf8.RuneCountInString(ts[k].low) < 6 {
		return false
	}
	if !strings.HasSuffix(ts[k].low, "en") && !strings.HasSuffix(ts[k].low, "et") {
		return false
	}
	return p.text[ts[k].End:ts[k+1].Start] == " " && p.isNameTok(ts, k+1)
}

// named reads a phrase built around a name: genitives and titles before it,
// the name, a party letter and an apposition after it. Without a name, a
// title in its definite form is a RoleRef.
func (p *parser) named(ts []tok, i int) (NP, int, bool) {
	start := i
	j := i
	roleStart, roleEnd := -1, -1
	markRole := func(k int) {
		if roleStart < 0 {
			roleStart = ts[k].Start
		}
		roleEnd = ts[k].End
	}
	lastRole := -1
	for j < len(ts) && j < i+12 {
		t := &ts[j]
		l := t.lower()
		// A run of capitalised words ending in a genitive: "Danske Banks",
		// "Frankrigs", "EU-Kommissionens".
		if (t.cap || t.initial) && !t.is(cFunction) {
			k := j
			for k < len(ts) && k < j+4 && ts[k].cap && !isGenitive(ts, k) && !ts[k].comma && k+1 < len(ts) && ts[k+1].cap {
				k++
			}
			if k < len(ts) && ts[k].cap && isGenitive(ts, k) {
				// "Ukraines luftvåben", "Ruslands forsvarsministerium": a
				// genitive and an institution make an organisation's name.
				if k+1 < len(ts) && roleStart < 0 && !ts[k+1].cap && (ts[k+1].org || ts[k+1].w.orgNoun) && !ts[k].comma {
					sp := Span{Start: ts[j].Start, End: ts[k+1].End}
					return NP{Span: sp, Kind: Named, Name: sp, Org: true}, k + 2, true
				}
				for m := j; m <= k; m++ {
					markRole(m)
				}
				j = k + 1
				continue
			}
		}
		if !t.cap && isGenitive(ts, j) && j+1 < len(ts) && (ts[j+1].title || !ts[j+1].cap) && roleStart < 0 && strings.HasSuffix(l, "s") && utf8.RuneCountInString(l) > 4 && (strings.HasSuffix(l, "ets") || strings.HasSuffix(l, "ens") || strings.HasSuffix(l, "ernes") || ts[j+1].title) {
			markRole(j)
			j++
			continue
		}
		// Degrees written as abbreviations belong to the role: "professor,
		// lic. jur. Vagn Greve", "cand. psych. Ida Koch".
		degree := t.w.degree && (roleStart >= 0 || j+1 < len(ts) && (ts[j+1].w.degree || ts[j+1].cap)) ||
			// An adjective before a title: "kommercielle direktør",
			// "politiske ordfører".
			!t.cap && t.w.adjective && j+1 < len(ts) && ts[j+1].role && !t.comma
		if t.role && !p.isNameTok(ts, j) || degree || t.w.roleModifier {
			markRole(j)
			lastRole = j
			j++
			if t.comma && j < len(ts) && (ts[j].cap || ts[j].title || ts[j].w.degree) {
				continue
			}
			if t.comma && p.descriptorBeforeName(ts, j) {
				// "Sundhedsudvalgets formand, fremskridtsmanden Jan Holm".
				markRole(j)
				j++
				continue
			}
			if t.comma {
				break
			}
			continue
		}
		// A truncated compound in a coordination: "Klima-, energi- og
		// forsyningsminister".
		if truncated(p.text, t) && !p.coordinatedName(ts, j) {
			markRole(j)
			j++
			continue
		}
		if l == "og" && roleStart >= 0 && j+1 < len(ts) && (ts[j+1].title || ts[j+1].End < len(p.text) && p.text[ts[j+1].End] == '-') {
			j++
			continue
		}
		// A prepositional phrase inside the role, before a comma and a
		// name: "Formanden for Region Midtjylland, Anders Kühnau".
		if (l == "for" || l == "i" || l == "ved" || l == "hos" || l == "fra") && lastRole >= 0 && lastRole == j-1 {
			k := j + 1
			for k < len(ts) && k < j+6 && !ts[k-1].comma {
				k++
			}
			if k < len(ts) && ts[k-1].comma && (p.isNameTok(ts, k) || ts[k].role) {
				// "Bestyrelsesformanden for TV 2, professor Jørn Holm":
				// the role goes on after the comma.
				roleEnd = ts[k-1].End
				j = k
				continue
			}
			if k < len(ts) && ts[k-1].comma && p.descriptorBeforeName(ts, k) {
				// "Formanden for sundhedsudvalget, fremskridtsmanden Jan Holm".
				markRole(k)
				j = k + 1
				continue
			}
			// Without a comma the name starts at the first first name:
			// "byrådsmedlem i Faxe Lene Holm".
			found := false
			for m := j + 1; m < len(ts) && m < j+9 && !ts[m-1].comma && !ts[m].is(cReporting); m++ {
				if ts[m].first && m > j+1 && ts[m].cap {
					roleEnd = ts[m-1].End
					j, found = m, true
					break
				}
			}
			// Or a place of one word and a name of two or more:
			// "borgmester i Esbjerg Kent Holm".
			if !found {
				m := j + 1
				for m < len(ts) && m < j+6 && ts[m].cap && !ts[m-1].comma && p.text[ts[m-1].End:ts[m].Start] == " " {
					m++
				}
				if m-(j+1) >= 3 {
					roleEnd = ts[j+1].End
					j, found = j+2, true
				}
			}
			if found {
				continue
			}
			break
		}
		break
	}
	// A coordination of truncated compounds before the name: "Børne- og
	// Undervisningsministeriet", "Klima-, Energi- og Forsyningsministeriet".
	chain := j
	if p.coordinatedName(ts, j) {
		for j < len(ts) && (truncated(p.text, &ts[j]) || ts[j].low == "og" || ts[j].low == "eller") {
			j++
		}
	}
	// The name.
	if j < len(ts) && p.isNameTok(ts, j) {
		ns := j
		k := j
		for k < len(ts) {
			if k > ns && !ts[k-1].comma {
				gap := p.text[ts[k-1].End:ts[k].Start]
				switch {
				case gap == " & ":
					// "Forsikring & Pension".
					if ts[k].cap {
						k++
						continue
					}
				case gap == "- " && (ts[k].low == "og" || ts[k].low == "eller") && k+1 < len(ts) && ts[k+1].cap:
					// "Teknik- og Miljøforvaltningen".
					k += 2
					continue
				}
			}
			if k > ns && (ts[k-1].comma || p.text[ts[k-1].End:ts[k].Start] != " ") {
				break
			}
			// "TV 2 Lorry", "DR P1": a number in a broadcaster's name.
			if k > ns && isNumber(ts[k].w.s) && len(ts[k-1].w.s) <= 3 && ts[k-1].w.s == strings.ToUpper(ts[k-1].w.s) {
				k++
				continue
			}
			if p.isNameTok(ts, k) {
				if k > ns && isGenitive(ts, k) && k+1 < len(ts) && !ts[k+1].cap {
					break
				}
				k++
				continue
			}
			// An institution named by its field: "Center for Cybersikkerhed",
			// "Rådet for Trafiksikkerhedsforskning".
			if (ts[k].low == "for" || ts[k].low == "af") && k+1 < len(ts) && ts[k+1].cap && !ts[k].comma && (lex.orgWords[ts[k-1].w.s] || ts[k-1].org) {
				k += 2
				continue
			}
			// Particles: von der Leyen, de la Cruz.
			m := k
			for m < len(ts) && m < k+3 && ts[m].is(cParticle) && !ts[m].comma && ts[m].End < len(p.text) && p.text[ts[m].End] == ' ' {
				m++
			}
			if m > k && m < len(ts) && ts[m].cap {
				k = m
				continue
			}
			break
		}
		// "A.P. Møller - Mærsk": a known name written with a spaced dash.
		name := Span{Start: ts[chain].Start, End: ts[k-1].End}
		if full, ok := p.knownAt(name.Start); ok {
			name.End = full
			for k < len(ts) && ts[k].Start < full {
				k++
			}
		}
		np := NP{Kind: Named, Name: name}
		end := name.End
		if roleStart >= 0 {
			np.Role = Span{Start: roleStart, End: roleEnd}
		}
		// Party letter: "(S)".
		if party, pend := partyAt(p.text, end); party != "" {
			np.Party = party
			end = pend
		} else if acr, aend := acronymAt(p.text, end); acr.End > 0 {
			// "Det Serbiske Demokratiske Parti (SDP)": the short form
			// names the same organisation later.
			np.Acronym = acr
			end = aend
		}
		// Apposition: ", der er professor i …," or ", funktionschef i …,".
		if k < len(ts) && ts[k-1].comma || strings.HasPrefix(p.text[end:], ",") {
			m := k
			if m < len(ts) && (ts[m].lower() == "der" || ts[m].lower() == "som") && m+1 < len(ts) && (ts[m+1].lower() == "er" || ts[m+1].lower() == "var") {
				rs := m + 2
				re := rs
				for re < len(ts) && re < rs+10 && !ts[re].comma {
					re++
				}
				if rs < len(ts) && isTitle(lastTitleWord(ts[rs:min(re+1, len(ts))])) {
					np.Role = Span{Start: ts[rs].Start, End: ts[min(re, len(ts)-1)].End}
				}
			} else if m < len(ts) && !ts[m].cap && ts[m].title && np.Role.End == 0 {
				re := m
				for re < len(ts) && re < m+8 && !ts[re].comma {
					re++
				}
				np.Role = Span{Start: ts[m].Start, End: ts[min(re, len(ts)-1)].End}
			}
		}
		np.Span = Span{Start: ts[start].Start, End: end}
		p.typeOf(&np, ts[ns:k])
		return np, k, true
	}
	if roleStart >= 0 && lastRole >= 0 {
		stem, def := ts[lastRole].w.stem, ts[lastRole].w.stemDefinite
		sp := Span{Start: roleStart, End: roleEnd}
		if def || roleStart < ts[lastRole].Start {
			return NP{Span: sp, Kind: RoleRef, Word: stem, Role: sp, Person: true}, lastRole + 1, true
		}
	}
	// A definite organisation noun written with a capital at the start of
	// a sentence: "Rederiet oplyser".
	return NP{}, i, false
}

// orgRole reports whether a role describes a company rather than a
// person: "vindmølleproducenten", "rederiet", "energiselskabet".
func orgRole(role string) bool {
	role = strings.TrimRightFunc(role, unicode.IsSpace)
	if role == "" {
		return false
	}
	head := role
	if k := strings.LastIndexFunc(role, unicode.IsSpace); k >= 0 {
		_, n := utf8.DecodeRuneInString(role[k:])
		head = role[k+n:]
	}
	for _, w := range [...]string{"producent", "producenten", "selskab", "selskabet", "virksomhed", "virksomheden", "koncern", "koncernen", "rederi", "rederiet", "kæde", "kæden", "leverandør", "leverandøren", "fabrik", "fabrikken", "bank", "banken", "forening", "foreningen", "organisation", "organisationen", "parti", "partiet"} {
		if hasSuffixFold(head, w) {
			return true
		}
	}
	return false
}

// coordinatedName reports whether ts[j] opens a coordination of truncated
// compounds that ends in a capitalised name ("Børne- og
// Undervisningsministeriet") rather than a role ("Klima-, energi- og
// forsyningsminister").
func (p *parser) coordinatedName(ts []tok, j int) bool {
	if j >= len(ts) || !ts[j].cap || !truncated(p.text, &ts[j]) {
		return false
	}
	for k := j + 1; k < len(ts) && k < j+8; k++ {
		if truncated(p.text, &ts[k]) || ts[k].low == "og" || ts[k].low == "eller" {
			continue
		}
		return ts[k].cap
	}
	return false
}

// allCaps reports whether s has letters and all of them are capitals.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// truncated reports whether t is the first part of a coordinated
// compound, written with a hyphen and no rest: "Børne-" in "Børne- og".
func truncated(text string, t *tok) bool {
	return t.End < len(text) && text[t.End] == '-' && (t.End+1 == len(text) || text[t.End+1] == ' ' || text[t.End+1] == ',')
}

func lastTitleWord(ts []tok) string {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].title {
			return ts[i].w.s
		}
	}
	return ""
}

// knownAt returns the end of the longest known organisation name written
// at pos, if any.
func (p *parser) knownAt(pos int) (int, bool) {
	best := -1
	first := p.text[pos:]
	if k := strings.IndexAny(first, " \n"); k >= 0 {
		first = first[:k]
	}
	for _, name := range lex.knownFirst[first] {
		if strings.HasPrefix(p.text[pos:], name) && len(name) > best {
			end := pos + len(name)
			if end < len(p.text) {
				r, _ := utf8.DecodeRuneInString(p.text[end:])
				if unicode.IsLetter(r) {
					continue
				}
			}
			best = len(name)
		}
	}
	if best < 0 {
		return 0, false
	}
	return pos + best, true
}

// partyAt reads " (S)" at pos and returns the letter and the end.
func partyAt(text string, pos int) (string, int) {
	i := pos
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return "", pos
	}
	j := strings.IndexByte(text[i:], ')')
	if j < 0 || j > 6 {
		return "", pos
	}
	letter := text[i+1 : i+j]
	if _, ok := lex.parties[letter]; !ok {
		return "", pos
	}
	return letter, i + j + 1
}

// acronymAt reads " (SDP)" at pos: two to six capitals in parentheses.
func acronymAt(text string, pos int) (Span, int) {
	i := pos
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return Span{}, pos
	}
	j := strings.IndexByte(text[i:], ')')
	if j < 3 || j > 7 {
		return Span{}, pos
	}
	a := text[i+1 : i+j]
	if !allCaps(a) || strings.ContainsAny(a, " -.,") {
		return Span{}, pos
	}
	return Span{Start: i + 1, End: i + j}, i + j + 1
}

// typeOf decides whether a named phrase names a person or an organisation.
func (p *parser) typeOf(np *NP, name []tok) {
	full := p.text[np.Name.Start:np.Name.End]
	if _, ok := lex.known[full]; ok {
		np.Org = true
		return
	}
	for i := range name {
		// "TV 2 Lorry", "3F": numbers name things, not people.
		if w := name[i].w; w.orgWord || w.numeric {
			np.Org = true
			return
		}
	}
	// "Rigspolitiet", "Det Danske Filminstitut": the last word ends like
	// an institution.
	if name[len(name)-1].org {
		np.Org = true
		return
	}
	// A genitive inside the name makes it the name of a thing or an
	// institution: "Nordisk Råds Litteraturpris", "Københavns Universitet".
	for _, t := range name[:len(name)-1] {
		if !t.first && (strings.HasSuffix(t.w.s, "s") || strings.HasSuffix(t.w.s, "’s") || strings.HasSuffix(t.w.s, "'s")) {
			return
		}
	}
	if name[0].first {
		np.Person = true
		return
	}
	if np.Role.End > 0 && orgRole(p.text[np.Role.Start:np.Role.End]) {
		np.Org = true
		return
	}
	if np.Role.End > 0 || np.Party != "" {
		np.Person = true
		return
	}
	if len(name) >= 2 {
		np.Person = true
	}
}
