// Package speaker finds who is named in a Danish news article and who each
// mention refers to: person names with their particles, hyphens and
// initials, organisations, roles and titles from appositions, party letters,
// pronouns and role nouns, resolved within the article to the fullest name.
//
// Coreference follows Danish grammar and news convention rather than the
// nearest name: a pronoun refers to the most recent sentence subject of its
// gender (objects and names inside prepositional phrases do not count), a
// surname to the fullest name that contains it, a role noun ("ministeren",
// "FCM-træneren") to the latest holder of that role. Someone the article
// does not name ("en kilde", "et øjenvidne") stays unnamed, and so does a
// pronoun that refers back to them: a wrong name is worse than none.
package speaker

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/citat-go/citat/internal/segment"
)

// Type says what kind of speaker an entity is.
type Type uint8

// Entity types.
const (
	UnknownType Type = iota
	Person
	Organisation
)

func (t Type) String() string {
	switch t {
	case Person:
		return "person"
	case Organisation:
		return "organisation"
	}
	return "unknown"
}

// Entity is someone named in the article: every mention of the same person
// or organisation resolves to one entity.
type Entity struct {
	Name     string // the fullest name written in the article
	NameSpan Span   // where that fullest name is first written
	Type     Type
	Gender   Gender
	Role     string // first role or title the article gives
	Party    string // party letter, "S"
	tokens   []string
	mentions []int // start offsets of its named mentions, in order
}

// salient is a sentence subject, the candidates for pronouns.
type salient struct {
	pos    int
	sent   int // index of its sentence
	entity int // -1: someone unnamed
	person bool
	gender Gender
}

// Analysis holds the speakers of one article. It is read-only once built
// and safe for concurrent use.
type Analysis struct {
	doc      *segment.Doc
	text     string
	p        *parser
	quoted   []Span
	Entities []Entity
	salience []salient
	timeline []mentionAt    // every named mention, in text order (by start)
	byToken  map[string]int // name word → its list in lists
	lists    [][]int        // entities whose name has a word, one list a word
	byCanon  map[string]int // known organisation → its entity
	acronyms map[string]int // short form given in parentheses → entity
	// Scratch for one mention at a time.
	words []string
	cands []int
	conj  []Span
}

type mentionAt struct{ pos, entity int }

// lookback bounds how far coreference looks back, in named mentions and
// in sentence subjects: far enough for any article, and it keeps the work
// linear on a book-length input.
const lookback = 400

// Analyze finds the speakers of text, treating nothing as quoted.
func Analyze(text string) *Analysis {
	return AnalyzeDoc(segment.New(text), nil)
}

// AnalyzeDoc finds the speakers of a segmented document. quoted lists the
// spans of direct quotes, sorted by start: names inside them count for
// telling full names, but their sentences have no subject the narrative
// can refer back to.
func AnalyzeDoc(doc *segment.Doc, quoted []Span) *Analysis {
	return new(Analyzer).AnalyzeDoc(doc, quoted)
}

// An Analyzer finds the speakers of one document after another and reuses
// its memory from one to the next: the Analysis it returns is valid until
// its next call. The zero Analyzer is ready to use. An Analyzer must not be
// used by several goroutines at once.
type Analyzer struct {
	a Analysis
	p parser
}

// AnalyzeDoc finds the speakers of a segmented document, as the function
// [AnalyzeDoc] does.
func (z *Analyzer) AnalyzeDoc(doc *segment.Doc, quoted []Span) *Analysis {
	a := &z.a
	z.p.reset(doc)
	a.reset(doc, &z.p, quoted)
	a.markQuoted()
	a.collectNames(doc)
	a.collectSubjects(doc)
	return a
}

// reset readies a for doc, keeping the storage of its slices and maps.
func (a *Analysis) reset(doc *segment.Doc, p *parser, quoted []Span) {
	a.doc, a.text, a.p, a.quoted = doc, doc.Text, p, quoted
	a.Entities = a.Entities[:0]
	a.salience, a.timeline = a.salience[:0], a.timeline[:0]
	a.lists = a.lists[:0]
	if a.byToken == nil {
		a.byToken, a.byCanon, a.acronyms = map[string]int{}, map[string]int{}, map[string]int{}
	}
	// clear keeps a map's buckets but not its keys, slices of the
	// previous text.
	clear(a.byToken)
	clear(a.byCanon)
	clear(a.acronyms)
}

