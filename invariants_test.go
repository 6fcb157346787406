package citat

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
)

// This file holds the invariant checker that every test of the root package
// can use on any input, valid UTF-8 or not:
//
//	recs, err := x.Extract(input)
//	checkRecords(t, input, recs)
//
// It checks what the package documentation promises about offsets and what
// any sane result must satisfy, independently of the extraction rules:
//
//   - every span (the quote, the cue, the speaker's mention, the source's
//     mention) lies inside the input, starts and ends on rune boundaries
//     (as utf8.DecodeRuneInString steps through the input, so an invalid
//     byte is a rune of its own), and its Text is input[Start:End];
//   - a record's text is not empty, its kind is one of the four kinds, its
//     confidence a number in [0, 1] and its paragraph not negative;
//   - records are sorted by start, and two records overlap only when one
//     lies wholly inside the other;
//   - a speaker, when present, has a name or a description, and a source
//     has a name; names are valid UTF-8 (the analysed copy is always valid,
//     even under WithLenientUTF8).

// recordProblems returns every violated invariant, one line each, without
// failing a test: fuzz targets and ordinary tests share it.
func recordProblems(input string, recs []Record) []string {
	var probs []string
	add := func(format string, args ...any) {
		if len(probs) < 20 {
			probs = append(probs, fmt.Sprintf(format, args...))
		}
	}
	var bounds boundaryIndex
	bounds.init(input)
	checkSpan := func(what string, start, end int, text string) {
		switch {
		case start < 0 || end > len(input) || start > end:
			add("%s [%d,%d) outside the input of %d bytes", what, start, end, len(input))
			return
		case !bounds.at(start) || !bounds.at(end):
			add("%s [%d,%d) not on rune boundaries", what, start, end)
		}
		if input[start:end] != text {
			add("%s [%d,%d): text %q != input[start:end] %q", what, start, end, clipText(text), clipText(input[start:end]))
		}
	}
	for i, r := range recs {
		checkSpan(fmt.Sprintf("record %d", i), r.Start, r.End, r.Text)
		if r.Start >= r.End {
			add("record %d: empty quote [%d,%d)", i, r.Start, r.End)
		}
		if _, err := r.Kind.MarshalText(); err != nil {
			add("record %d: %v", i, err)
		}
		if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
			add("record %d: confidence %v outside [0, 1]", i, r.Confidence)
		}
		if r.Paragraph < 0 {
			add("record %d: paragraph %d", i, r.Paragraph)
		}
		if c := r.Cue; c != nil {
			checkSpan(fmt.Sprintf("record %d cue", i), c.Start, c.End, c.Text)
		}
		if s := r.Speaker; s != nil {
			if s.Mention != nil {
				checkSpan(fmt.Sprintf("record %d speaker mention", i), s.Mention.Start, s.Mention.End, s.Mention.Text)
			}
			if s.Name == "" && s.Description == "" {
				add("record %d: speaker with neither name nor description", i)
			}
			if s.Name != "" && !utf8.ValidString(s.Name) {
				add("record %d: speaker name %q is not valid UTF-8", i, s.Name)
			}
		}
		if s := r.Source; s != nil {
			if s.Mention != nil {
				checkSpan(fmt.Sprintf("record %d source mention", i), s.Mention.Start, s.Mention.End, s.Mention.Text)
			}
			if s.Name == "" || !utf8.ValidString(s.Name) {
				add("record %d: source name %q is empty or not valid UTF-8", i, s.Name)
			}
		}
		if i > 0 && recs[i-1].Start > r.Start {
			add("records %d and %d not sorted by start: %d > %d", i-1, i, recs[i-1].Start, r.Start)
		}
	}
	// Overlap only by nesting: sort by (start, longest first) and keep the
	// chain of records that contain the current position.
	type iv struct{ start, end, idx int }
	ivs := make([]iv, len(recs))
	for i, r := range recs {
		ivs[i] = iv{r.Start, r.End, i}
	}
	slices.SortStableFunc(ivs, func(a, b iv) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	var stack []iv
	for _, v := range ivs {
		for len(stack) > 0 && stack[len(stack)-1].end <= v.start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && v.end > stack[len(stack)-1].end {
			top := stack[len(stack)-1]
			add("records %d [%d,%d) and %d [%d,%d) overlap without nesting", top.idx, top.start, top.end, v.idx, v.start, v.end)
		}
		stack = append(stack, v)
	}
	return probs
}

