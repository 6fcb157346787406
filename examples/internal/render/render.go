// Package render draws the quotes citat finds as one self-contained HTML
// page: the article with every quote highlighted in its speaker's colour,
// cue words, speaker mentions and sources underlined, and a side panel counting
// speakers and sources.
//
// The page needs no network and no script: styles are inline, details of a
// quote show on hover or keyboard focus with CSS alone, and the full list of
// quotes sits in a <details> element. Everything taken from the article or
// the records is escaped by html/template.
//
// Offsets in the records are UTF-8 byte offsets into the text, as citat
// returns them. Records may nest or overlap (a quote inside a quote, a
// speaker mention inside a longer quote): an element that would cross
// another is closed and reopened, so the markup stays well formed and every
// byte of the text appears exactly once, in order. Spans that do not fit the
// text (out of range, or not on a character boundary) are not highlighted.
//
// [Page] renders an analysed article, [Form] an empty page with a form to
// paste one into, and [Write] either, or both at once, from a [Doc].
package render

import (
	"cmp"
	_ "embed"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citat-go/citat"
)

// FormField is the name of the form field that carries the article text.
const FormField = "text"

// Doc is a page to render.
type Doc struct {
	Title   string         // the page title; "Citater" when empty
	Text    string         // the article; may be empty
	Records []citat.Record // the quotes of Text, with byte offsets into it

	// Form adds a form above the article with a text area (named
	// FormField, holding Text) that posts to Action, or to the page's own
	// address when Action is empty.
	Form   bool
	Action string

	// Message, when not empty, is shown above the article, e.g. an error
	// about the text that was posted.
	Message string
}

// Page writes a page showing text with the quotes recs highlighted. text may
// be empty, giving a page that says there is no article yet.
func Page(w io.Writer, title, text string, recs []citat.Record) error {
	return Write(w, Doc{Title: title, Text: text, Records: recs})
}

// Form writes a page with an empty form to paste an article into; it posts
// the field FormField to the page's own address.
func Form(w io.Writer) error {
	return Write(w, Doc{Title: "Find citater", Form: true})
}

// Write writes the page described by d.
func Write(w io.Writer, d Doc) error {
	return page.Execute(w, build(d))
}

//go:embed page.html.tmpl
var pageSource string

var page = template.Must(template.New("page").Parse(pageSource))

// palette holds the speakers' background colours, all light enough for
// near-black text (#111) to keep a contrast ratio above 10:1.
var palette = []string{
	"#ffe08a", "#b9e1ff", "#c9f0c1", "#ffcaca", "#e3cff7", "#ffd9b1",
	"#c0f0ea", "#f6d1eb", "#e0e7a9", "#d7dce4", "#fac8aa", "#cde1d1",
}

// view is what the template sees.
type view struct {
	Doc
	Title    string
	Palette  []swatch
	Pieces   []piece
	Speakers []count
	Sources  []count
	Quotes   []quoteInfo
	NoSource int    // quotes without a source
	Field    string // FormField
}

type swatch struct {
	Class template.CSS // "s3", a bare class name
	Color template.CSS
}

type count struct {
	Name  string
	Note  string // "parti", "nyhedsbureau", …
	Class string
	N     int
}

type quoteInfo struct {
	N       int    // 1-based number
	ID      string // element id of the quote's first fragment, "" when not shown
	Class   string // "q s3"
	Swatch  string // "s3"
	Text    string
	Fields  []field
	Speaker string
}

type field struct{ Label, Value string }

// piece is a run of text, or the opening or closing of an element.
type piece struct {
	Text  string
	Open  bool
	Close bool
	Quote bool   // a <mark> for a quote rather than a <span>
	Class string // class attribute
	ID    string // id of a quote's first fragment
	Q     int    // quote number, for data-q
	Tip   string // tooltip text
}

const (
	kindQuote = iota
	kindCue
	kindWho
	kindSource
)

type elem struct {
	start, end int
	kind       int
	q          int // index into quotes
	class      string
	opened     bool
}

