// Package attribution links each quote to its speaker and its source: the
// person or organisation its attribution names (resolved by package
// speaker) and the agency or medium through which the words reached the
// article, from the catalogue of sources.
//
// Only the source named in a quote's own attribution is the quote's source
// ("siger han til DR", "ifølge nyhedsbureauet Reuters", "skriver hun på X",
// a "(Ritzau)" line under a quote column entry). A later quote by the same
// speaker whose attribution names no source carries the earlier source
// marked Inherited.
package attribution

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/citat-go/citat/speaker"
)

// Span is a half-open byte range [Start, End) into the analysed text.
type Span = segment.Span

// Speaker is who said a quote.
type Speaker struct {
	Entity  int        // index into the analysis' Entities; -1 when the article names no one
	Mention Span       // the phrase in the attribution that refers to the speaker; empty when none
	NP      speaker.NP // that phrase, parsed
	Via     string     // how the mention was resolved: name, pronoun, role, organisation-noun, unnamed, salience
}

// Source is the medium through which a quote reached the article.
type Source struct {
	Name      string
	Kind      SourceKind
	Mention   Span // where the source is named
	Inherited bool // carried over from an earlier quote by the same speaker
}

// Linked is a quote with its attribution resolved.
type Linked struct {
	Quote      quote.Quote
	Cue        Span // the reporting verb or "ifølge"; empty when none
	Speaker    *Speaker
	Source     *Source
	Negated    bool
	Confidence float64
	Evidence   []string
}

// Link resolves the speaker and source of every quote in found.
func Link(doc *segment.Doc, found quote.Result, an *speaker.Analysis, cat *Catalogue) []Linked {
	var k Linker
	return k.Link(doc, found, an, cat)
}

// A Linker links the quotes of one document after another and reuses its
// memory from one to the next: the slice it returns is valid until its
// next call. The zero Linker is ready to use. A Linker must not be used by
// several goroutines at once.
type Linker struct {
	l   linker
	out []Linked
}

// Link resolves the speaker and source of every quote in found, as the
// function [Link] does.
func (k *Linker) Link(doc *segment.Doc, found quote.Result, an *speaker.Analysis, cat *Catalogue) []Linked {
	l := &k.l
	l.reset(doc, found, an, cat)
	for _, q := range found.Quotes {
		l.quotePara[q.Paragraph] = true
	}
	out := k.out[:0]
	for i, q := range found.Quotes {
		if doc.Stopped(i) {
			break
		}
		out = append(out, l.link(q))
	}
	l.leadIn(out)
	k.out = out
	return out
}

// reset readies l for a document, keeping the storage of its maps.
func (l *linker) reset(doc *segment.Doc, found quote.Result, an *speaker.Analysis, cat *Catalogue) {
	if l.byAttr == nil {
		l.byAttr, l.lastSource, l.quotePara = map[int]attrInfo{}, map[int]lastSrc{}, map[int]bool{}
	}
	clear(l.byAttr)
	clear(l.lastSource)
	clear(l.quotePara)
	l.doc, l.text, l.found, l.an, l.cat = doc, doc.Text, found, an, cat
	l.lastSpeaker, l.lastSpeakerPara, l.lastAnswerer = -1, -1, -1
	l.media = l.media[:0]
	l.speakers.reset()
	l.sources.reset()
	l.ev, l.infoEv = l.ev[:0], l.infoEv[:0]
	if l.labels == nil {
		l.labels = map[[2]string]string{}
	}
}

// leadIn gives the quotes that open an article before anyone is named
// (an interview's first answers, a quote lede) the speaker of the first
// attributed quote after them, when it follows within a few paragraphs:
// the article names its speaker after letting them speak.
//
// A pronoun that opens an article likewise refers to the speaker named in
// the same or the next paragraph ("Men han slog fast, at … »…,« sagde
// Henning Holm."), not further on.
func (l *linker) leadIn(ls []Linked) {
	for i := range ls {
		s := ls[i].Speaker
		if s == nil || s.Entity < 0 && s.Via == "pronoun" {
			continue
		}
		if s.Entity >= 0 && s.Via != "salience" {
			first := ls[i]
			for k := range i {
				gap := first.Quote.Paragraph - ls[k].Quote.Paragraph
				switch {
				case ls[k].Speaker == nil && ls[k].Quote.Attr < 0 && gap <= 4:
					ls[k].Speaker = l.speakers.new(Speaker{Entity: s.Entity, Via: "lead-in"})
				case ls[k].Speaker != nil && ls[k].Speaker.Entity < 0 && ls[k].Speaker.Via == "pronoun" && (ls[k].Speaker.NP.Word == "han" || ls[k].Speaker.NP.Word == "hun") && gap <= 1:
					ls[k].Speaker.Entity, ls[k].Speaker.Via = s.Entity, "lead-in"
				default:
					continue
				}
				ls[k].Evidence = append(ls[k].Evidence, "speaker:lead-in")
			}
		}
		return
	}
}