// checkRecords fails t when recs break an invariant for input.
func checkRecords(t testing.TB, input string, recs []Record) {
	t.Helper()
	if probs := recordProblems(input, recs); len(probs) > 0 {
		t.Errorf("%d invariant violations for input %q:\n\t%s", len(probs), clipText(input), strings.Join(probs, "\n\t"))
	}
}

// checkDeterministic extracts input twice with x and fails t when the two
// results differ. It returns the first result.
func checkDeterministic(t testing.TB, x *Extractor, input string) ([]Record, error) {
	t.Helper()
	a, errA := x.Extract(input)
	b, errB := x.Extract(input)
	if fmt.Sprint(errA) != fmt.Sprint(errB) {
		t.Errorf("non-deterministic error: %v, then %v", errA, errB)
	}
	if d := gocmp.Diff(a, b); d != "" {
		t.Errorf("non-deterministic records for input %q (-first +second):\n%s", clipText(input), d)
	}
	return a, errA
}

// boundaryIndex tells the rune boundaries of a string as
// utf8.DecodeRuneInString steps through it.
type boundaryIndex struct{ bits []uint64 }

func (b *boundaryIndex) init(s string) {
	b.bits = make([]uint64, len(s)/64+1)
	for i := 0; i < len(s); {
		b.bits[i/64] |= 1 << (i % 64)
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	b.bits[len(s)/64] |= 1 << (len(s) % 64)
}

func (b *boundaryIndex) at(i int) bool { return b.bits[i/64]&(1<<(i%64)) != 0 }

func clipText(s string) string {
	if len(s) <= 120 {
		return s
	}
	i := 100
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + fmt.Sprintf("…(%d bytes)", len(s))
}

// corpus returns the bundled test articles by file name.
func articleCorpus(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// TestCorpusInvariants runs the invariant checker over the bundled articles.
func TestCorpusInvariants(t *testing.T) {
	for name, text := range articleCorpus(t) {
		t.Run(name, func(t *testing.T) {
			recs, err := checkDeterministic(t, defaultExtractor, text)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) == 0 {
				t.Errorf("no records in %s", name)
			}
			checkRecords(t, text, recs)
		})
	}
}

// TestCheckRecordsCatches makes sure the checker is not vacuous: broken
// records must be reported.
func TestCheckRecordsCatches(t *testing.T) {
	in := "- Æblet er rødt, siger Anne Holm."
	at := func(s string) *Span {
		i := strings.Index(in, s)
		return &Span{Text: s, Start: i, End: i + len(s)}
	}
	q := at("Æblet er rødt")
	r := Record{Text: q.Text, Start: q.Start, End: q.End, Kind: Direct, Cue: at("siger"), Confidence: 0.9,
		Speaker: &Speaker{Name: "Anne Holm", Type: "person", Mention: at("Anne Holm")}}
	good := []Record{r}
	if p := recordProblems(in, good); len(p) > 0 {
		t.Fatalf("good records flagged: %v", p)
	}
	if recs, err := Extract(in); err != nil {
		t.Fatal(err)
	} else {
		checkRecords(t, in, recs)
	}
	bad := map[string][]Record{
		"outside":      {{Text: "x", Start: len(in), End: len(in) + 1, Kind: Direct}},
		"mid-rune":     {{Text: in[2:3], Start: 2, End: 3, Kind: Direct}},
		"text differs": {{Text: "Æblet", Start: r.Start + 1, End: r.Start + 6, Kind: Direct}},
		"bad cue":      {func() Record { c := r; c.Cue = &Span{Text: "siger", Start: 0, End: 5}; return c }()},
		"unsorted":     {{Text: in[5:7], Start: 5, End: 7, Kind: Direct}, {Text: in[2:4], Start: 2, End: 4, Kind: Direct}},
		"crossing":     {{Text: in[2:8], Start: 2, End: 8, Kind: Direct}, {Text: in[5:10], Start: 5, End: 10, Kind: Direct}},
		"no kind":      {{Text: in[2:4], Start: 2, End: 4}},
		"empty source": {func() Record { c := r; c.Source = &Source{}; return c }()},
	}
	for name, recs := range bad {
		if p := recordProblems(in, recs); len(p) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
	nested := []Record{{Text: in[2:10], Start: 2, End: 10, Kind: Direct}, {Text: in[2:4], Start: 2, End: 4, Kind: Direct}, {Text: in[5:10], Start: 5, End: 10, Kind: Direct}}
	if p := recordProblems(in, nested); len(p) > 0 {
		t.Errorf("nested records flagged: %v", p)
	}
}
