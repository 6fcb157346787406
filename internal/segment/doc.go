package segment

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Span
	Para int // index of its paragraph
	// Words[FirstWord:EndWord] of the Doc are the words wholly inside the
	// sentence: every stage reads sentence after sentence word by word.
	FirstWord, EndWord int
}

// Doc is a segmented text: its paragraphs and sentences, in order. A Doc is
// read-only once built and may be shared between goroutines, until
// [Doc.Reset] reuses it for another text.
type Doc struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Words      []Word // every word of every paragraph, in order
	paraFirst  []int  // index of each paragraph's first sentence
	// wordAt and sentAt index the words and sentences by position: entry b
	// is the index of the first word (sentence) starting at or after
	// b<<blockShift, so that a look-up reads one entry and walks the few
	// that start inside the block, instead of searching the whole text.
	wordAt, sentAt []int
	done           <-chan struct{} // closed when the caller gives up; see Reset
	// lowered remembers the lower-case forms made for capitalised words,
	// so that a reused Doc makes each one once: a corpus writes the same
	// few thousand capitalised words over and over.
	lowered map[string]string
}

// New segments text into paragraphs and sentences.
func New(text string) *Doc {
	d := new(Doc)
	d.reset(text, nil)
	return d
}

// maxLowered bounds the remembered lower-case forms, so that a Doc reused
// over a whole archive of names keeps a bounded size.
const maxLowered = 1 << 14

// reset segments text into d, reusing the storage of d's slices.
func (d *Doc) reset(text string, done <-chan struct{}) {
	d.Text, d.done = text, done
	d.Paragraphs = appendParagraphs(d.Paragraphs[:0], text)
	d.paraFirst = slices.Grow(d.paraFirst[:0], len(d.Paragraphs)+1)[:len(d.Paragraphs)+1]
	// Danish news averages about six bytes a word and a hundred a
	// sentence; sizing for that spares most of the regrowing.
	d.Words = slices.Grow(d.Words[:0], len(text)/6+8)
	d.wordAt = slices.Grow(d.wordAt[:0], len(text)>>blockShift+1)
	d.Sentences = slices.Grow(d.Sentences[:0], len(text)/90+8)
	for i, p := range d.Paragraphs {
		if d.Stopped(i) {
			// Keep a consistent Doc of the paragraphs read so far.
			d.Paragraphs, d.paraFirst = d.Paragraphs[:i], d.paraFirst[:i+1]
			break
		}
		d.paraFirst[i] = len(d.Sentences)
		d.Sentences = appendSentences(d.Sentences, text, p.Start, p.End, i)
		d.appendWords(p.Start, p.End)
	}
	d.paraFirst[len(d.Paragraphs)] = len(d.Sentences)
	d.wordAt = fillIndex(d.wordAt, len(d.Text), len(d.Words))
	d.sentAt = slices.Grow(d.sentAt[:0], len(d.Text)>>blockShift+1)
	for k := range d.Sentences {
		s := &d.Sentences[k]
		d.sentAt = fillIndex(d.sentAt, s.Start, k)
		i, j := d.WordRange(s.Start, s.End)
		s.FirstWord, s.EndWord = i, j
	}
	d.sentAt = fillIndex(d.sentAt, len(d.Text), len(d.Sentences))
}

// blockShift sets the block of the position indexes to 64 bytes, about
// ten words or half a sentence of news text.
const blockShift = 6

// fillIndex extends the position index idx when element k starts at pos:
// every block up to the one holding pos gets k as its first element
// starting at or after the block's start.
func fillIndex(idx []int, pos, k int) []int {
	for len(idx) <= pos>>blockShift {
		idx = append(idx, k)
	}
	return idx
}

// WordIndex returns the index of the first word starting at or after pos.
func (d *Doc) WordIndex(pos int) int {
	if pos <= 0 {
		return 0
	}
	if pos > len(d.Text) {
		return len(d.Words)
	}
	k := d.wordAt[pos>>blockShift]
	for k < len(d.Words) && d.Words[k].Start < pos {
		k++
	}
	return k
}

// appendWords appends the words of text[start:end] and their lower-case
// forms.
func (d *Doc) appendWords(start, end int) {
	for i := start; ; {
		s, e, upper := nextWord(d.Text, i, end)
		if s >= end {
			return
		}
		w := d.Text[s:e]
		if upper {
			w = d.lower(w)
		}
		d.wordAt = fillIndex(d.wordAt, s, len(d.Words))
		d.Words = append(d.Words, Word{Span{s, e}, w})
		i = e
	}
}

// lower returns the word w, which has a capital, in lower case with rune
// lengths kept.
func (d *Doc) lower(w string) string {
	if d.lowered == nil || len(d.lowered) > maxLowered {
		d.lowered = make(map[string]string)
	}
	if l, ok := d.lowered[w]; ok {
		return l
	}
	l := lowerSameLength(w)
	// The key is copied: a slice of the text would keep the whole text
	// alive for as long as the Doc is reused.
	d.lowered[strings.Clone(w)] = l
	return l
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
func (d *Doc) WordsIn(start, end int) []Word {
	i, j := d.WordRange(start, end)
	return d.Words[i:j:j]
}

// WordRange returns the indexes [i, j) in Words of the words wholly inside
// [start, end).
func (d *Doc) WordRange(start, end int) (i, j int) {
	i = d.WordIndex(start)
	// Of the words starting before end, only the last can reach past it.
	j = d.WordIndex(end)
	if j > i && d.Words[j-1].End > end {
		j--
	}
	return i, max(i, j)
}

// ParaSentences returns the sentences of paragraph i.
func (d *Doc) ParaSentences(i int) []Sentence {
	return d.Sentences[d.paraFirst[i]:d.paraFirst[i+1]]
}

// SentenceAt returns the index of the sentence containing offset pos, or of
// the last sentence starting before it; -1 before the first sentence.
func (d *Doc) SentenceAt(pos int) int {
	if pos < 0 {
		return -1
	}
	k := len(d.Sentences)
	if pos < len(d.Text) {
		k = d.sentAt[pos>>blockShift]
	}
	for k < len(d.Sentences) && d.Sentences[k].Start <= pos {
		k++
	}
	return k - 1
}

// ParagraphAt returns the index of the paragraph containing offset pos, or of
// the last paragraph starting before it; -1 before the first paragraph.
func (d *Doc) ParagraphAt(pos int) int {
	return sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].Start > pos }) - 1
}
