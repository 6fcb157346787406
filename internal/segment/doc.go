package segment

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Span
	Para int // index of its paragraph
}

// Doc is a segmented text: its paragraphs and sentences, in order. A Doc is
// read-only once built and may be shared between goroutines.
type Doc struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Words      []Span // every word of every paragraph, in order
	// Lower is Text in lower case, byte for byte: Lower[s.Start:s.End] is
	// the lower-case form of any span. Letters whose lower case has
	// another length in UTF-8 (rare outside Turkish) are left as they are.
	Lower     string
	paraFirst []int           // index of each paragraph's first sentence
	done      <-chan struct{} // closed when the caller gives up; see NewContext
}

// New segments text into paragraphs and sentences.
func New(text string) *Doc { return newDoc(text, nil) }

func newDoc(text string, done <-chan struct{}) *Doc {
	d := &Doc{Text: text, Paragraphs: Paragraphs(text), Lower: lowerSameLength(text), done: done}
	d.paraFirst = make([]int, len(d.Paragraphs)+1)
	// Danish news averages about six bytes a word and a hundred a
	// sentence; sizing for that spares most of the regrowing.
	d.Words = make([]Span, 0, len(text)/6+8)
	d.Sentences = make([]Sentence, 0, len(text)/90+8)
	for i, p := range d.Paragraphs {
		if d.Stopped(i) {
			// Keep a consistent Doc of the paragraphs read so far.
			d.Paragraphs, d.paraFirst = d.Paragraphs[:i], d.paraFirst[:i+1]
			break
		}
		d.paraFirst[i] = len(d.Sentences)
		for _, s := range Sentences(text, p.Start, p.End) {
			d.Sentences = append(d.Sentences, Sentence{Span: s, Para: i})
		}
		d.Words = appendWords(d.Words, text, p.Start, p.End)
	}
	d.paraFirst[len(d.Paragraphs)] = len(d.Sentences)
	return d
}

// lowerSameLength returns text in lower case with every rune kept at its
// byte length, so that offsets into the result are offsets into text.
func lowerSameLength(text string) string {
	b := make([]byte, len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); l != r && r != utf8.RuneError && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:i+n], text[i:i+n])
		}
		i += n
	}
	return string(b)
}

// WordsIn returns the words that lie wholly inside [start, end), sharing
// the Doc's storage.
func (d *Doc) WordsIn(start, end int) []Span {
	i := sort.Search(len(d.Words), func(i int) bool { return d.Words[i].Start >= start })
	j := i + sort.Search(len(d.Words)-i, func(k int) bool { return d.Words[i+k].End > end })
	return d.Words[i:j:j]
}

// WordIndex returns the index of the first word starting at or after pos.
func (d *Doc) WordIndex(pos int) int {
	return sort.Search(len(d.Words), func(i int) bool { return d.Words[i].Start >= pos })
}

// ParaSentences returns the sentences of paragraph i.
func (d *Doc) ParaSentences(i int) []Sentence {
	return d.Sentences[d.paraFirst[i]:d.paraFirst[i+1]]
}

// SentenceAt returns the index of the sentence containing offset pos, or of
// the last sentence starting before it; -1 before the first sentence.
func (d *Doc) SentenceAt(pos int) int {
	return sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start > pos }) - 1
}

// ParagraphAt returns the index of the paragraph containing offset pos, or of
// the last paragraph starting before it; -1 before the first paragraph.
func (d *Doc) ParagraphAt(pos int) int {
	return sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].Start > pos }) - 1
}
