package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
)

// Span is a half-open byte range [Start, End) into the analysed text.
type Span = segment.Span

// MentionKind says how a noun phrase refers to someone.
type MentionKind uint8

// Mention kinds.
const (
	// Named: the phrase holds a name ("finansminister Nicolai Wammen (S)").
	Named MentionKind = iota + 1
	// Pronoun: han, hun, de, man.
	Pronoun
	// RoleRef: a role without a name ("præsidenten", "den franske
	// præsident"); it refers back to whoever holds the role.
	RoleRef
	// OrgRef: a common noun for an organisation ("selskabet", "rederiet").
	OrgRef
	// Unnamed: someone the article does not name ("en kilde", "et
	// øjenvidne", "hendes pressechef", "politiet").
	Unnamed
)

var mentionKindNames = [...]string{Named: "named", Pronoun: "pronoun", RoleRef: "role", OrgRef: "organisation-noun", Unnamed: "unnamed"}

func (k MentionKind) String() string {
	if int(k) < len(mentionKindNames) && mentionKindNames[k] != "" {
		return mentionKindNames[k]
	}
	return "MentionKind(?)"
}

// NP is a noun phrase that can name a speaker.
type NP struct {
	Span  Span // the whole phrase
	Kind  MentionKind
	Name  Span   // the name within it (Named)
	Role  Span   // its role or title, when given (before the name, in an apposition or alone)
	Party string // party letter from "(S)"
	// Acronym is a short form given in parentheses after the name:
	// "Det Serbiske Demokratiske Parti (SDP)".
	Acronym Span
	Word    string // pronoun or role/organisation noun in lower case (Pronoun, RoleRef, OrgRef)
	Org     bool   // the phrase names an organisation
	Person  bool   // the phrase names a person (a first name, a title or a person noun)
}

// tok is a word of the text with the facts the parser needs about it.
type tok struct {
	Span
	low string    // the word in lower case (its spelling is w.s)
	w   *wordInfo // what the word lists say about it
	wordFlags
	initial bool // first word of its sentence or quote
	comma   bool // a comma follows it directly
	apos    bool // an apostrophe follows it directly, then a space
	quoted  bool // it starts inside a direct quote (Analysis.inQuote)
}

// wordFlags are the answers of the word lists that tokens copy from their
// word's entry.
type wordFlags struct {
	cls    class // the closed word classes of the lower-case word
	role   bool  // a role word, bare or definite (isRoleWord)
	title  bool  // a bare role word (isTitle)
	org    bool  // it ends like an organisation's name (orgSuffixed)
	person bool  // it names someone unnamed (isPersonNoun): kilde, øjenvidne, 34-årige
	// What depends on the word as written, not on its lower case.
	cap     bool // it starts with a capital (after any digits: "3F")
	first   bool // a known first name
	known   bool // a known organisation's name
	notName bool // no part of a name, wherever it stands (see notName)
}

// is reports whether t belongs to any of the classes in c.
func (t *tok) is(c class) bool { return t.cls&c != 0 }

// class is a set of the closed word classes below, looked up once per
// token rather than set by set wherever the parser asks.
type class uint16

const (
	cPronoun class = 1 << iota
	cPossessive
	cIndefinite
	cDefiniteDet
	cParticle
	cPrep
	cFunction
	cNotNoun
	cSubordinator
	cStopAfterRole
	cOrgNoun   // lex.orgNouns
	cUnnamed   // lex.unnamed
	cReporting // isReportingVerb
)

// classes maps each word of the closed classes to its classes. Reporting
// verbs are added from quote's lexicon.
var classes = func() map[string]class {
	m := map[string]class{}
	for set, c := range map[*map[string]bool]class{
		&pronouns: cPronoun, &possessives: cPossessive, &indefinites: cIndefinite, &definiteDets: cDefiniteDet,
		&particles: cParticle, &preps: cPrep, &functionWords: cFunction, &notNouns: cNotNoun,
		&subordinators: cSubordinator, &stopAfterRole: cStopAfterRole, &lex.unnamed: cUnnamed,
	} {
		for w := range *set {
			m[w] |= c
		}
	}
	for w := range lex.orgNouns {
		m[w] |= cOrgNoun
	}
	for w := range quote.Forms() {
		if isReportingVerb(w) {
			m[w] |= cReporting
		}
	}
	return m
}()