// newEntity appends an entity, reusing the slices of one an earlier
// document left in the same place.
func (a *Analysis) newEntity(name string, at Span, typ Type, toks []string) int {
	n := len(a.Entities)
	if n < cap(a.Entities) {
		a.Entities = a.Entities[:n+1]
		old := a.Entities[n]
		a.Entities[n] = Entity{Name: name, NameSpan: at, Type: typ, tokens: append(old.tokens[:0], toks...), mentions: old.mentions[:0]}
	} else {
		a.Entities = append(a.Entities, Entity{Name: name, NameSpan: at, Type: typ, tokens: slices.Clone(toks)})
	}
	return n
}

// entitiesWith returns the entities whose name has the word w.
func (a *Analysis) entitiesWith(w string) []int {
	if i, ok := a.byToken[w]; ok {
		return a.lists[i]
	}
	return nil
}

// addWord records that entity e's name has the word w.
func (a *Analysis) addWord(w string, e int) {
	i, ok := a.byToken[w]
	if !ok {
		i = len(a.lists)
		if i < cap(a.lists) {
			a.lists = a.lists[:i+1]
			a.lists[i] = a.lists[i][:0]
		} else {
			a.lists = append(a.lists, nil)
		}
		a.byToken[w] = i
	}
	a.lists[i] = append(a.lists[i], e)
}

func (a *Analysis) inQuote(pos int) bool {
	i, _ := slices.BinarySearchFunc(a.quoted, pos, func(s Span, p int) int {
		if s.Start <= p {
			return -1
		}
		return 1
	})
	return a.quotedBefore(i, pos)
}

// quotedBefore reports whether pos lies in one of the last few quotes of
// the first i, those that start at or before pos.
func (a *Analysis) quotedBefore(i, pos int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if a.quoted[k].Start <= pos && pos < a.quoted[k].End {
			return true
		}
	}
	return false
}

// markQuoted sets each token's quoted flag, as inQuote would answer for
// its start, in one walk over tokens and quotes together.
func (a *Analysis) markQuoted() {
	i := 0
	for k := range a.p.all {
		t := &a.p.all[k]
		for i < len(a.quoted) && a.quoted[i].Start <= t.Start {
			i++
		}
		t.quoted = a.quotedBefore(i, t.Start)
	}
}

// collectNames reads every named phrase and clusters the names into
// entities: a name joins the entity whose name words it shares
// (Macron, Emmanuel Macron), the most recent one when several fit.
func (a *Analysis) collectNames(doc *segment.Doc) {
	for si, s := range doc.Sentences {
		if doc.Stopped(si) {
			return
		}
		ts := a.p.sentenceTokens(s)
		for i := 0; i < len(ts); {
			if !(ts[i].cap || ts[i].role || ts[i].is(cDefiniteDet) && i+1 < len(ts) && ts[i+1].cap) {
				i++
				continue
			}
			np, next, ok := a.p.parseNP(ts, i)
			if !ok || next <= i {
				i++
				continue
			}
			if np.Kind == Named {
				a.addMention(np)
			}
			i = next
		}
	}
}

// mentionAt returns the entity of the named mention that starts at pos.
func (a *Analysis) mentionAt(pos int) (int, bool) {
	i, ok := slices.BinarySearchFunc(a.timeline, pos, func(m mentionAt, pos int) int { return m.pos - pos })
	if !ok {
		return -1, false
	}
	return a.timeline[i].entity, true
}

