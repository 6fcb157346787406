package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
)

// finder holds the state of one run of FindDoc.
type finder struct {
	doc     *segment.Doc
	text    string
	res     Result
	dashLed []bool
	// taken marks byte ranges already explained: direct quotes and
	// attribution phrases. Reported speech is not looked for inside them.
	taken [][]Span
	// byPara lists the quotes found so far by the paragraph they start in.
	byPara [][]int
	// scare holds text in quote marks that no cue governs; reported
	// speech that contains one is a mixed quote.
	scare []Span
	// Scratch for scanMarks.
	marks []marked
	stack []family
}

// FindDoc returns the quotes of an already segmented document. It is the
// entry point the citat pipeline uses; most callers want [Find].
func FindDoc(doc *segment.Doc) Result {
	var fd Finder
	return fd.FindDoc(doc)
}

// A Finder finds the quotes of one document after another and reuses its
// memory from one to the next: the Result it returns is valid until its
// next call. The zero Finder is ready to use. A Finder must not be used by
// several goroutines at once.
type Finder struct{ f finder }

// FindDoc returns the quotes of an already segmented document, as the
// function [FindDoc] does.
func (fd *Finder) FindDoc(doc *segment.Doc) Result {
	f := &fd.f
	f.reset(doc)
	for i, p := range doc.Paragraphs {
		_, f.dashLed[i] = dashStart(f.text, p)
	}
	// Each pass walks the text in order and records what it explains in a
	// run of its own, so every run stays sorted at the cost of appends.
	f.newRun()
	f.dashQuotes()
	f.newRun()
	f.markQuotes()
	f.newRun()
	f.pickups()
	f.inheritRuns()
	f.newRun()
	f.reported()
	slices.SortStableFunc(f.res.Quotes, func(a, b Quote) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return b.Span.End - a.Span.End
	})
	f.res.Quotes = dropCrossing(f.res.Quotes)
	return f.res
}

// reset readies f for doc, keeping the storage of its slices.
func (f *finder) reset(doc *segment.Doc) {
	f.doc, f.text = doc, doc.Text
	f.res.Quotes, f.res.Attributions = f.res.Quotes[:0], f.res.Attributions[:0]
	f.dashLed = resize(f.dashLed, len(doc.Paragraphs))
	f.byPara = resize(f.byPara, len(doc.Paragraphs))
	for i := range f.byPara {
		f.byPara[i] = f.byPara[i][:0]
	}
	f.taken = f.taken[:0]
	f.scare = f.scare[:0]
}

// resize returns s with length n, reusing its storage; the elements it
// keeps are not cleared.
func resize[S ~[]E, E any](s S, n int) S {
	return slices.Grow(s[:0], n)[:n]
}

// words returns the words wholly inside [start, end), sharing storage.
func (f *finder) words(start, end int) []word {
	i, j := f.doc.WordRange(start, end)
	return f.doc.Words[i:j:j]
}

// sentenceWords returns the words of s, sharing storage.
func (f *finder) sentenceWords(s segment.Sentence) []word {
	return f.doc.Words[s.FirstWord:s.EndWord:s.EndWord]
}

func (f *finder) addAttr(a Attribution) int {
	f.res.Attributions = append(f.res.Attributions, a)
	f.take(a.Span)
	return len(f.res.Attributions) - 1
}

func (f *finder) addQuote(sp Span, kind Kind, attr int, inherited bool, rule string) bool {
	s, e := trimEnd(f.text, sp.Start, sp.End)
	if s >= e {
		return false
	}
	q := Quote{
		Span: Span{Start: s, End: e}, Kind: kind, Paragraph: f.doc.ParagraphAt(s),
		Attr: attr, Inherited: inherited, Rule: rule,
	}
	f.res.Quotes = append(f.res.Quotes, q)
	f.byPara[q.Paragraph] = append(f.byPara[q.Paragraph], len(f.res.Quotes)-1)
	f.take(q.Span)
	return true
}

