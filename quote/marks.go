package quote

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
)

// marked is a top-level stretch of text in quote marks.
type marked struct {
	open     int          // byte offset of the opening mark
	inner    segment.Span // the text between the marks
	closeEnd int          // offset just past the closing mark (inner.End when unclosed)
	closed   bool
	unopened bool // closed by a mark whose opener the text lost
	para     int  // paragraph of the opening mark
	lastPara int  // paragraph of the closing mark
}

// family groups the marks that close each other.
type family uint8

const (
	famNone     family = iota
	famGuil            // » … «
	famGuilRev         // « … »
	famStraight        // " … "
	famCurly           // “ … ” and „ … “ and ” … ”
	famSingle          // ‘ … ’ and ’ … ’ (only inside another quote)
)

func isSpaceOrOpen(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || r == '(' || r == '[' || segment.IsDash(r) || r == '/' || r == ':'
}

func isSpaceOrPunct(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' || segment.IsDash(r)
}

// scanMarks finds the top-level quoted stretches of the document. Dash-led
// paragraphs are skipped (their quote marks are inner quotes). An opening
// mark left open at the end of a paragraph continues into the next paragraph
// when that paragraph repeats the opening mark or closes the quote before it
// opens another; otherwise the quote ends with its paragraph.
//
// The stretches are appended to out; *scratch holds the open marks, kept
// for the next call.
func scanMarks(out []marked, scratch *[]family, text string, paras []segment.Paragraph, dashLed []bool, tailAfter func(pos, end int) bool, stopped func(int) bool) []marked {
	stack := (*scratch)[:0]
	defer func() { *scratch = stack }()
	var cur marked
	for pi := 0; pi < len(paras); pi++ {
		if stopped(pi) {
			break
		}
		p := paras[pi]
		if dashLed[pi] {
			continue
		}
		i := p.Start
		if len(stack) > 0 {
			// Continuing a quote from the previous paragraph: skip a
			// repeated opening mark.
			r, n := utf8.DecodeRuneInString(text[i:p.End])
			if openFamily(r) == stack[0] || stack[0] == famCurly && (r == '“' || r == '„' || r == '”') {
				i += n
			}
			stack = stack[:1]
		}
		prev := utf8.RuneError
		if i > p.Start {
			prev, _ = utf8.DecodeLastRuneInString(text[p.Start:i])
		}
		seen := len(stack) > 0 // a mark has been read in this paragraph
		for i < p.End {
			if j := skipToMark(text, i, p.End); j > i {
				if j >= p.End {
					break
				}
				prev, _ = utf8.DecodeLastRuneInString(text[p.Start:j])
				i = j
			}
			r, n := utf8.DecodeRuneInString(text[i:p.End])
			next := utf8.RuneError
			if i+n < p.End {
				next, _ = utf8.DecodeRuneInString(text[i+n : p.End])
			}
			top := famNone
			if len(stack) > 0 {
				top = stack[len(stack)-1]
			}
			opens, closes := classify(r, prev, next, top, len(stack))
			switch {
			case !seen && opens == famNone && closes == famNone && closesUnopened(r, prev, next) && tailAfter(i+n, p.End):
				// Older texts often lose the opening mark of a paragraph
				// that the attribution tail shows to be quoted:
				// `Det var en fin tur," siger Hanne Holm.`
				out = append(out, marked{open: p.Start, inner: segment.Span{Start: p.Start, End: i}, closeEnd: i + n,
					closed: true, unopened: true, para: pi, lastPara: pi})
				seen = true
			case closes != famNone:
				// Pop to the matching opener, if any.
				k := len(stack) - 1
				for k >= 0 && stack[k] != closes {
					k--
				}
				if k >= 0 {
					stack = stack[:k]
					if k == 0 {
						cur.inner.End = i
						cur.closeEnd = i + n
						cur.closed = true
						cur.lastPara = pi
						out = append(out, cur)
					}
				}
			case opens != famNone:
				if len(stack) == 0 {
					cur = marked{open: i, inner: segment.Span{Start: i + n}, para: pi}
				}
				stack = append(stack, opens)
			}
			if opens != famNone || closes != famNone {
				seen = true
			}
			prev = r
			i += n
		}
		if len(stack) > 0 {
			if pi+1 < len(paras) && !dashLed[pi+1] && (continues(text, paras[pi+1], stack[0]) || closesLater(text, paras[pi+1:], dashLed[pi+1:], stack[0], tailAfter)) {
				continue
			}
			cur.inner.End = p.End
			cur.closeEnd = p.End
			cur.lastPara = pi
			out = append(out, cur)
			stack = stack[:0]
		}
	}
	return out
}

// closesUnopened reports whether r, read outside any quote, has the shape
// of a closing mark: straight after a word or punctuation and followed by
// space or punctuation.
func closesUnopened(r, prev, next rune) bool {
	switch r {
	case '"', '«', '”':
		return !isSpaceOrOpen(prev) && isSpaceOrPunct(next)
	}
	return false
}

func openFamily(r rune) family {
	switch r {
	case '»':
		return famGuil
	case '«':
		return famGuilRev
	case '"':
		return famStraight
	case '“', '„', '”':
		return famCurly
	}
	return famNone
}