// classOf returns the classes of the lower-case word l.
func classOf(l string) class {
	c := classes[l]
	// A decomposed or oddly cased spelling of a verb is found by the
	// lexicon's own look-up; plain ASCII needs none.
	if c&cReporting == 0 && !isASCII(l) && isReportingVerb(l) {
		c |= cReporting
	}
	return c
}

func asciiAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (t *tok) lower() string { return t.low }

// wordInfo is what the word lists say about a word as written, and what
// the current document does with it.
type wordInfo struct {
	wordFlags
	// lowerIn is the number of the last document that wrote the word in
	// lower case (see words), capInside of the last that capitalised it
	// inside a sentence.
	lowerIn, capInside uint32
	// lowerForm is the entry of the word's lower-case spelling: w itself
	// when it has no capital.
	lowerForm *wordInfo
	s         string // the word as written, the entry's own copy
	orgWord   bool   // an institution's word (lex.orgWords): "Center for …"
	// Answers the noun-phrase parser asks of the word wherever it stands.
	degree       bool   // an abbreviated degree: "lic.", "cand." (isDegree)
	adjective    bool   // the ending of an attributive adjective (isAdjective)
	orgNoun      bool   // a noun that heads an institution's name (isOrgNoun)
	roleModifier bool   // a word that belongs to a role before it: tidligere, afgående
	numeric      bool   // a number or a word starting with a digit: "2", "3F"
	stem         string // the role word without its definite ending (roleStem)
	stemDefinite bool   // … and whether it had one
	barePlural   bool   // a bare plural noun: eksperter (bareplural)
	adjOrNoun    bool   // begins a noun phrase after "de" (isAdjOrNoun)
	head         bool   // can end a definite noun phrase (isHead)
}

// lookupWord returns what the lists say about the lower-case word l.
func lookupWord(l string) wordInfo {
	w := wordInfo{wordFlags: wordFlags{cls: classOf(l)}}
	tail := tailOf(l)
	w.title = hasTitleSuffix(tail)
	stem, definite := definiteTitle(tail)
	w.role = w.title || definite
	w.org = orgSuffixed(l)
	if lower := strings.ToLower(l); lower == l {
		// roleStem and isPersonNoun would lower-case l again and ask the
		// questions just answered.
		w.stem, w.stemDefinite = tail, false
		if definite {
			w.stem, w.stemDefinite = stem, true
		}
		w.person = personNoun(l) || w.title
	} else {
		// A capital that lower-casing to the same length missed (İ).
		w.stem, w.stemDefinite = roleStem(l)
		w.person = isPersonNoun(l)
	}
	w.adjective = isAdjective(l)
	w.orgNoun = isOrgNoun(l)
	w.roleModifier = roleModifiers[l]
	w.barePlural = bareplural(w.wordFlags, l)
	w.adjOrNoun = isAdjOrNoun(w.wordFlags, l)
	w.head = isHead(w.wordFlags, l)
	return w
}

// words remembers lookupWord's answers: a corpus writes the same words
// over and over, and one look-up here replaces several in the lists.
//
// Words are kept as written ("Holm", "holm" and "HOLM" apart), so that the
// case-sensitive name lists are answered by the same look-up, and each
// token points to its word's entry. The entries also carry what the
// current document does with the word, as the number of the last document
// that did it: whether it writes it in lower case (on the entry of the
// lower-case spelling) and whether it capitalises it inside a sentence.
type words struct {
	m   map[string]*wordInfo
	doc uint32 // the current document's number, from 1
}

// maxWords bounds the remembered words, so that a parser reused over a
// whole archive keeps a bounded size.
const maxWords = 1 << 15

// next starts a new document. Only here may the memory be dropped: the
// marks of the document being read must last to its end.
func (ws *words) next() {
	ws.doc++
	if ws.m == nil || len(ws.m) >= maxWords || ws.doc == 0 {
		ws.m = make(map[string]*wordInfo, 1024)
		ws.doc = 1
	}
}

// info returns what the lists say about the word s, written so in the
// text, whose lower-case form is low. Words are remembered as written, so
// that one look-up answers for the case-sensitive lists too.
func (ws *words) info(s, low string) *wordInfo {
	if w, ok := ws.m[s]; ok {
		return w
	}
	// The entry keeps a copy of the word, and what it derives from the word
	// is taken from the copy: a slice of the text would keep the text alive.
	s = strings.Clone(s)
	if s == low {
		low = s
	}
	w := new(wordInfo)
	*w = lookupWord(low)
	w.s = s
	// What depends on the spelling.
	w.cap = startsUpper(s)
	// The lists of names hold capitalised words only (lex.casedOnly),
	// so a word without a capital need not be looked up.
	if s != low || !lex.casedOnly {
		_, w.first = lex.firstNames[s]
		_, w.known = lex.known[s]
	}
	w.notName = notName(s, w.known)
	w.orgWord = lex.orgWords[s]
	w.degree = isDegree(s, w.cap)
	w.numeric = s != "" && '0' <= s[0] && s[0] <= '9'
	w.lowerForm = w
	if s != low {
		w.lowerForm = ws.info(low, low)
	}
	ws.m[s] = w
	return w
}