// newRun starts a new sorted run of explained ranges.
func (f *finder) newRun() {
	// Reuse the storage of a run of an earlier document.
	if len(f.taken) < cap(f.taken) {
		f.taken = f.taken[:len(f.taken)+1]
		f.taken[len(f.taken)-1] = f.taken[len(f.taken)-1][:0]
		return
	}
	f.taken = append(f.taken, nil)
}

// take records sp as explained in the current run, keeping the run sorted
// by start. A pass records spans almost in text order (an attribution tail
// just before its quote), so the insertion is nearly always an append.
func (f *finder) take(sp Span) {
	r := f.taken[len(f.taken)-1]
	i := len(r)
	for i > 0 && r[i-1].Start > sp.Start {
		i--
	}
	f.taken[len(f.taken)-1] = slices.Insert(r, i, sp)
}

// isTaken reports whether pos lies inside a direct quote or an attribution.
func (f *finder) isTaken(pos int) bool { return f.overlapsTaken(pos, pos+1) }

// overlapsTaken reports whether [s, e) overlaps an explained range. Ranges
// nest only a few deep, so a short look back past s suffices.
func (f *finder) overlapsTaken(s, e int) bool {
	for _, r := range f.taken {
		i := sort.Search(len(r), func(i int) bool { return r[i].Start >= e })
		for k := i - 1; k >= 0; k-- {
			t := r[k]
			if t.End > s {
				return true
			}
			if t.Start < s && k < i-16 {
				break
			}
		}
	}
	return false
}

// dashStart reports whether paragraph p starts with a dash and a space, and
// where the text after them begins.
func dashStart(text string, p segment.Paragraph) (int, bool) {
	r, n := utf8.DecodeRuneInString(text[p.Start:p.End])
	if !segment.IsDash(r) {
		return 0, false
	}
	i := p.Start + n
	r2, _ := utf8.DecodeRuneInString(text[i:p.End])
	if r2 != ' ' && r2 != '\u00a0' && r2 != '\t' {
		return 0, false
	}
	return skipSpace(text, i, p.End), true
}

// dashQuotes reads every dash-led paragraph: the quote runs to its
// attribution tail or to the end of the paragraph, and a dash after the
// tail's sentence starts another quote ("- A, siger han. - B.").
func (f *finder) dashQuotes() {
	for pi, p := range f.doc.Paragraphs {
		if f.doc.Stopped(pi) {
			return
		}
		pos, ok := dashStart(f.text, p)
		if !ok {
			continue
		}
		last := -1
		for pos < p.End {
			qEnd, t, ok := f.findTail(pos, p.End)
			if !ok {
				// After a tail in the same paragraph the quote resumes
				// under the same attribution: "- A, siger hun. - B."
				rule := "dash"
				if last >= 0 {
					rule = "dash-resumed"
				}
				f.addQuote(Span{Start: pos, End: p.End}, Direct, last, false, rule)
				break
			}
			t.Paragraph = pi
			last = f.addAttr(t)
			f.addQuote(Span{Start: pos, End: qEnd}, Direct, last, false, "dash-tail")
			k := skipSpace(f.text, t.Span.End, p.End)
			r, n := utf8.DecodeRuneInString(f.text[k:p.End])
			if k >= p.End || !segment.IsDash(r) {
				break
			}
			pos = skipSpace(f.text, k+n, p.End)
		}
	}
}

// findTail looks in [pos, end) for the attribution tail of a dash-led quote:
// a comma, question mark or exclamation mark followed by a reporting verb and
// a subject. It returns where the quote ends and the tail.
func (f *finder) findTail(pos, end int) (int, Attribution, bool) {
	for i := pos; i < end; {
		r, n := utf8.DecodeRuneInString(f.text[i:end])
		if r == ',' || r == '?' || r == '!' {
			if t, ok := f.parseTail(i+n, end); ok {
				qEnd := i
				if r != ',' {
					qEnd = i + n
				}
				t.Span.Start = i
				return qEnd, t, true
			}
		}
		i += n
	}
	return 0, Attribution{}, false
}

