// Package segment splits Danish news text into paragraphs, sentences and
// words, keeping every position as a byte offset into the caller's text.
//
// It is the first stage of the citat pipeline and knows nothing about quotes:
// it only knows where paragraphs, sentences and words start and end, and which
// periods belong to abbreviations (bl.a., f.eks., kl. 14.30) or ordinals
// (16. februar) rather than ending a sentence.
package segment

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into the analysed text.
type Span struct {
	Start, End int
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Paragraph is a run of text between blank lines, trimmed of surrounding
// white space.
type Paragraph struct {
	Span
	Index int // 0-based position in the document
}

//go:embed abbrev.txt
var abbrevData string

// abbrev maps a lower-case abbreviation (with its final period) to whether it
// may end a sentence.
var abbrev = func() map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(abbrevData) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		terminal := false
		if line[0] == '!' {
			terminal, line = true, line[1:]
		}
		if len(line) > abbrevMaxLen {
			panic("segment: abbreviation longer than abbrevMaxLen: " + line)
		}
		m[line] = terminal
	}
	return m
}()

// lookupAbbrev looks word (with its final period) up among the
// abbreviations, in lower case or with a capital first letter only: "DR."
// is the broadcaster, not "dr.".
func lookupAbbrev(word string) (terminal, ok bool) {
	// Most words before a period are longer than any abbreviation (the
	// first rune, lowered, can be up to two bytes shorter: K, the Kelvin
	// sign, is k).
	if len(word) > abbrevLongest+utf8.UTFMax-1 {
		return false, false
	}
	r, n := utf8.DecodeRuneInString(word)
	rest := word[n:]
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && strings.ToLower(rest) != rest {
			return false, false
		}
	}
	var buf [abbrevMaxLen + utf8.UTFMax]byte
	key := append(utf8.AppendRune(buf[:0], unicode.ToLower(r)), rest...)
	terminal, ok = abbrev[string(key)]
	return terminal, ok
}

// abbrevMaxLen bounds the length of an abbreviation in abbrev.txt, in
// bytes, and abbrevLongest is the longest there is.
const abbrevMaxLen = 32

var abbrevLongest = func() int {
	n := 0
	for a := range abbrev {
		n = max(n, len(a))
	}
	return n
}()

// Paragraphs splits text at blank lines. When the text has no blank line at
// all but several lines, each line is a paragraph: some feeds put one
// paragraph on each line. CR LF and lone CR count as line ends.
func Paragraphs(text string) []Paragraph { return appendParagraphs(nil, text) }

func appendParagraphs(out []Paragraph, text string) []Paragraph {
	blank := hasBlankLine(text)
	start := 0
	i := 0
	emit := func(s, e int) {
		s, e = trimSpace(text, s, e)
		if s < e {
			out = append(out, Paragraph{Span: Span{s, e}, Index: len(out)})
		}
	}
	// Without CR, the line ends are found by IndexByte, which is fast.
	cr := strings.IndexByte(text, '\r') >= 0
	for i < len(text) {
		if !cr {
			k := strings.IndexByte(text[i:], '\n')
			if k < 0 {
				break
			}
			i += k
		} else if c := text[i]; c != '\n' && c != '\r' {
			i++
			continue
		}
		lineEnd := i
		i = skipEOL(text, i)
		if !blank {
			emit(start, lineEnd)
			start = i
			continue
		}
		// A blank line: only white space up to the next line end.
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\f' || text[j] == '\v') {
			j++
		}
		if j >= len(text) || text[j] == '\n' || text[j] == '\r' {
			emit(start, lineEnd)
			start = j
			i = j
		}
	}
	emit(start, len(text))
	return out
}