// isDegree reports whether s, with or without a capital, is an abbreviated
// academic degree or title part: "lic.", "jur.", "cand.", "psych.".
func isDegree(s string, capital bool) bool {
	return !capital && strings.HasSuffix(s, ".") && len(s) <= 8 && !strings.Contains(s[:len(s)-1], ".")
}

// notName reports whether the capitalised word s, known or not as an
// organisation's name, can be no part of a name whatever surrounds it.
func notName(s string, known bool) bool {
	// "Maersk-chefen", "FCM-træneren": a capitalised prefix on a common noun.
	if k, n := lastDash(s); k >= 0 && k+n < len(s) {
		r, _ := utf8.DecodeRuneInString(s[k+n:])
		if unicode.IsLower(r) {
			return true
		}
	}
	// A word in capitals longer than an acronym is a heading or emphasis
	// ("IKKE SET NOGET", "DANSKE rockmusikere"), not a name.
	return len(s) > 4 && !known && allCaps(s)
}

// startsUpper reports whether s starts with a capital, or, when it starts
// with a digit, whether its first letter is one: "3F", "4K" lead a
// capitalised name.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) {
		for _, c := range s {
			if unicode.IsLetter(c) {
				return unicode.IsUpper(c)
			}
		}
	}
	return unicode.IsUpper(r)
}

// appendTokens appends the tokens of the words ws of text to out.
func appendTokens(out []tok, text string, ws []segment.Word, known *words) []tok {
	out = slices.Grow(out, len(ws))
	for _, sp := range ws {
		out = out[:len(out)+1]
		t := &out[len(out)-1]
		t.Span, t.low = sp.Span, sp.Low
		s := text[sp.Start:sp.End]
		w := known.info(s, t.low)
		t.w, t.wordFlags = w, w.wordFlags
		if !t.cap && s == t.low {
			w.lowerIn = known.doc
		}
		t.initial = isInitialPos(text, sp.Start)
		if t.cap && !t.initial {
			w.capInside = known.doc
		}
		t.comma = sp.End < len(text) && text[sp.End] == ','
		t.apos = strings.HasSuffix(t.low, "s") && (strings.HasPrefix(text[sp.End:], "' ") || strings.HasPrefix(text[sp.End:], "’ "))
		t.quoted = false
	}
	return out
}

// isInitialPos reports whether a word at pos starts a sentence, a quote or
// a paragraph: only space, quote marks and dashes stand between it and a
// sentence end, a colon or the start of the text.
func isInitialPos(text string, pos int) bool {
	// Most words follow a space after a letter, a digit or a comma.
	if pos >= 2 && text[pos-1] == ' ' {
		if c := text[pos-2]; c == ',' || asciiAlnum(c) {
			return false
		}
	}
	for pos > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:pos])
		switch {
		case r == '\n' || r == '\r':
			return true
		case unicode.IsSpace(r) || segment.IsOpenQuote(r) || segment.IsCloseQuote(r) || segment.IsDash(r) || r == '(':
			pos -= n
			continue
		case r == '.':
			return segment.PeriodEndsSentence(text, pos-n)
		case r == '!' || r == '?' || r == ':':
			return true
		}
		return false
	}
	return true
}