// parseTail reads an attribution tail starting at i, just after a quote:
// an optional comma, a reporting verb and its subject, up to the end of the
// sentence or to a comma before a quote mark that resumes the quote.
func (f *finder) parseTail(i, end int) (Attribution, bool) {
	j := skipSpace(f.text, i, end)
	if j < end && f.text[j] == ',' {
		j = skipSpace(f.text, j+1, end)
	}
	w, ok := f.nextWord(j, end)
	if !ok || !isLowerWord(f.text, w) {
		return Attribution{}, false
	}
	v, ok := LookupVerb(w.Low)
	if !ok || v.Class == Naming || len(v.Particle) > 0 {
		return Attribution{}, false
	}
	a := Attribution{Cue: w.Span, Verb: v.Lemma, Span: Span{Start: i}}
	who := w.End
	if v.Lemma == "lyde" {
		// "lyder det (kort) fra X"
		d, ok := f.nextWord(w.End, end)
		if !ok || d.Low != "det" {
			return Attribution{}, false
		}
		fra := -1
		k := d.End
		for n := 0; n < 4; n++ {
			x, ok := f.nextWord(k, end)
			if !ok {
				break
			}
			if x.Low == "fra" {
				fra = x.End
				break
			}
			k = x.End
		}
		if fra < 0 {
			return Attribution{}, false
		}
		a.Cue.End = fra
		who = fra
	}
	s, ok := f.nextWord(who, end)
	if !ok {
		return Attribution{}, false
	}
	ahead := f.words(s.End, min(end, s.End+80))
	if len(ahead) > 3 {
		ahead = ahead[:3]
	}
	if !looksLikeSubject(f.text, s, ahead...) {
		return Attribution{}, false
	}
	if negations[s.Low] {
		a.Negated = true
	}
	tailEnd := f.sentenceEnd(w.Start, end)
	// An interrupted quote resumes after ", »" within the sentence.
	for k := who; k < tailEnd; {
		r, n := utf8.DecodeRuneInString(f.text[k:tailEnd])
		if r == ',' {
			m := skipSpace(f.text, k+n, tailEnd)
			if m < tailEnd {
				q, _ := utf8.DecodeRuneInString(f.text[m:tailEnd])
				if openFamily(q) != famNone {
					tailEnd = k
					break
				}
			}
		}
		k += n
	}
	a.Who = Span{Start: who, End: tailEnd}
	a.Span.End = tailEnd
	return a, true
}

// sentenceEnd returns the end of the sentence containing pos, at most end.
func (f *finder) sentenceEnd(pos, end int) int {
	si := f.doc.SentenceAt(pos)
	if si < 0 {
		return end
	}
	return min(f.doc.Sentences[si].End, end)
}

func (f *finder) sentenceOf(pos int) segment.Sentence {
	si := f.doc.SentenceAt(pos)
	if si < 0 {
		return segment.Sentence{Span: Span{Start: 0, End: 0}}
	}
	return f.doc.Sentences[si]
}

// tailAfter reports whether an attribution tail follows pos.
func (f *finder) tailAfter(pos, end int) bool {
	_, ok := f.parseTail(pos, end)
	return ok
}