// appendNameWords appends the words of the name s: its fields between
// white space, without lone dashes.
func appendNameWords(out []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		if w == "-" || w == "–" {
			continue
		}
		out = append(out, w)
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func (a *Analysis) addMention(np NP) {
	name := a.text[np.Name.Start:np.Name.End]
	a.words = appendNameWords(a.words[:0], name)
	toks := a.words
	if len(toks) == 0 {
		return
	}
	if e, ok := a.acronyms[name]; ok && len(toks) == 1 {
		a.Entities[e].mentions = append(a.Entities[e].mentions, np.Name.Start)
		a.timeline = append(a.timeline, mentionAt{pos: np.Name.Start, entity: e})
		return
	}
	canon, known := lex.known[name]
	typ := UnknownType
	switch {
	case np.Org:
		typ = Organisation
	case np.Person:
		typ = Person
	}
	best, bestPos := -1, -1
	// Candidates share a name word or a known organisation with the
	// mention; looking only at those keeps long documents linear.
	cands := a.cands[:0]
	if known {
		if ei, ok := a.byCanon[canon]; ok {
			cands = append(cands, ei)
		}
	}
	for _, w := range toks {
		// Only the latest lookback entities with the word: a word that
		// very many names share ("Anne") would make each mention cost
		// as much as the document. A duplicate candidate gives the same
		// answer twice, so none are removed.
		list := a.entitiesWith(w)
		cands = append(cands, list[max(0, len(list)-lookback):]...)
	}
	a.cands = cands
	for _, ei := range cands {
		e := &a.Entities[ei]
		if typ != UnknownType && e.Type != UnknownType && typ != e.Type {
			continue
		}
		match := false
		if known {
			if c, ok := lex.known[e.Name]; ok && c == canon {
				match = true
			}
		}
		if !match && (subset(toks, e.tokens) || subset(e.tokens, toks)) {
			match = true
		}
		if match {
			last := e.mentions[len(e.mentions)-1]
			if last > bestPos {
				best, bestPos = ei, last
			}
		}
	}
	if best < 0 {
		best = a.newEntity(name, np.Name, typ, toks)
	}
	e := &a.Entities[best]
	if len(toks) > len(e.tokens) || known && len(name) > len(e.Name) || len(e.mentions) == 0 {
		e.Name, e.NameSpan, e.tokens = name, np.Name, append(e.tokens[:0], toks...)
		for _, w := range toks {
			if list := a.entitiesWith(w); !slices.Contains(list[max(0, len(list)-lookback):], best) {
				a.addWord(w, best)
			}
		}
	}
	if known {
		a.byCanon[canon] = best
	}
	if e.Type == UnknownType {
		e.Type = typ
	}
	if e.Role == "" && np.Role.End > np.Role.Start {
		e.Role = strings.Trim(a.text[np.Role.Start:np.Role.End], " ,")
	}
	if e.Party == "" {
		e.Party = np.Party
	}
	if e.Gender == UnknownGender && e.Type != Organisation {
		if g, ok := lex.firstNames[e.tokens[0]]; ok {
			e.Gender = g
			e.Type = Person
		}
	}
	if np.Acronym.End > 0 {
		a.acronyms[a.text[np.Acronym.Start:np.Acronym.End]] = best
	}
	e.mentions = append(e.mentions, np.Name.Start)
	a.timeline = append(a.timeline, mentionAt{pos: np.Name.Start, entity: best})
}

// collectSubjects records the subject of every sentence outside quotes, in
// order: the antecedents for pronouns.
func (a *Analysis) collectSubjects(doc *segment.Doc) {
	for si, s := range doc.Sentences {
		if doc.Stopped(si) {
			return
		}
		a.conj = appendConjuncts(a.conj[:0], a.text, s.Span)
		for ci, c := range a.conj {
			var np NP
			var ok bool
			if ci == 0 {
				np, ok = a.Subject(c)
			} else {
				// A later main clause adds its subject only when it is a
				// person: "…, men den sammenligning bryder forfatteren
				// sig ikke om".
				np, ok = a.personIn(c)
			}
			if ok {
				a.speakingSubject(np)
				a.addSalient(np)
			}
		}
	}
}

// speakingSubject makes a name of unknown kind a person when it is the
// subject of a reporting verb ("Ellemann-Jensen afviste, at …"): only
// people and organisations speak, and a pronoun may refer back to it.
func (a *Analysis) speakingSubject(np NP) {
	if np.Kind != Named || np.Org {
		return
	}
	e, ok := a.mentionAt(np.Name.Start)
	if !ok || a.Entities[e].Type != UnknownType || isMedia(a.Entities[e].Name) {
		return
	}
	ts := a.p.tokens(np.Span.End, min(len(a.text), np.Span.End+40))
	before := a.p.tokens(max(0, np.Span.Start-20), np.Span.Start)
	if len(ts) > 0 && ts[0].is(cReporting) || len(before) > 0 && before[len(before)-1].is(cReporting) {
		a.Entities[e].Type = Person
	}
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// hasSuffixFold reports whether w ends in the lower-case suffix, in any case.
func hasSuffixFold(w, suffix string) bool {
	return len(w) >= len(suffix) && strings.EqualFold(w[len(w)-len(suffix):], suffix)
}

// genitiveBase returns a name in the genitive without its ending: "Mette
// Holms" → "Mette Holm", "SF's" → "SF", "Københavns" → "København".
func genitiveBase(name string) (string, bool) {
	for _, end := range [...]string{"'s", "’s", "'", "’", "s"} {
		if base, ok := strings.CutSuffix(name, end); ok && base != "" {
			return base, true
		}
	}
	return "", false
}

// appendConjuncts appends to out the coordinated main clauses of a
// sentence, split at ", men" and ", og" (not ", og at", which continues
// reported speech) and at ";".
func appendConjuncts(out []Span, text string, sp Span) []Span {
	start := sp.Start
	// Semicolons are rare: most sentences need only a search for commas.
	semi := strings.IndexByte(text[sp.Start:sp.End], ';') >= 0
	for i := sp.Start; i < sp.End; i++ {
		var k int
		if semi {
			k = strings.IndexAny(text[i:sp.End], ",;")
		} else {
			k = strings.IndexByte(text[i:sp.End], ',')
		}
		if k < 0 {
			break
		}
		i += k
		c := text[i]
		rest := text[i+1 : sp.End]
		if c == ';' || (strings.HasPrefix(rest, " men ") || strings.HasPrefix(rest, " og ")) && !strings.HasPrefix(rest, " og at ") && !strings.HasPrefix(rest, " men at ") {
			out = append(out, Span{Start: start, End: i})
			start = i + 1
		}
	}
	return append(out, Span{Start: start, End: sp.End})
}

// personIn returns the first phrase in region that refers to a person and
// that no preposition governs.
func (a *Analysis) personIn(region Span) (NP, bool) {
	ts := a.p.tokens(region.Start, region.End)
	for i := 0; i < len(ts); {
		if ts[i].quoted {
			i++
			continue
		}
		if ts[i].is(cPrep) {
			if i+1 < len(ts) {
				if _, next, ok := a.p.parseNP(ts, i+1); ok && next > i+1 {
					i = next
					continue
				}
			}
			i += 2
			continue
		}
		np, next, ok := a.p.parseNP(ts, i)
		if ok && next > i {
			if np.Person && np.Kind != Pronoun || np.Kind == RoleRef {
				return np, true
			}
			i = next
			continue
		}
		i++
	}
	return NP{}, false
}

func (a *Analysis) addSalient(np NP) {
	{
		ent, via := a.resolveAt(np, np.Span.Start)
		if via == "salience" && np.Kind == RoleRef && a.Entities[ent].Role == "" {
			// The article has just given the person of the moment a role:
			// "…, og den 41-årige forfatter har travlt". Later
			// "forfatteren" refers to them.
			a.Entities[ent].Role = strings.TrimSpace(a.text[np.Role.Start:np.Role.End])
		}
		sal := salient{pos: np.Span.Start, sent: a.doc.SentenceAt(np.Span.Start), entity: ent}
		switch {
		case ent >= 0:
			e := a.Entities[ent]
			sal.person, sal.gender = e.Type == Person, e.Gender
		case np.Kind == Unnamed && np.Person:
			sal.person = true
		case np.Kind == Pronoun && np.Person:
			// A pronoun that resolved to no one keeps the chain unnamed.
			sal.person = true
			if np.Word == "han" {
				sal.gender = Male
			} else {
				sal.gender = Female
			}
		default:
			return
		}
		a.salience = append(a.salience, sal)
	}
}

// Subject returns the grammatical subject in region: the first noun phrase
// that no preposition governs, outside quotes. In "Til Børsen siger hun"
// it is "hun"; in "Hos Gyldendal kalder forlagsredaktør Nikolaj Holm
// romanen" it is "forlagsredaktør Nikolaj Holm". "I Venstre mener man"
// gives the organisation, Venstre.
func (a *Analysis) Subject(region Span) (NP, bool) {
	ts := a.p.tokens(region.Start, region.End)
	// A fronted subordinate clause ("Da man havde renset tandsættet,
	// konstaterede professoren, at …") holds no subject of the main
	// clause: it ends at its comma.
	if len(ts) > 0 && ts[0].is(cSubordinator) && !ts[0].quoted {
		for k, t := range ts {
			if t.comma {
				ts = ts[k+1:]
				break
			}
		}
	}
	var locative, source NP
	hasLocative, hasSource := false, false
	for i := 0; i < len(ts); {
		if ts[i].quoted {
			i++
			continue
		}
		l := ts[i].lower()
		if ts[i].is(cPrep) || l == "forud" {
			j := i + 1
			// "forud for", "over for", "uden for": one preposition.
			if j < len(ts) && ts[j].is(cPrep) && !ts[i].comma {
				j++
			}
			if j < len(ts) {
				if np, next, ok := a.p.parseNP(ts, j); ok && next > j {
					if i == 0 && (l == "i" || l == "hos") && np.Kind == Named {
						locative, hasLocative = np, true
					}
					if i == 0 && l == "ifølge" && (np.Person || np.Kind == Named || np.Kind == RoleRef || np.Kind == Pronoun) {
						source, hasSource = np, true
					}
					// "…, lyder det fra X": X is who speaks.
					if l == "fra" && i >= 2 && ts[i-1].low == "det" && (ts[i-2].low == "lyder" || ts[i-2].low == "lød") {
						return np, true
					}
					i = next
					continue
				}
			}
			// No phrase parsed: skip the complement's words up to and
			// through a following name ("til radioen France-Info").
			k := j
			if k < len(ts) && ts[k].is(cDefiniteDet) && !ts[k].comma {
				k++
			}
			if k < len(ts) && !ts[k].cap && !ts[k].comma {
				k++
				if l := ts[k-1].low; k < len(ts) && ts[k].cap && (strings.HasSuffix(l, "en") || strings.HasSuffix(l, "et")) {
					for k < len(ts) && ts[k].cap && !ts[k-1].comma {
						k++
					}
				}
			}
			i = max(k, j+1)
			continue
		}
		np, next, ok := a.p.parseNP(ts, i)
		if (l == "det" || l == "der" || l == "dette" || l == "den") && !(ok && (np.Kind == Named || np.Kind == RoleRef || np.Kind == Pronoun || np.Person)) {
			i++
			continue
		}
		if ok && next > i {
			if np.Kind == Pronoun && np.Word == "man" && hasLocative {
				return locative, true
			}
			// "Ifølge Bo Lindvig var det to udvisninger …": the one
			// the sentence is attributed to is its person.
			if hasSource && !np.Person && np.Kind != Named && np.Kind != RoleRef {
				return source, true
			}
			return np, true
		}
		i++
	}
	if hasSource {
		return source, true
	}
	return NP{}, false
}

// Resolution says whom a mention refers to and how that was decided.
type Resolution struct {
	Entity int    // index into Entities, or -1 for no one named
	Via    string // "name", "pronoun", "role", "organisation-noun", "unnamed", "salience"
}

// Resolve returns the entity np refers to.
func (a *Analysis) Resolve(np NP) Resolution {
	e, via := a.resolveAt(np, np.Span.Start)
	return Resolution{Entity: e, Via: via}
}

func (a *Analysis) resolveAt(np NP, pos int) (int, string) {
	switch np.Kind {
	case Named:
		if e, ok := a.mentionAt(np.Name.Start); ok {
			return e, "name"
		}
		// A name in the genitive that the article also writes plainly:
		// "Efter Mette Holms opfattelse" is Mette Holm's.
		if base, ok := genitiveBase(a.text[np.Name.Start:np.Name.End]); ok {
			words := appendNameWords(nil, base)
			if e := a.latest(pos, func(e *Entity) bool { return subset(words, e.tokens) }); e >= 0 {
				return e, "name"
			}
		}
		return -1, "name"
	case Pronoun:
		if np.Word == "den" || np.Word == "det" {
			// The organisation that was the subject just before.
			for k, stop := a.salienceBefore(pos)-1, a.salienceBefore(pos)-3; k >= 0 && k > stop; k-- {
				if s := a.salience[k]; s.entity >= 0 && a.Entities[s.entity].Type == Organisation {
					return s.entity, "pronoun"
				}
			}
			return -1, "pronoun"
		}
		if np.Word != "han" && np.Word != "hun" {
			return -1, "pronoun"
		}
		want := Male
		if np.Word == "hun" {
			want = Female
		}
		if e := a.sameSentence(pos, want); e >= 0 {
			return e, "pronoun"
		}
		cur := a.doc.SentenceAt(pos)
		for k, stop := a.salienceBefore(pos)-1, a.salienceBefore(pos)-lookback; k >= 0 && k > stop; k-- {
			s := a.salience[k]
			if !s.person || s.gender != UnknownGender && s.gender != want {
				continue
			}
			// A subject several sentences back loses to a person of the
			// pronoun's gender named in the last two sentences, even
			// outside subject position: "For Camilla Holm er beskeden
			// svær at sluge. »…,« siger hun."
			if cur-s.sent > 3 {
				if e := a.recentPerson(pos, cur-2, want); e >= 0 {
					return e, "pronoun"
				}
			}
			return s.entity, "pronoun"
		}
		if e := a.recentPerson(pos, cur-2, want); e >= 0 {
			return e, "pronoun"
		}
		return -1, "pronoun"
	case RoleRef:
		stem := np.Word
		if st, ok := roleStem(stem); ok {
			stem = st
		}
		if e := a.latest(pos, func(e *Entity) bool {
			if e.Type == Organisation || e.Role == "" {
				return false
			}
			for w := range strings.FieldsFuncSeq(e.Role, notLetter) {
				if hasSuffixFold(w, stem) {
					return true
				}
			}
			return false
		}); e >= 0 {
			return e, "role"
		}
		// A role the article has not given anyone: the latest person
		// named, when that is close by.
		// Not for a role with a genitive ("Landets premierminister"): that
		// names a particular holder the article has not named.
		if !genitiveRole(a.text, np) {
			if e, at := a.latestPerson(pos); e >= 0 && pos-at < 1200 {
				return e, "salience"
			}
		} else if k := a.salienceBefore(pos) - 1; k >= 0 {
			// With a genitive ("Venstres formand") only the subject of
			// the sentence just before: "Holm afviste, at … «…,» sagde
			// Venstres formand."
			if s := a.salience[k]; s.person && s.entity >= 0 && a.adjacent(s.sent, a.doc.SentenceAt(pos)) && a.speaks(s.sent) {
				return s.entity, "salience"
			}
		}
		return -1, "role"
	case OrgRef:
		must := lex.orgNouns[np.Word]
		// The organisation the article is about (a recent subject) before
		// one merely mentioned.
		for k, stop := a.salienceBefore(pos)-1, a.salienceBefore(pos)-20; k >= 0 && k > stop; k-- {
			if s := a.salience[k]; s.entity >= 0 {
				e := &a.Entities[s.entity]
				if e.Type == Organisation && !isMedia(e.Name) && (must == "" || strings.Contains(e.Name, must) || must == "parti" && (lex.partyNames[e.Name] || lex.partyNames[lex.known[e.Name]])) {
					return s.entity, "organisation-noun"
				}
			}
		}
		e := a.latest(pos, func(e *Entity) bool {
			if e.Type != Organisation || isMedia(e.Name) {
				return false
			}
			if must == "parti" && (lex.partyNames[e.Name] || lex.partyNames[lex.known[e.Name]]) {
				return true
			}
			return strings.Contains(e.Name, must)
		})
		return e, "organisation-noun"
	}
	return -1, "unnamed"
}

// isMedia keeps news outlets from being taken for the organisation a
// common noun refers to; the attribution stage treats them as sources.
func isMedia(name string) bool {
	switch name {
	case "Reuters", "Reuter", "AFP", "AP", "Ritzau", "Bloomberg", "DR", "TV 2", "TV2", "dpa", "DPA", "TASS", "Interfax", "BBC", "CNN":
		return true
	}
	// Broadcasters by their usual prefixes: "TV 2 Sport", "DR Nyheder".
	for _, p := range []string{"TV ", "TV2", "DR ", "Radio", "P1", "P3", "P4"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// latest returns the entity matching ok that was mentioned last before
// pos; failing that, one mentioned just after pos.
func (a *Analysis) latest(pos int, ok func(*Entity) bool) int {
	i := sort.Search(len(a.timeline), func(i int) bool { return a.timeline[i].pos >= pos })
	for k := i - 1; k >= 0 && k >= i-lookback; k-- {
		if e := a.timeline[k].entity; ok(&a.Entities[e]) {
			return e
		}
	}
	// Cataphora only within the sentence's reach: "Ifølge selskabet, Novo
	// Nordisk, …".
	for k := i; k < len(a.timeline) && a.timeline[k].pos-pos < 200; k++ {
		if e := a.timeline[k].entity; ok(&a.Entities[e]) {
			return e
		}
	}
	return -1
}

func genitiveRole(text string, np NP) bool {
	for w := range strings.FieldsSeq(text[np.Span.Start:np.Span.End]) {
		w = strings.Trim(w, ",")
		if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "S") {
			continue
		}
		if l := strings.ToLower(w); !isRoleWord(l) && !definiteDets[l] {
			return true
		}
	}
	return false
}

// sameSentence returns the person a pronoun at pos refers to within its
// own sentence: none when the sentence's subject is a person (the walk
// over earlier subjects finds it), else the latest person named before
// the pronoun outside quotes ("Støtten hjælper senator Orlando gennem
// »…«, som han beskriver det").
func (a *Analysis) sameSentence(pos int, want Gender) int {
	si := a.doc.SentenceAt(pos)
	if si < 0 {
		return -1
	}
	start := a.doc.Sentences[si].Start
	if k := a.salienceBefore(pos) - 1; k >= 0 && a.salience[k].sent == si && a.salience[k].person {
		return -1
	}
	i := sort.Search(len(a.timeline), func(i int) bool { return a.timeline[i].pos >= pos })
	for k := i - 1; k >= 0 && a.timeline[k].pos >= start; k-- {
		m := a.timeline[k]
		e := &a.Entities[m.entity]
		if e.Type == Person && !a.inQuote(m.pos) && (e.Gender == UnknownGender || e.Gender == want) {
			return m.entity
		}
	}
	return -1
}

// recentPerson returns the person of gender want named last before pos,
// outside quotes, in sentence fromSent or later; -1 when there is none.
func (a *Analysis) recentPerson(pos, fromSent int, want Gender) int {
	if fromSent < 0 {
		fromSent = 0
	}
	if fromSent >= len(a.doc.Sentences) {
		return -1
	}
	start := a.doc.Sentences[fromSent].Start
	i := sort.Search(len(a.timeline), func(i int) bool { return a.timeline[i].pos >= pos })
	for k := i - 1; k >= 0 && a.timeline[k].pos >= start; k-- {
		m := a.timeline[k]
		e := &a.Entities[m.entity]
		if e.Type == Person && e.Gender == want && !a.inQuote(m.pos) {
			return m.entity
		}
	}
	return -1
}

// adjacent reports whether no sentence of narration stands between
// sentences a and b; sentences inside quotes do not count.
func (a *Analysis) adjacent(sa, sb int) bool {
	for k := sa + 1; k < sb; k++ {
		s := a.doc.Sentences[k]
		ws := a.doc.Words[s.FirstWord:s.EndWord]
		if len(ws) > 0 && !a.inQuote(ws[0].Start) {
			return false
		}
	}
	return true
}

// speaks reports whether sentence i has a reporting verb outside quotes:
// its subject is then one who has the word, not merely one talked about.
func (a *Analysis) speaks(i int) bool {
	s := a.doc.Sentences[i]
	for _, t := range a.p.sentenceTokens(s) {
		if !t.quoted && t.is(cReporting) {
			return true
		}
	}
	return false
}

// latestPerson returns the person entity mentioned last before pos,
// outside quotes, and where.
func (a *Analysis) latestPerson(pos int) (int, int) {
	i := sort.Search(len(a.timeline), func(i int) bool { return a.timeline[i].pos >= pos })
	for k := i - 1; k >= 0 && k >= i-lookback; k-- {
		m := a.timeline[k]
		if a.Entities[m.entity].Type == Person && !a.inQuote(m.pos) {
			return m.entity, m.pos
		}
	}
	return -1, -1
}

func (a *Analysis) salienceBefore(pos int) int {
	return sortSearch(len(a.salience), func(i int) bool { return a.salience[i].pos >= pos })
}

func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// LatestSpeaker returns the most recent sentence subject before pos that is
// a person, for a quote that nothing attributes; -1 when there is none or
// it is unnamed.
func (a *Analysis) LatestSpeaker(pos int) int {
	for k, stop := a.salienceBefore(pos)-1, a.salienceBefore(pos)-lookback; k >= 0 && k > stop; k-- {
		if s := a.salience[k]; s.person {
			return s.entity
		}
	}
	return -1
}