type attrInfo struct {
	spk *Speaker
	src *Source
	ev  []string
}

type lastSrc struct {
	src  Source
	para int
}

type linker struct {
	doc        *segment.Doc
	text       string
	found      quote.Result
	an         *speaker.Analysis
	cat        *Catalogue
	byAttr     map[int]attrInfo
	lastSource map[int]lastSrc // speaker entity → its latest own source
	// The speaker of the latest attributed quote, and of the latest answer
	// to a journalist's question.
	lastSpeaker, lastSpeakerPara, lastAnswerer int
	quotePara                                  map[int]bool // paragraphs where a quote starts
	media                                      []Source     // the outlets named as sources so far
	// Storage kept from one document to the next: what the Linked
	// values point to, their evidence, and the evidence labels made so far
	// ("quote:" + rule).
	speakers arena[Speaker]
	sources  arena[Source]
	ev       []string
	infoEv   []string
	labels   map[[2]string]string
	matches  []Match
}

// find matches the outlets among the words ws, in storage that the next
// call reuses.
func (l *linker) find(ws []segment.Word) []Match {
	l.matches = l.cat.appendFind(l.matches[:0], l.text, ws)
	return l.matches
}

// label returns prefix+name, made once per Linker.
func (l *linker) label(prefix, name string) string {
	k := [2]string{prefix, name}
	if s, ok := l.labels[k]; ok {
		return s
	}
	s := prefix + name
	l.labels[k] = s
	return s
}

// arena hands out pointers to values of T from chunks that it keeps for
// the next document. Chunks never move, so the pointers stay valid.
type arena[T any] struct {
	chunks [][]T
	cur    int // index of the chunk in use
}

const arenaChunk = 64

func (a *arena[T]) new(v T) *T {
	if a.cur < len(a.chunks) && len(a.chunks[a.cur]) == arenaChunk {
		a.cur++
	}
	if a.cur == len(a.chunks) {
		a.chunks = append(a.chunks, make([]T, 0, arenaChunk))
	}
	c := append(a.chunks[a.cur], v)
	a.chunks[a.cur] = c
	return &c[len(c)-1]
}

// reset makes the arena's memory available again. Pointers it handed out
// before must no longer be used.
func (a *arena[T]) reset() {
	var zero T
	for i := range a.chunks {
		c := a.chunks[i]
		// Drop what the values refer to, the previous text among it.
		for k := range c {
			c[k] = zero
		}
		a.chunks[i] = c[:0]
	}
	a.cur = 0
}

var ruleConfidence = map[string]float64{
	"dash-tail": 0.95, "marks-tail": 0.95, "marks-resumed": 0.9, "dash-resumed": 0.9, "marks-colon": 0.85, "marks-byline": 0.85,
	"clause-at": 0.9, "clause-om": 0.8, "clause-hvorvidt": 0.8, "clause-question": 0.75, "opfattelse": 0.8, "naming": 0.8,
	"pickup": 0.85, "ifølge": 0.8, "bare-tail": 0.75, "parenthetical": 0.75, "dash": 0.7, "marks-standalone": 0.7,
}

var viaConfidence = map[string]float64{
	"name": 1, "pronoun": 0.9, "role": 0.85, "organisation-noun": 0.85, "unnamed": 0.9, "salience": 0.6, "source": 0.9,
	"interview": 0.8, "previous-quote": 0.75, "lead-in": 0.6,
}