// markQuotes classifies the stretches in quote marks: with an attribution
// tail, a colon introduction, standing alone as a paragraph, or after a
// naming verb, they are quotes; otherwise they are scare quotes or titles.
func (f *finder) markQuotes() {
	f.marks = scanMarks(f.marks[:0], &f.stack, f.text, f.doc.Paragraphs, f.dashLed, f.tailAfter, f.doc.Stopped)
	marks := f.marks
	resume := -1 // attribution of an interrupted quote that resumes
	resumeAt := -1
	for mi, m := range marks {
		if f.doc.Stopped(mi) {
			return
		}
		paraEnd := f.doc.Paragraphs[m.lastPara].End
		if resume >= 0 && m.open == resumeAt {
			f.addQuote(m.inner, Direct, resume, false, "marks-resumed")
			resume = -1
			continue
		}
		resume = -1
		if t, ok := f.parseTail(m.closeEnd, paraEnd); ok && m.closed {
			t.Paragraph = m.lastPara
			ai := f.addAttr(t)
			rule := "marks-tail"
			if m.unopened {
				rule = "marks-unopened"
			}
			f.addQuote(m.inner, Direct, ai, false, rule)
			// Does the quote resume after the tail?
			k := skipSpace(f.text, t.Span.End, paraEnd)
			if k < paraEnd && f.text[k] == ',' {
				resume, resumeAt = ai, skipSpace(f.text, k+1, paraEnd)
			}
			continue
		}
		if a, ok := f.byline(m); ok {
			ai := f.addAttr(a)
			f.addQuote(m.inner, Direct, ai, false, "marks-byline")
			continue
		}
		if a, ok := f.colonIntro(m); ok {
			ai := f.addAttr(a)
			f.addQuote(m.inner, Direct, ai, false, "marks-colon")
			continue
		}
		if a, ok := f.afterword(m); ok {
			ai := f.addAttr(a)
			f.addQuote(m.inner, Direct, ai, false, "marks-afterword")
			continue
		}
		if f.standalone(m) {
			f.addQuote(m.inner, Direct, -1, false, "marks-standalone")
			continue
		}
		if a, ok := f.naming(m); ok {
			ai := f.addAttr(a)
			f.addQuote(m.inner, Mixed, ai, false, "naming")
			continue
		}
		if a, ok := f.namingAfter(m); ok {
			ai := f.addAttr(a)
			f.addQuote(m.inner, Mixed, ai, false, "naming-after")
			continue
		}
		f.scare = append(f.scare, m.inner)
	}
}

// byline recognises a quote column entry whose speaker is named in a line
// of its own after the quote: "»…«" then "Karen Holm (K), formand for …".
// The line has a name, a comma after it and no sentence-final mark.
func (f *finder) byline(m marked) (Attribution, bool) {
	if m.lastPara+1 >= len(f.doc.Paragraphs) || f.doc.Paragraphs[m.para].Start != m.open {
		return Attribution{}, false
	}
	if rest := f.words(m.closeEnd, f.doc.Paragraphs[m.lastPara].End); len(rest) > 0 {
		return Attribution{}, false
	}
	p := f.doc.Paragraphs[m.lastPara+1]
	t := f.text[p.Start:p.End]
	if f.dashLed[m.lastPara+1] || strings.ContainsAny(t[len(t)-1:], ".!?:»«\"”") || t[0] == '(' {
		return Attribution{}, false
	}
	ws := f.words(p.Start, p.End)
	if len(ws) < 2 || len(ws) > 20 || !capitalized(ws[0], f.text) {
		return Attribution{}, false
	}
	comma := false
	for _, w := range ws[:min(5, len(ws))] {
		if w.End < p.End && (f.text[w.End] == ',' || strings.HasPrefix(f.text[w.End:], " (")) {
			comma = true
			break
		}
	}
	if !comma {
		return Attribution{}, false
	}
	return Attribution{Who: p.Span, Span: p.Span, Intro: true, Paragraph: m.lastPara + 1}, true
}

