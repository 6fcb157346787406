package attribution

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citat-go/citat/internal/segment"
)

// SourceKind says what kind of medium a source is.
type SourceKind uint8

// Source kinds.
const (
	UnknownMedium SourceKind = iota
	Agency
	Broadcaster
	Newspaper
	Online
	Social
)

var sourceKindNames = [...]string{UnknownMedium: "medium", Agency: "agency", Broadcaster: "broadcaster", Newspaper: "newspaper", Online: "online", Social: "social"}

func (k SourceKind) String() string {
	if int(k) < len(sourceKindNames) {
		return sourceKindNames[k]
	}
	return "medium"
}

// MarshalText encodes the kind as its name.
func (k SourceKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Outlet is one entry of the catalogue.
type Outlet struct {
	Name     string // canonical name; empty: keep the name as written
	Kind     SourceKind
	Variants []string
	NeedsCue bool // the name is also an ordinary word: only after til, ifølge, på, …
}

// Catalogue is the list of news agencies and media that can be a quote's
// source. It is read-only after construction and safe for concurrent use.
type Catalogue struct {
	outlets []Outlet
	byFirst map[string][]variant // first word of a variant → variants
	// lead marks the first two bytes of the keys of byFirst, short the
	// first byte of one-byte keys: a word starting otherwise, most words
	// of a text, needs no look-up. One byte would not do: "d" (dr.dk) and
	// the lead byte of Æ, Ø and Å also start "det", "øvrige" and "år".
	lead  [256][256 / 64]uint64
	short [256]bool
}

type variant struct {
	words  []string
	outlet int
	text   string
}

//go:embed sources.tsv
var sourcesData string

// DefaultCatalogue returns the built-in catalogue of agencies, Danish and
// international outlets and social media.
func DefaultCatalogue() *Catalogue { return defaultCatalogue }

var defaultCatalogue = mustParse(sourcesData)

func mustParse(data string) *Catalogue {
	c, err := ParseCatalogue(data)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCatalogue reads a catalogue in the tab-separated format of the
// built-in sources.tsv: canonical name ("=" to keep each variant as
// written), kind, "|"-separated variants and optional flags.
func ParseCatalogue(data string) (*Catalogue, error) {
	c := &Catalogue{byFirst: map[string][]variant{}}
	n := 0
	for line := range strings.Lines(data) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("attribution: catalogue line %d: want canonical, kind and variants separated by tabs", n)
		}
		kind, ok := parseKind(cols[1])
		if !ok {
			return nil, fmt.Errorf("attribution: catalogue line %d: unknown kind %q", n, cols[1])
		}
		o := Outlet{Name: cols[0], Kind: kind, Variants: strings.Split(cols[2], "|")}
		if o.Name == "=" {
			o.Name = ""
		}
		if len(cols) > 3 && strings.Contains(cols[3], "cue") {
			o.NeedsCue = true
		}
		c.outlets = append(c.outlets, o)
		for _, v := range o.Variants {
			ws := strings.Fields(v)
			if len(ws) == 0 {
				return nil, fmt.Errorf("attribution: catalogue line %d: empty variant", n)
			}
			c.byFirst[ws[0]] = append(c.byFirst[ws[0]], variant{words: ws, outlet: len(c.outlets) - 1, text: v})
			if k := ws[0]; len(k) == 1 {
				c.short[k[0]] = true
			} else {
				c.lead[k[0]][k[1]/64] |= 1 << (k[1] % 64)
			}
		}
	}
	return c, nil
}

func parseKind(s string) (SourceKind, bool) {
	for i, n := range sourceKindNames {
		if n == s && i > 0 {
			return SourceKind(i), true
		}
	}
	return 0, false
}

// Match is an outlet named in the text.
type Match struct {
	Name string
	Kind SourceKind
	Span segment.Span
}

// cueWords are the words after which an ambiguous outlet name (X,
// Information) is a source.
var cueWords = map[string]bool{"til": true, "ifølge": true, "på": true, "i": true, "hos": true, "med": true, "for": true, "skriver": true, "skrev": true, "oplyser": true}

// Find returns the outlets named in [start, end) of text, in order.
func (c *Catalogue) Find(text string, start, end int) []Match {
	spans := segment.Words(text, start, end)
	ws := make([]segment.Word, len(spans))
	for i, sp := range spans {
		ws[i].Span = sp
	}
	return c.appendFind(nil, text, ws)
}