func skipEOL(text string, i int) int {
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

func hasBlankLine(text string) bool {
	i := 0
	for i < len(text) {
		k := strings.IndexAny(text[i:], "\r\n")
		if k < 0 {
			return false
		}
		i = skipEOL(text, i+k)
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && (text[j] == '\n' || text[j] == '\r') {
			return true
		}
	}
	return false
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// TrimSpace shrinks [s, e) past white space on both sides.
func TrimSpace(text string, s, e int) (int, int) { return trimSpace(text, s, e) }

// IsCloseQuote reports whether r is a mark that can close a quotation.
func IsCloseQuote(r rune) bool {
	switch r {
	case '«', '"', '”', '“', '’', '\'', '»':
		return true
	}
	return false
}

// IsOpenQuote reports whether r is a mark that can open a quotation.
func IsOpenQuote(r rune) bool {
	switch r {
	case '»', '"', '“', '„', '”', '‘', '\'', '«':
		return true
	}
	return false
}

// IsDash reports whether r is a hyphen or dash used to lead a quote.
func IsDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' || r == '−'
}

// Sentences splits the span [start, end) into sentences. A sentence ends at
// '.', '!', '?' or '…' (with any closing quote marks after it) followed by
// space and then something that can start a sentence: a capital letter, a
// digit, an opening quote mark or a dash. Periods of abbreviations, initials
// and ordinals do not end sentences.
func Sentences(text string, start, end int) []Span {
	ss := appendSentences(nil, text, start, end, 0)
	out := make([]Span, len(ss))
	for i, s := range ss {
		out[i] = s.Span
	}
	return out
}

// appendSentences appends the sentences of paragraph para, [start, end).
func appendSentences(out []Sentence, text string, start, end, para int) []Sentence {
	s := start
	i := start
	for i < end {
		if !sentenceLead[text[i]] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if r != '.' && r != '!' && r != '?' && r != '…' && r != ':' {
			i += n
			continue
		}
		j := i + n
		// A colon ends a sentence only when a quote opens after it; the
		// quote is then a sentence of its own.
		if r == ':' {
			k := skipSpaces(text, j, end)
			if k == j || k >= end {
				i = j
				continue
			}
			q, _ := utf8.DecodeRuneInString(text[k:end])
			if !IsOpenQuote(q) {
				i = j
				continue
			}
		}
		// Swallow further terminal punctuation and closing quote marks.
		for j < end {
			q, m := utf8.DecodeRuneInString(text[j:end])
			if q == '.' || q == '!' || q == '?' || q == '…' || IsCloseQuote(q) || q == ')' {
				j += m
				continue
			}
			break
		}
		k := skipSpaces(text, j, end)
		if k == j || k >= end {
			i = j
			continue
		}
		if r == '.' && !periodEnds(text, start, i, k, end) {
			i = j
			continue
		}
		q, _ := utf8.DecodeRuneInString(text[k:end])
		if !(unicode.IsUpper(q) || unicode.IsDigit(q) || IsOpenQuote(q) || IsDash(q)) {
			i = j
			continue
		}
		out = append(out, Sentence{Span: Span{s, j}, Para: para})
		s = k
		i = k
	}
	if s < end {
		if ts, te := trimSpace(text, s, end); ts < te {
			out = append(out, Sentence{Span: Span{ts, te}, Para: para})
		}
	}
	return out
}

func skipSpaces(text string, i, end int) int {
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			// unicode.IsSpace's ASCII spaces: \t \n \v \f \r and ' '.
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// PeriodEndsSentence reports whether the period at text[dot] ends a
// sentence, or belongs to an abbreviation, an initial or an ordinal.
func PeriodEndsSentence(text string, dot int) bool {
	next := skipSpaces(text, dot+1, len(text))
	if next == dot+1 || next >= len(text) {
		return next >= len(text)
	}
	return periodEnds(text, max(0, dot-40), dot, next, len(text))
}

// periodEnds decides whether the period at dot ends a sentence, given that
// the next sentence would start at next.
func periodEnds(text string, start, dot, next, end int) bool {
	// The word before the period, including inner periods (bl.a, A.P).
	w := dot
	for w > start {
		if c := text[w-1]; c < utf8.RuneSelf {
			if !asciiWord[c] && c != '.' && c != '/' {
				break
			}
			w--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[start:w])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '/' {
			w -= n
			continue
		}
		break
	}
	word := text[w : dot+1]
	if word == "." {
		return true
	}
	if terminal, ok := lookupAbbrev(word); ok {
		return terminal && startsSentence(text, next, end)
	}
	// The last dotted part (for "A.P." the "P.").
	last := word[:len(word)-1]
	if k := strings.LastIndexByte(last, '.'); k >= 0 {
		last = last[k+1:]
	}
	// A single capital letter is an initial (Múte B. Egede).
	if r, n := utf8.DecodeRuneInString(last); n == len(last) && unicode.IsUpper(r) {
		return false
	}
	// An ordinal (16. februar, 2. halvleg) is followed by a lower-case word;
	// a number followed by a capital ends a sentence ("i 2025. Det").
	return true
}

func startsSentence(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsUpper(r)
}

// Word is a word of a Doc.
type Word struct {
	Span
	// Low is the word in lower case, with every rune at its byte length in
	// the text (letters whose lower case has another length in UTF-8, rare
	// outside Turkish, are left as they are). A word with no capital in it
	// is its own slice of the text.
	Low string
}

// Words returns the words in [start, end): maximal runs of letters, digits
// and marks, with inner hyphens, periods, commas between digits and
// apostrophes kept (Ammitzbøll-Bille, 1.200, 2,5, SF's, EU’s, A.P.).
// A final period is kept only for known abbreviations and initials.
func Words(text string, start, end int) []Span {
	return appendWords(nil, text, start, end)
}

func appendWords(out []Span, text string, start, end int) []Span {
	return appendWordsN(out, text, start, end, -1)
}

// FirstWords returns the first n words in [start, end), as [Words] reads
// them, appended to buf: a caller that looks at the start of a phrase
// alone need not read, nor allocate for, the whole phrase.
func FirstWords(buf []Span, text string, start, end, n int) []Span {
	return appendWordsN(buf, text, start, end, n)
}

// appendWordsN appends the words in [start, end) to out, at most n of them
// when n ≥ 0.
func appendWordsN(out []Span, text string, start, end, n int) []Span {
	for i := start; n != 0; n-- {
		s, e, _ := nextWord(text, i, end)
		if s >= end {
			break
		}
		out = append(out, Span{s, e})
		i = e
	}
	return out
}

// nextWord returns the next word at or after i in text[:end], as Words
// reads them, and whether it has an upper-case letter; s is end when no
// word is left.
func nextWord(text string, i, end int) (s, e int, upper bool) {
	t := text[:end]
	for i < len(t) {
		c := t[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		if n := latin1Letter(t, i, end); n > 0 {
			break
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(t) {
		return end, end, false
	}
	s = i
	var caps byte // the classes of the ASCII letters and digits read
	for i < len(t) {
		k := byteClass[t[i]]
		if k&classWord != 0 {
			caps |= k
			i++
			continue
		}
		// Space and most punctuation end the word at once.
		if k&(classJoin|classHigh) == 0 {
			break
		}
		if n := latin1Letter(t, i, end); n > 0 {
			// U+00C0-U+00DE are the capitals.
			upper = upper || t[i+1] <= 0x9E
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if isWordRune(r) {
			upper = upper || unicode.IsUpper(r) || unicode.IsTitle(r)
			i += n
			continue
		}
		if r == '-' || r == '.' || r == ',' || r == '\'' || r == '’' || r == '/' {
			if i+n < end {
				q, _ := utf8.DecodeRuneInString(t[i+n:])
				ok := isWordRune(q)
				if r == ',' || r == '/' {
					p, _ := utf8.DecodeLastRuneInString(t[s:i])
					ok = unicode.IsDigit(p) && unicode.IsDigit(q)
				}
				if ok {
					i += n
					continue
				}
			}
		}
		break
	}
	upper = upper || caps&classUpper != 0
	e = i
	if e < end && t[e] == '.' {
		if _, ok := lookupAbbrev(t[s : e+1]); ok || isInitial(t[s:e]) || strings.Contains(t[s:e], ".") {
			e++
		}
	}
	return s, e, upper
}

// The byte classes of nextWord.
const (
	classWord  = 1 << iota // an ASCII letter or digit
	classUpper             // an ASCII capital
	classJoin              // - . , ' /: may join the parts of a word
	classHigh              // the lead or continuation byte of a longer rune
)

var byteClass = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classHigh
		case 'A' <= c && c <= 'Z':
			t[c] = classWord | classUpper
		case asciiWord[c]:
			t[c] = classWord
		case c == '-' || c == '.' || c == ',' || c == '\'' || c == '/':
			t[c] = classJoin
		}
	}
	return t
}()

// latin1Letter returns 2 when text[i:] starts with a letter of U+00C0-U+00FF
// (æ, ø, å, é, ü, ...), the common case of non-ASCII in Danish, and 0
// otherwise.
func latin1Letter(text string, i, end int) int {
	if text[i] != 0xC3 || i+1 >= end {
		return 0
	}
	if c := text[i+1]; c >= 0x80 && c <= 0xBF && c != 0x97 && c != 0xB7 { // not × ÷
		return 2
	}
	return 0
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// sentenceLead marks the bytes that can start a sentence's end mark: . ! ?
// : and the lead byte of … (U+2026). Other bytes, continuation bytes of
// other runes included, are skipped one by one.
var sentenceLead = [256]bool{'.': true, '!': true, '?': true, ':': true, 0xE2: true}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