// classify decides whether the mark r (between prev and next) opens or
// closes a quote, given the innermost open family and the depth.
func classify(r, prev, next rune, top family, depth int) (opens, closes family) {
	switch r {
	case '»':
		if top == famGuilRev && !unicode.IsSpace(prev) {
			return famNone, famGuilRev
		}
		if !unicode.IsSpace(next) {
			return famGuil, famNone
		}
	case '«':
		if top == famGuil {
			return famNone, famGuil
		}
		if !unicode.IsSpace(next) && isSpaceOrOpen(prev) {
			return famGuilRev, famNone
		}
	case '"':
		if top == famStraight {
			if !unicode.IsSpace(prev) || isSpaceOrPunct(next) {
				return famNone, famStraight
			}
			return famStraight, famNone
		}
		if isSpaceOrOpen(prev) || openFamily(prev) != famNone {
			if !unicode.IsSpace(next) && next != utf8.RuneError {
				return famStraight, famNone
			}
		}
	case '„':
		return famCurly, famNone
	case '“':
		if top == famCurly {
			return famNone, famCurly
		}
		if !unicode.IsSpace(next) {
			return famCurly, famNone
		}
	case '”':
		if top == famCurly {
			return famNone, famCurly
		}
		if isSpaceOrOpen(prev) && !isSpaceOrPunct(next) {
			return famCurly, famNone
		}
	case '‘':
		if depth > 0 {
			return famSingle, famNone
		}
	case '’', '\'':
		if depth == 0 {
			return famNone, famNone
		}
		if top == famSingle && !unicode.IsSpace(prev) && !unicode.IsLetter(next) {
			return famNone, famSingle
		}
		if isSpaceOrOpen(prev) && unicode.IsLetter(next) {
			return famSingle, famNone
		}
	}
	return famNone, famNone
}

// closesLater reports whether a quote left open runs on through paragraphs
// without quote marks to one that closes it with an attribution tail:
//
//	"Jeg nyder at have mere tid.
//
//	Men så sker der også noget hele tiden.
//
//	Det kan være hårdt," siger Anders Holm.
func closesLater(text string, paras []segment.Paragraph, dashLed []bool, f family, tailAfter func(pos, end int) bool) bool {
	for k := 0; k < len(paras) && k < 4; k++ {
		if dashLed[k] {
			return false
		}
		p := paras[k]
		for m := range marksIn(text, p.Start, p.End, f) {
			if m.closes != f {
				return false
			}
			// The mark closes when a tail follows it or it ends its
			// paragraph: »…« spread over paragraphs the old way.
			end := m.pos + m.size
			return tailAfter(end, p.End) || skipSpace(text, end, p.End) >= p.End ||
				end < p.End && strings.IndexByte(".,!?", text[end]) >= 0 && skipSpace(text, end+1, p.End) >= p.End
		}
	}
	return false
}

// continues reports whether a quote of family f left open at the end of a
// paragraph goes on in paragraph p: p starts with the same opening mark
// (the Danish convention for multi-paragraph quotes), or p closes f before it
// opens anything.
func continues(text string, p segment.Paragraph, f family) bool {
	r, _ := utf8.DecodeRuneInString(text[p.Start:p.End])
	if openFamily(r) == f || f == famCurly && (r == '“' || r == '„') {
		return true
	}
	for m := range marksIn(text, p.Start, p.End, f) {
		if m.closes == f {
			return true
		}
		if m.opens != famNone && m.opens != famSingle {
			return false
		}
	}
	return false
}

// markAt is a quote mark that opens or closes, at pos, size bytes long.
type markAt struct {
	pos, size     int
	opens, closes family
}

// marksIn yields the marks of text[start:end] in order, each classified
// as if a quote of family f were open around them.
func marksIn(text string, start, end int, f family) iter.Seq[markAt] {
	return func(yield func(markAt) bool) {
		prev := utf8.RuneError
		for i := start; i < end; {
			if j := skipToMark(text, i, end); j > i {
				if j >= end {
					return
				}
				prev, _ = utf8.DecodeLastRuneInString(text[start:j])
				i = j
			}
			r, n := utf8.DecodeRuneInString(text[i:end])
			next := utf8.RuneError
			if i+n < end {
				next, _ = utf8.DecodeRuneInString(text[i+n : end])
			}
			if opens, closes := classify(r, prev, next, f, 1); opens != famNone || closes != famNone {
				if !yield(markAt{i, n, opens, closes}) {
					return
				}
			}
			prev = r
			i += n
		}
	}
}

// markLead holds the bytes a quote mark can start with: the ASCII marks and
// the lead bytes of » « (U+00AB, U+00BB) and of the curly marks (U+2018-U+201E).
var markLead = [256]bool{'"': true, '\'': true, 0xC2: true, 0xE2: true}

// skipToMark returns the offset of the first byte in text[i:end] that can
// start a quote mark, or end: the scanners decode only there, so plain
// text costs one table look-up a byte.
func skipToMark(text string, i, end int) int {
	for i < end && !markLead[text[i]] {
		i++
	}
	return i
}