// colonIntro recognises "Hun siger: »…«" and the quote column's
// introduction paragraph ending in a colon.
func (f *finder) colonIntro(m marked) (Attribution, bool) {
	p := f.doc.Paragraphs[m.para]
	k := m.open
	for k > p.Start {
		r, n := utf8.DecodeLastRuneInString(f.text[p.Start:k])
		if !unicode.IsSpace(r) {
			break
		}
		k -= n
	}
	var intro Span
	switch {
	case k > p.Start && f.text[k-1] == ':':
		s := f.sentenceOf(k - 1)
		intro = Span{Start: s.Start, End: k - 1}
		if s.End <= k-1 || s.Start >= k {
			intro.Start = p.Start
		}
	case k == p.Start && m.para > 0:
		ip := m.para - 1
		// A subheading may stand between the introduction and the quote:
		// "…, siger Peter Holm:" / "HÆNDELIGT" / "»…«".
		if ip > 0 && f.subheading(ip) {
			ip--
		}
		prev := f.doc.Paragraphs[ip]
		if f.text[prev.End-1] != ':' || f.dashLed[ip] {
			return Attribution{}, false
		}
		sents := f.doc.ParaSentences(ip)
		intro = Span{Start: sents[len(sents)-1].Start, End: prev.End - 1}
	default:
		return Attribution{}, false
	}
	if intro.Start >= intro.End {
		return Attribution{}, false
	}
	a := Attribution{Who: intro, Span: intro, Intro: true, Paragraph: f.doc.ParagraphAt(intro.Start)}
	ws := f.words(intro.Start, intro.End)
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		if v, ok := LookupVerb(w.Low); ok && isLowerWord(f.text, w) && v.Class != Naming && len(v.Particle) == 0 {
			a.Cue, a.Verb = w.Span, v.Lemma
			// The speaker is the subject of the clause of that verb:
			// "…, hvor kunden siger:".
			if k := strings.LastIndexByte(f.text[intro.Start:w.Start], ','); k >= 0 {
				if strings.TrimSpace(f.text[intro.Start+k+1:w.Start]) != "" {
					a.Who.Start = intro.Start + k + 1
				} else if !f.apposition(intro.Start, intro.Start+k) {
					// "Om de to situationer, …, siger Peter Holm:": the
					// verb comes second after a fronted element, and the
					// subject after the verb.
					a.Who.Start = w.Start
				}
			}
			break
		}
	}
	return a, true
}

// apposition reports whether the text before a comma ending at end ends
// an apposition to the subject ("Ibrahim Holm, PLO's repræsentant i
// Paris,"): a second comma before it, and a capitalised word starting the
// stretch.
func (f *finder) apposition(start, end int) bool {
	k := strings.LastIndexByte(f.text[start:end], ',')
	if k < 0 {
		return false
	}
	ws := f.words(start, start+k)
	return len(ws) > 0 && capitalized(ws[0], f.text) && len(ws) <= 4
}

// subheading reports whether paragraph p is a subheading: at most four
// words and no sentence punctuation.
func (f *finder) subheading(p int) bool {
	pp := f.doc.Paragraphs[p]
	if strings.ContainsAny(f.text[pp.Start:pp.End], ".,:;!?»«\"”“") {
		return false
	}
	return len(f.words(pp.Start, pp.End)) <= 4
}

// afterword recognises a quote that ends its paragraph and is signed off
// in a short paragraph of its own: "»…«" then "Så vidt direktør Eva Holm
// fra Unibank." (also written "Såvidt").
func (f *finder) afterword(m marked) (Attribution, bool) {
	if !m.closed || m.lastPara+1 >= len(f.doc.Paragraphs) || f.dashLed[m.lastPara+1] {
		return Attribution{}, false
	}
	if rest := f.words(m.closeEnd, f.doc.Paragraphs[m.lastPara].End); len(rest) > 0 {
		return Attribution{}, false
	}
	p := f.doc.Paragraphs[m.lastPara+1]
	ws := f.words(p.Start, p.End)
	if len(ws) < 3 || len(ws) > 20 || f.text[p.End-1] != '.' {
		return Attribution{}, false
	}
	var cue Span
	switch {
	case ws[0].Low == "såvidt":
		cue = ws[0].Span
	case ws[0].Low == "så" && ws[1].Low == "vidt":
		cue = Span{Start: ws[0].Start, End: ws[1].End}
	default:
		return Attribution{}, false
	}
	who := Span{Start: skipSpace(f.text, cue.End, p.End), End: p.End - 1}
	if who.Start >= who.End {
		return Attribution{}, false
	}
	// A name within the first words, with no clause in between: "Så vidt
	// direktør Eva Holm", not "Så vidt vi ved, er …".
	named := false
	whoWords := f.words(who.Start, who.End)
	for _, w := range whoWords[:min(3, len(whoWords))] {
		if capitalized(w, f.text) {
			named = true
			break
		}
		if w.End < p.End && f.text[w.End] == ',' {
			break
		}
	}
	if !named {
		return Attribution{}, false
	}
	return Attribution{Cue: cue, Verb: "så vidt", Who: who, Span: Span{Start: cue.Start, End: p.End - 1}, Paragraph: m.lastPara + 1}, true
}