func (l *linker) link(q quote.Quote) Linked {
	start := len(l.ev)
	lk := l.linkQuote(q)
	// The full slice expression makes a later append copy rather than
	// write over the next quote's evidence.
	lk.Evidence = l.ev[start:len(l.ev):len(l.ev)]
	return lk
}

// linkQuote links q, writing its evidence to l.ev.
func (l *linker) linkQuote(q quote.Quote) Linked {
	lk := Linked{Quote: q}
	rule := q.Rule
	if i := strings.IndexByte(rule, '+'); i >= 0 {
		rule = rule[:i]
	}
	conf := ruleConfidence[rule]
	if conf == 0 {
		conf = 0.7
	}
	l.ev = append(l.ev, l.label("quote:", q.Rule))
	if q.Attr < 0 {
		// Nothing attributes the quote. An answer after a journalist's
		// question is the interviewee's: whoever answered the last
		// question. Otherwise the quote continues the latest speaker, or
		// the person the narrative is about.
		e, via := -1, ""
		if l.afterQuestion(q.Paragraph) {
			e, via = l.lastAnswerer, "interview"
			if e < 0 && l.isPerson(l.lastSpeaker) {
				e = l.lastSpeaker
			}
		}
		recent := l.lastSpeakerPara >= 0 && q.Paragraph-l.lastSpeakerPara <= 3
		if e < 0 && l.isPerson(l.lastSpeaker) && recent {
			e, via = l.lastSpeaker, "previous-quote"
		}
		// After a quote by someone unnamed ("Finanskilder siger, at …"),
		// the quote that follows stays unnamed too.
		if e < 0 && !(recent && l.lastSpeaker < 0) {
			e, via = l.an.LatestSpeaker(q.Span.Start), "salience"
		}
		if e >= 0 {
			lk.Speaker = l.speakers.new(Speaker{Entity: e, Via: via})
			l.ev = append(l.ev, l.label("speaker:", via))
			conf *= viaConfidence["salience"]
		} else {
			conf *= 0.5
		}
		lk.Confidence = round2(conf)
		return lk
	}
	a := l.found.Attributions[q.Attr]
	lk.Cue, lk.Negated = a.Cue, a.Negated
	info, ok := l.byAttr[q.Attr]
	if !ok {
		info = l.resolve(a)
		l.byAttr[q.Attr] = info
		if info.src != nil {
			l.media = append(l.media, *info.src)
		}
	}
	lk.Speaker = info.spk
	l.ev = append(l.ev, info.ev...)
	if q.Inherited {
		l.ev = append(l.ev, "attribution:shared-with-run")
		conf *= 0.9
	}
	if info.spk != nil {
		conf *= viaConfidence[info.spk.Via]
	}
	if info.src != nil {
		s := l.sources.new(*info.src)
		// A quote that borrows a neighbour's attribution in a run borrows
		// its source too, but the source was not named in its own
		// attribution: it is inherited.
		s.Inherited = q.Inherited
		lk.Source = s
		if info.spk != nil && info.spk.Entity >= 0 && !q.Inherited {
			l.lastSource[info.spk.Entity] = lastSrc{src: *s, para: q.Paragraph}
		}
	} else if info.spk != nil && info.spk.Entity >= 0 {
		if ls, ok := l.lastSource[info.spk.Entity]; ok && q.Paragraph-ls.para <= 6 {
			s := l.sources.new(ls.src)
			s.Inherited = true
			lk.Source = s
			l.ev = append(l.ev, "source:inherited")
		}
	}
	switch {
	case info.spk != nil && info.spk.Entity >= 0:
		l.lastSpeaker, l.lastSpeakerPara = info.spk.Entity, q.Paragraph
		if l.afterQuestion(q.Paragraph) {
			l.lastAnswerer = info.spk.Entity
		}
	case info.spk != nil && info.spk.NP.Person && info.spk.Via == "unnamed":
		l.lastSpeaker, l.lastSpeakerPara = -1, q.Paragraph
	}
	lk.Confidence = round2(conf)
	return lk
}

// isPerson reports whether entity e is a person: only people answer
// interview questions and go on speaking in runs of quotes.
func (l *linker) isPerson(e int) bool {
	return e >= 0 && l.an.Entities[e].Type == speaker.Person
}