var (
	pronouns     = map[string]bool{"han": true, "hun": true, "de": true, "man": true, "vi": true, "jeg": true, "ham": true, "hende": true, "dem": true}
	possessives  = map[string]bool{"hans": true, "hendes": true, "deres": true, "dens": true, "dets": true, "dennes": true, "sin": true, "sit": true}
	indefinites  = map[string]bool{"en": true, "et": true, "flere": true, "nogle": true, "mange": true, "to": true, "tre": true, "fire": true, "fem": true, "adskillige": true, "enkelte": true, "ingen": true}
	definiteDets = map[string]bool{"den": true, "det": true, "de": true}
	particles    = map[string]bool{"von": true, "van": true, "der": true, "de": true, "den": true, "af": true, "la": true, "le": true, "di": true, "da": true, "bin": true, "al": true, "el": true, "ter": true, "du": true}
	preps        = map[string]bool{"til": true, "i": true, "på": true, "hos": true, "fra": true, "med": true, "for": true, "om": true, "af": true, "ved": true, "under": true, "over": true, "efter": true, "mod": true, "blandt": true, "uden": true, "ifølge": true, "gennem": true, "bag": true, "foran": true, "inden": true, "end": true, "som": true}
	// Words that start sentences but never names.
	functionWords = set("det den de der han hun man vi jeg du i på til for med om af at og men så da når hvis nu her også derfor efter under over mod ifølge hos fra ved samtidig allerede tidligere senere desuden endnu hvad hvem hvor hvorfor hvordan hvilke hvilken mens selv sidste næste flere mange alle ingen nogle en et hele dermed dog ellers ja nej tak måske først siden inden før uden blandt hvert hver hverken både enten kun bare netop især heller endelig alligevel imens imidlertid mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar marts april maj juni juli august september oktober november december dette disse denne sådan således")
	// Adverbs, auxiliaries and other words that cannot be the noun a
	// genitive modifies: "Ester Brohus ikke", "Thomas har".
	notNouns = set("ikke er var har havde blev bliver kan kunne vil ville skal skulle må måtte får fik går gik også selv dog nu jo vel aldrig altid ofte igen allerede stadig kun bare lige mere mest meget godt helt heller især netop vist nok snart tit sjældent endnu straks fortsat gerne hellere længe langt slet forud førhen hidtil dengang atter endda sågar faktisk egentlig blot formentlig muligvis sandsynligvis åbenbart derimod")
	// Subordinators that open a clause fronted before the main clause.
	// Words that belong to the role before a name: "administrerende
	// direktør", "afgående borgmester".
	roleModifiers = set("administrerende tidligere nye afgående konstitueret kommende daværende fungerende")
	subordinators = set("da når hvis fordi selvom mens inden før idet skønt efterhånden eftersom såfremt")
	// Words after a role that do not belong to the phrase.
	stopAfterRole = set("og men som der at")
)

// isReportingVerb reports whether the lower-case word l is a form, other
// than the infinitive, of a verb of saying or thinking (quote's lexicon), the verbs a person or
// an organisation is the subject of when news reports them.
func isReportingVerb(l string) bool {
	v, ok := quote.LookupVerb(l)
	return ok && (v.Class == quote.Speech || v.Class == quote.Thought) && l != v.Lemma
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isGenitive reports whether t is a genitive ("Frankrigs", "SF's",
// "EU’s", "topmødets") that modifies the word after it.
func isGenitive(ts []tok, i int) bool {
	t := &ts[i]
	if i+1 >= len(ts) || t.comma {
		return false
	}
	s := t.w.s
	// "SAS' direktør", "Mads' bror": the bare apostrophe of a name in -s.
	if t.apos {
		return true
	}
	if !(strings.HasSuffix(s, "s") || strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")) {
		return false
	}
	if t.first && ts[i+1].cap {
		return false
	}
	next := &ts[i+1]
	if next.cap {
		// "SF's Kasper Winge", "Venstres Jakob Holm": an organisation's
		// genitive before a person's name.
		if strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") {
			return true
		}
		// "CDs Frode Holm", "SFs Pia Dyhr": an acronym's genitive.
		if len(s) >= 3 && allCaps(s[:len(s)-1]) {
			return true
		}
		if _, ok := lex.known[strings.TrimSuffix(s, "s")]; ok {
			return true
		}
		// "Morgenflimmers TV-stjerne": a compound with a lower-case head.
		if k, n := lastDash(next.w.s); k >= 0 && k+n < len(next.w.s) {
			if r, _ := utf8.DecodeRuneInString(next.w.s[k+n:]); unicode.IsLower(r) {
				return true
			}
		}
		return next.title
	}
	// "Grøndahl-Friis fra", "Jens siger": a name ending in s before a
	// preposition or a verb is no genitive.
	nl := next.lower()
	if next.is(cPrep | cFunction | cStopAfterRole | cNotNoun) {
		return false
	}
	if next.role {
		return true
	}
	if next.is(cReporting) {
		// "Karl Hjortnæs sagde"; but "Aalborgs anfører" is a role.
		return false
	}
	return !(strings.HasSuffix(nl, "er") || strings.HasSuffix(nl, "ede") || strings.HasSuffix(nl, "te"))
}