func build(d Doc) view {
	v := view{Doc: d, Title: d.Title, Field: FormField}
	if v.Title == "" {
		v.Title = "Citater"
	}
	for i, c := range palette {
		v.Palette = append(v.Palette, swatch{Class: template.CSS("s" + strconv.Itoa(i)), Color: template.CSS(c)})
	}
	text := d.Text

	// Speakers get colours in order of first appearance.
	speakerClass := map[string]string{}
	colours := 0
	speakerIdx := map[string]int{}
	sourceIdx := map[string]int{}
	var elems []elem
	seen := map[[3]int]bool{}
	addSpan := func(s *citat.Span, kind, q int, class string) {
		if s == nil || !fits(text, s.Start, s.End) || seen[[3]int{s.Start, s.End, kind}] {
			return
		}
		seen[[3]int{s.Start, s.End, kind}] = true
		elems = append(elems, elem{start: s.Start, end: s.End, kind: kind, q: q, class: class})
	}
	for i, r := range d.Records {
		key, note := speakerKey(r)
		class, ok := speakerClass[key]
		if !ok {
			class = "snone"
			if key != "" {
				class = "s" + strconv.Itoa(colours%len(palette))
				colours++
			}
			speakerClass[key] = class
		}
		label := key
		if label == "" {
			label = "Ukendt taler"
		}
		if j, ok := speakerIdx[label]; ok {
			v.Speakers[j].N++
		} else {
			speakerIdx[label] = len(v.Speakers)
			v.Speakers = append(v.Speakers, count{Name: label, Note: note, Class: class, N: 1})
		}
		if src := r.SourceName(); src != "" {
			if j, ok := sourceIdx[src]; ok {
				v.Sources[j].N++
			} else {
				sourceIdx[src] = len(v.Sources)
				v.Sources = append(v.Sources, count{Name: src, Note: sourceKind(r.Source.Kind), N: 1})
			}
		} else {
			v.NoSource++
		}
		qi := quoteInfo{N: i + 1, Class: "q " + class, Swatch: class, Text: r.Text, Fields: fields(r), Speaker: label}
		if fits(text, r.Start, r.End) {
			qi.ID = "q" + strconv.Itoa(i+1)
			elems = append(elems, elem{start: r.Start, end: r.End, kind: kindQuote, q: i, class: qi.Class})
		}
		v.Quotes = append(v.Quotes, qi)
		addSpan(r.Cue, kindCue, i, "cue")
		if r.Speaker != nil {
			addSpan(r.Speaker.Mention, kindWho, i, "who")
		}
		if r.Source != nil {
			addSpan(r.Source.Mention, kindSource, i, "src")
		}
	}
	slices.SortStableFunc(v.Speakers, func(a, b count) int { return b.N - a.N })
	slices.SortStableFunc(v.Sources, func(a, b count) int { return b.N - a.N })
	v.Pieces = pieces(text, elems, v.Quotes)
	return v
}

// fits reports whether text[start:end] is a non-empty run of whole
// characters.
func fits(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	return utf8.RuneStart(text[start]) && (end == len(text) || utf8.RuneStart(text[end]))
}