// afterQuestion reports whether the paragraph before p is a question that
// is not itself a quote: the journalist's question in an interview.
func (l *linker) afterQuestion(p int) bool {
	if p == 0 {
		return false
	}
	prev := l.doc.Paragraphs[p-1]
	t := l.text[prev.Start:prev.End]
	if !strings.HasSuffix(t, "?") {
		return false
	}
	return !l.quotePara[p-1]
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// resolve finds the speaker and the source one attribution names.
func (l *linker) resolve(a quote.Attribution) attrInfo {
	start := len(l.infoEv)
	info := l.resolveAttr(a)
	info.ev = l.infoEv[start:len(l.infoEv):len(l.infoEv)]
	return info
}

// resolveAttr resolves a, writing its evidence to l.infoEv.
func (l *linker) resolveAttr(a quote.Attribution) attrInfo {
	var info attrInfo
	np, ok := l.an.Subject(a.Who)
	var subjSpan Span
	if ok {
		subjSpan = np.Span
		name := np.Name
		if np.Kind == speaker.Named {
			src := (*Source)(nil)
			if ms := l.find(l.doc.WordsIn(name.Start, name.End)); len(ms) == 1 && ms[0].Span == name {
				src = l.sources.new(Source{Name: ms[0].Name, Kind: ms[0].Kind, Mention: ms[0].Span})
			} else if u, ok := UnlistedAt(l.text, name.Start, name.End); ok && u == name {
				// An outlet the catalogue lacks: "Det skrev Sjællands
				// Tidende".
				src = l.sources.new(Source{Name: l.text[u.Start:u.End], Kind: UnknownMedium, Mention: u})
			}
			if src != nil {
				// The medium itself is the subject ("skriver AFP",
				// "Ifølge Bloomberg"): a source, and no named speaker.
				info.src = src
				info.spk = l.speakers.new(Speaker{Entity: -1, Mention: np.Span, NP: np, Via: "source"})
				l.infoEv = append(l.infoEv, "speaker:medium-as-subject", "source:subject")
				return info
			}
		}
		r := l.an.Resolve(np)
		info.spk = l.speakers.new(Speaker{Entity: r.Entity, Mention: np.Span, NP: np, Via: r.Via})
		l.infoEv = append(l.infoEv, l.label("speaker:", r.Via))
	}
	if src := l.sourceIn(a.Span, subjSpan); src != nil {
		info.src = src
		l.infoEv = append(l.infoEv, "source:attribution")
	} else if src := l.columnSource(a.Paragraph); a.Intro && src != nil {
		info.src = src
		l.infoEv = append(l.infoEv, "source:column-line")
	} else if src := l.mediumNoun(a.Span); src != nil {
		info.src = src
		l.infoEv = append(l.infoEv, "source:medium-noun")
	}
	return info
}

// mediumNoun resolves "til avisen", "over for bladet" to the outlet the
// article last named as a source: "Det skriver Nordjyske. … siger han til
// avisen."
func (l *linker) mediumNoun(sp Span) *Source {
	ws := l.doc.WordsIn(sp.Start, sp.End)
	for i := 1; i < len(ws); i++ {
		prev, w := ws[i-1].Low, ws[i].Low
		kinds, ok := backNouns[w]
		if !ok || prev != "til" && prev != "for" && prev != "ifølge" {
			continue
		}
		// The latest outlet of the kind the noun names.
		for k := len(l.media) - 1; k >= 0; k-- {
			m := l.media[k]
			if slices.Contains(kinds, m.Kind) && !(m.Kind == UnknownMedium && isBroadcastName(m.Name) != slices.Contains(kinds, Broadcaster)) {
				m.Mention, m.Inherited = ws[i].Span, false
				return l.sources.new(m)
			}
		}
	}
	return nil
}

func isBroadcastName(name string) bool {
	return strings.HasPrefix(name, "TV") || strings.HasPrefix(name, "Radio") || strings.HasPrefix(name, "DR")
}

// backNouns refer back to an outlet already named, of the kinds given.
var backNouns = map[string][]SourceKind{
	"avisen": {Newspaper, Online, UnknownMedium}, "bladet": {Newspaper, UnknownMedium},
	"dagbladet": {Newspaper, UnknownMedium}, "ugebladet": {Newspaper, UnknownMedium},
	"mediet":    {Newspaper, Online, Broadcaster, UnknownMedium},
	"stationen": {Broadcaster, UnknownMedium}, "tv-stationen": {Broadcaster, UnknownMedium},
	"radiostationen": {Broadcaster, UnknownMedium}, "kanalen": {Broadcaster, UnknownMedium},
	"nyhedsbureauet": {Agency}, "bureauet": {Agency},
}

// sourceIn returns the first outlet named in the attribution phrase sp,
// outside the speaker's own phrase.
func (l *linker) sourceIn(sp, subj Span) *Source {
	for _, m := range l.find(l.doc.WordsIn(sp.Start, sp.End)) {
		if subj.Start <= m.Span.Start && m.Span.End <= subj.End && subj.End > subj.Start {
			continue
		}
		return l.sources.new(Source{Name: m.Name, Kind: m.Kind, Mention: m.Span})
	}
	// An outlet the catalogue lacks: after "til" or "ifølge", a name with
	// a media word ("Vejle Amts Avis"), or a name after a common noun for
	// a medium ("til radioen France-Info", "ifølge avisen Le Soir").
	ws := l.doc.WordsIn(sp.Start, sp.End)
	for i, w := range ws {
		lw := w.Low
		if lw != "til" && lw != "ifølge" && lw != "i" && lw != "på" {
			continue
		}
		if u, ok := UnlistedAt(l.text, w.End, sp.End); ok && (lw == "til" || lw == "ifølge") {
			return l.sources.new(Source{Name: l.text[u.Start:u.End], Kind: UnknownMedium, Mention: u})
		}
		if i+2 < len(ws) && mediaNouns[ws[i+1].Low] {
			if u, ok := capitalisedAt(l.text, ws[i+2:]); ok {
				return l.sources.new(Source{Name: l.text[u.Start:u.End], Kind: UnknownMedium, Mention: u})
			}
		}
	}
	return nil
}

// mediaNouns name a kind of medium before its name: "radioen France-Info".
var mediaNouns = map[string]bool{
	"avisen": true, "dagbladet": true, "radioen": true, "radiostationen": true, "tv-stationen": true,
	"tv-kanalen": true, "kanalen": true, "nyhedsbureauet": true, "bladet": true, "ugebladet": true,
	"tidsskriftet": true, "netmediet": true, "mediet": true, "netavisen": true, "magasinet": true,
	"nyhedsmediet": true, "nyhedsbrevet": true, "programmet": true, "tv": true, "radio": true,
}

// capitalisedAt returns the run of capitalised words at the start of ws.
func capitalisedAt(text string, ws []segment.Word) (Span, bool) {
	k := 0
	for k < len(ws) && k < 4 {
		r, _ := utf8.DecodeRuneInString(text[ws[k].Start:])
		if !unicode.IsUpper(r) || k > 0 && text[ws[k-1].End:ws[k].Start] != " " {
			break
		}
		k++
	}
	if k == 0 {
		return Span{}, false
	}
	return Span{Start: ws[0].Start, End: ws[k-1].End}, true
}

// columnSource reads a quote column's source line, "(Ritzau)", standing as
// its own paragraph after the quote that the introduction in paragraph p
// attributes.
func (l *linker) columnSource(p int) *Source {
	paras := l.doc.Paragraphs
	for k := p + 1; k < len(paras) && k <= p+3; k++ {
		t := l.text[paras[k].Start:paras[k].End]
		if len(t) < 3 || t[0] != '(' || t[len(t)-1] != ')' {
			if strings.HasSuffix(t, ":") {
				return nil
			}
			continue
		}
		inner := Span{Start: paras[k].Start + 1, End: paras[k].End - 1}
		if ms := l.find(l.doc.WordsIn(inner.Start, inner.End)); len(ms) > 0 && ms[0].Span == inner {
			return l.sources.new(Source{Name: ms[0].Name, Kind: ms[0].Kind, Mention: inner})
		}
		if strings.ContainsAny(t, ".,;:") || len(strings.Fields(t)) > 4 {
			return nil
		}
		return l.sources.new(Source{Name: l.text[inner.Start:inner.End], Kind: UnknownMedium, Mention: inner})
	}
	return nil
}