// appendFind appends the outlets among the words ws of text to out.
func (c *Catalogue) appendFind(out []Match, text string, ws []segment.Word) []Match {
	for i := 0; i < len(ws); i++ {
		w := text[ws[i].Start:ws[i].End]
		best, bestLen := -1, 0
		var bestEnd int
		for _, cand := range c.candidates(w) {
			n := len(cand.words)
			if i+n > len(ws) || n <= bestLen {
				continue
			}
			ok := true
			for k := range n {
				got := text[ws[i+k].Start:ws[i+k].End]
				want := cand.words[k]
				if k == n-1 && !strings.HasSuffix(want, ".") {
					got = strings.TrimSuffix(got, ".")
				}
				if got != want && !(k == n-1 && isGenitiveOf(got, want)) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			o := c.outlets[cand.outlet]
			if o.NeedsCue && (i == 0 || !cueWords[strings.ToLower(text[ws[i-1].Start:ws[i-1].End])]) {
				continue
			}
			best, bestLen, bestEnd = cand.outlet, n, ws[i+n-1].End
		}
		if best < 0 {
			continue
		}
		o := c.outlets[best]
		if text[bestEnd-1] == '.' && !strings.HasSuffix(c.outlets[best].Variants[0], ".") {
			bestEnd--
		}
		sp := segment.Span{Start: ws[i].Start, End: bestEnd}
		name := o.Name
		if name == "" {
			name = trimGenitive(joinWords(text, ws[i:i+bestLen]), c, best)
		}
		out = append(out, Match{Name: name, Kind: o.Kind, Span: sp})
		i += bestLen - 1
	}
	return out
}

// candidates returns the variants whose first word is w, or w without a
// genitive ending.
func (c *Catalogue) candidates(w string) []variant {
	// Every form looked up below is w or a prefix of it.
	if w == "" || !c.short[w[0]] && (len(w) < 2 || c.lead[w[0]][w[1]/64]&(1<<(w[1]%64)) == 0) {
		return nil
	}
	if v := c.byFirst[w]; v != nil {
		return v
	}
	// "X." at the end of a sentence is read as an initial.
	if base, ok := strings.CutSuffix(w, "."); ok {
		if v := c.byFirst[base]; v != nil {
			return v
		}
	}
	for _, suf := range []string{"'s", "’s", "s"} {
		if base, ok := strings.CutSuffix(w, suf); ok && base != "" {
			if v := c.byFirst[base]; v != nil {
				return v
			}
		}
	}
	return nil
}

// joinWords writes the words ws of text with one space between them, so
// that a name matched across a line break or a dash reads as one name.
func joinWords(text string, ws []segment.Word) string {
	if len(ws) == 1 || text[ws[0].Start:ws[len(ws)-1].End] == strings.Join(wordStrings(text, ws), " ") {
		return strings.TrimSuffix(text[ws[0].Start:ws[len(ws)-1].End], ".")
	}
	return strings.TrimSuffix(strings.Join(wordStrings(text, ws), " "), ".")
}

func wordStrings(text string, ws []segment.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = text[w.Start:w.End]
	}
	return out
}

func isGenitiveOf(got, want string) bool {
	return got == want+"s" || got == want+"'s" || got == want+"’s"
}

// trimGenitive returns the written name without a genitive ending that the
// variant lacks ("TV 2 Fyns" → "TV 2 Fyn").
func trimGenitive(written string, c *Catalogue, outlet int) string {
	for _, v := range c.outlets[outlet].Variants {
		if written == v {
			return v
		}
	}
	for _, suf := range []string{"'s", "’s", "s"} {
		if base, ok := strings.CutSuffix(written, suf); ok {
			for _, v := range c.outlets[outlet].Variants {
				if base == v {
					return v
				}
			}
		}
	}
	return written
}

// mediaWords end the names of outlets the catalogue does not list.
var mediaWords = []string{"Nyheder", "Tidende", "Stiftstidende", "Avis", "Avisen", "Posten", "Radio", "Medier", "Folkeblad", "Dagblad", "Magazine", "Magasin", "Times", "Post", "Journal", "News", "Zeitung", "Tribune", "Herald"}

// mediaWordsLower holds mediaWords in lower case, as they end compounds
// ("Lokalavisen", "Amtsavis").
var mediaWordsLower = func() []string {
	out := make([]string, len(mediaWords))
	for i, m := range mediaWords {
		out[i] = strings.ToLower(m)
	}
	return out
}()

// UnlistedAt reads an outlet the catalogue lacks, written after "til" or
// "ifølge" at pos: capitalised words ending in a media word ("Fyns Amts
// Avis", "Vejle Nyheder").
func UnlistedAt(text string, start, end int) (segment.Span, bool) {
	var buf [5]segment.Span
	ws := segment.FirstWords(buf[:0], text, start, end, len(buf))
	k := 0
	for k < len(ws) && k < 5 {
		r, _ := utf8.DecodeRuneInString(text[ws[k].Start:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			break
		}
		k++
	}
	if k == 0 {
		return segment.Span{}, false
	}
	last := text[ws[k-1].Start:ws[k-1].End]
	for i, m := range mediaWords {
		if last == m || strings.HasSuffix(last, mediaWordsLower[i]) {
			return segment.Span{Start: ws[0].Start, End: ws[k-1].End}, true
		}
	}
	return segment.Span{}, false
}