// pieces lays the elements over text. Elements are opened outermost first;
// when one ends while elements opened inside it are still running, those
// are closed with it and reopened after it, as continuation fragments that
// carry no id or tabindex.
func pieces(text string, elems []elem, quotes []quoteInfo) []piece {
	slices.SortStableFunc(elems, func(a, b elem) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.kind, b.kind))
	})
	var bounds []int
	for _, e := range elems {
		bounds = append(bounds, e.start, e.end)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	var out []piece
	open := func(e *elem) {
		p := piece{Open: true, Quote: e.kind == kindQuote, Class: e.class}
		if e.kind == kindQuote {
			q := quotes[e.q]
			p.Q, p.Tip = q.N, tip(q)
			if !e.opened {
				p.ID = q.ID
			} else {
				p.Class += " cont"
			}
		}
		e.opened = true
		out = append(out, p)
	}
	var stack []*elem
	pos, next := 0, 0
	for _, b := range bounds {
		if b > pos {
			out = append(out, piece{Text: text[pos:b]})
			pos = b
		}
		low := slices.IndexFunc(stack, func(e *elem) bool { return e.end <= b })
		var starting []*elem
		if low >= 0 {
			for i := len(stack) - 1; i >= low; i-- {
				out = append(out, piece{Close: true, Quote: stack[i].kind == kindQuote})
				if stack[i].end > b {
					starting = append(starting, stack[i])
				}
			}
			stack = stack[:low]
		}
		for ; next < len(elems) && elems[next].start == b; next++ {
			starting = append(starting, &elems[next])
		}
		slices.SortStableFunc(starting, func(a, b *elem) int {
			return cmp.Or(cmp.Compare(b.end, a.end), cmp.Compare(a.kind, b.kind), cmp.Compare(a.q, b.q))
		})
		for _, e := range starting {
			open(e)
			stack = append(stack, e)
		}
	}
	if pos < len(text) {
		out = append(out, piece{Text: text[pos:]})
	}
	return out
}

// speakerKey returns the name the side panel lists a record's speaker
// under, "" when there is none, and a note on the kind of speaker.
func speakerKey(r citat.Record) (key, note string) {
	s := r.Speaker
	if s == nil {
		return "", ""
	}
	switch s.Type {
	case "person":
		note = "person"
	case "organisation":
		note = "organisation"
	}
	if s.Name != "" {
		if s.PartyLetter != "" {
			note = strings.TrimSpace(note + " (" + s.PartyLetter + ")")
		}
		return s.Name, note
	}
	if s.Description != "" {
		return "(" + s.Description + ")", "unavngivet"
	}
	return "", ""
}

var kindNames = map[string]string{
	"direct": "direkte citat", "indirect": "indirekte tale",
	"according": "ifølge-udsagn", "mixed": "blandet (indirekte med citat)",
}

var sourceKinds = map[string]string{
	"agency": "nyhedsbureau", "broadcaster": "tv/radio", "newspaper": "avis",
	"online": "netmedie", "social": "socialt medie", "medium": "medie",
}

func sourceKind(k string) string {
	if s, ok := sourceKinds[k]; ok {
		return s
	}
	return k
}

// fields returns the details of a record in display order.
func fields(r citat.Record) []field {
	var fs []field
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, field{label, value})
		}
	}
	who, _ := speakerKey(r)
	if who == "" {
		who = "ukendt"
	}
	add("Taler", who)
	if s := r.Speaker; s != nil {
		add("Rolle", s.Role)
		party := s.Party
		if s.PartyLetter != "" {
			party = strings.TrimSpace(party + " (" + s.PartyLetter + ")")
		}
		add("Parti", party)
	}
	if s := r.Source; s != nil {
		src := s.Name
		if k := sourceKind(s.Kind); k != "" {
			src += ", " + k
		}
		if s.Inherited {
			src += ", overført fra et tidligere citat"
		}
		add("Kilde", src)
	} else {
		add("Kilde", "ingen angivet")
	}
	kind := r.Kind.String()
	if k, ok := kindNames[kind]; ok {
		kind = k
	}
	add("Type", kind)
	if r.Cue != nil {
		add("Udsagnsord", r.Cue.Text)
	}
	if r.Negated {
		add("Nægtet", "ja")
	}
	add("Sikkerhed", strings.Replace(strconv.FormatFloat(r.Confidence, 'f', 2, 64), ".", ",", 1))
	add("Belæg", strings.Join(r.Evidence, ", "))
	return fs
}

// tip is the tooltip text of a quote: one field a line.
func tip(q quoteInfo) string {
	var b strings.Builder
	for i, f := range q.Fields {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.Label)
		b.WriteString(": ")
		b.WriteString(f.Value)
	}
	return b.String()
}