// standalone reports whether the quote is a sentence or paragraph of its own
// with nothing after it in its paragraph but perhaps a run-in subheading: a
// quote paragraph in a run, attributed by its neighbours.
func (f *finder) standalone(m marked) bool {
	s := f.sentenceOf(m.open)
	if s.Start != m.open {
		return false
	}
	paraEnd := f.doc.Paragraphs[m.lastPara].End
	rest := f.words(m.closeEnd, paraEnd)
	if len(rest) > 5 {
		return false
	}
	// Look at the quote's own words before scanning the rest of the
	// paragraph: in a paragraph of many short quotes the scan would
	// otherwise run to the paragraph's end for every one of them.
	if inner := f.words(m.inner.Start, m.inner.End); len(inner) < 3 {
		return false
	}
	for i := m.closeEnd; i < paraEnd; i++ {
		// A period closing the paragraph right after the mark is fine:
		// "»Jeg skal holde vægt«."
		if c := f.text[i]; (c == '.' || c == '!' || c == '?' || c == ',') && !(c == '.' && i == m.closeEnd && i+1 == paraEnd) {
			return false
		}
	}
	return true
}

// namingAfter recognises a fragment named by a clause after it: "»min
// vanskelige tilværelse«, som han beskriver det".
func (f *finder) namingAfter(m marked) (Attribution, bool) {
	end := f.sentenceEnd(m.closeEnd, f.doc.Paragraphs[m.lastPara].End)
	i := skipSpace(f.text, m.closeEnd, end)
	if i >= end || f.text[i] != ',' {
		return Attribution{}, false
	}
	ws := f.words(i, end)
	if len(ws) < 4 || ws[0].Low != "som" {
		return Attribution{}, false
	}
	for k := 2; k < len(ws) && k < 5; k++ {
		v, ok := LookupVerb(ws[k].Low)
		if !ok || !isLowerWord(f.text, ws[k]) || v.Class != Naming && v.Lemma != "sige" && v.Lemma != "skrive" {
			continue
		}
		if k+1 >= len(ws) || ws[k+1].Low != "det" {
			return Attribution{}, false
		}
		who := Span{Start: ws[1].Start, End: ws[k].Start}
		return Attribution{Cue: ws[k].Span, Verb: v.Lemma, Who: who, Span: Span{Start: i, End: ws[k+1].End}, Paragraph: f.doc.ParagraphAt(i)}, true
	}
	return Attribution{}, false
}

// naming recognises a fragment governed by a naming verb in the same
// clause: "kalder udmeldingen »ærgerlig«".
func (f *finder) naming(m marked) (Attribution, bool) {
	s := f.sentenceOf(m.open)
	ws := f.words(s.Start, m.open)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-12; i-- {
		v, ok := LookupVerb(ws[i].Low)
		if !ok || v.Class != Naming || !hasParticle(ws[i+1:], v.Particle) {
			continue
		}
		for k := ws[i].End; k < m.open; k++ {
			if c := f.text[k]; c == '.' || c == ';' || c == ':' {
				return Attribution{}, false
			}
		}
		who := Span{Start: s.Start, End: m.open}
		return Attribution{Cue: ws[i].Span, Verb: v.Lemma, Who: who, Span: who, Paragraph: f.doc.ParagraphAt(s.Start)}, true
	}
	return Attribution{}, false
}
