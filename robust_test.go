package citat

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Adversarial input: each test builds an input of one shape at a small size
// and at eight times that size, checks the records of both with
// checkRecords, and asserts that the larger takes at most about eight times
// as long as the smaller. No test sets a time limit: only the ratio of two
// sizes of the same shape, measured in the same test, is asserted, so a
// slow machine does not fail them but quadratic work does (it makes the
// ratio 64). Time is the process's CPU time (cpuClock), so that other
// processes busy on the machine's cores do not disturb the ratio either.

// linearSlack is how much slower than linear the larger input may be: the
// larger input may take (size ratio) × (1 + linearSlack) times as long.
// Cache misses and GC make large inputs somewhat slower per byte; a
// quadratic step makes them 8× slower per byte.
const linearSlack = 3.0

// scale is the size factor between the two inputs of a linearity test.
const scale = 8

var processStart = time.Now()

// wallClock is the wall-clock time since the tests started.
func wallClock() time.Duration { return time.Since(processStart) }

// extractTime returns the least CPU time (see cpuClock) of runs extractions
// of s.
//
// Every run reuses the working memory of an untimed first one, as an
// Extractor reuses it from text to text: the times compare the pipeline's
// work, not whether the pool happened to hand over memory already grown to
// the input's size (a first text allocates its tables, in time linear in
// its size too, but with a constant that depends on the garbage collector).
func extractTime(t *testing.T, s string, runs int) time.Duration {
	t.Helper()
	x, work := defaultExtractor, new(scratch)
	if _, err := x.extractWith(context.Background(), work, s); err != nil {
		t.Fatalf("Extract: %v", err)
	}
	best := time.Duration(math.MaxInt64)
	for range runs {
		runtime.GC()
		start := cpuClock()
		if _, err := x.extractWith(context.Background(), work, s); err != nil {
			t.Fatalf("Extract: %v", err)
		}
		best = min(best, cpuClock()-start)
	}
	return best
}

// assertLinear checks that extraction time grows linearly in the input's
// size: gen(n) and gen(scale·n) are timed (the fastest of a few runs, and
// more rounds only when the first does not pass, to resist noise), and the
// ratio of times must be within (1 + linearSlack) of the ratio of sizes.
// Both inputs are checked with checkRecords. It returns the larger input's
// records.
func assertLinear(t *testing.T, gen func(n int) string, n int) []Record {
	t.Helper()
	if testing.Short() {
		n = max(1, n/scale)
	}
	small, large := gen(n), gen(scale*n)
	var recs []Record
	for _, in := range []string{small, large} {
		var err error
		recs, err = Extract(in)
		if err != nil {
			t.Fatalf("Extract(%d bytes): %v", len(in), err)
		}
		checkRecords(t, in, recs)
	}
	sizeRatio := float64(len(large)) / float64(len(small))
	limit := sizeRatio * (1 + linearSlack)
	ts, tl := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	ratio := math.Inf(1)
	for round := 0; round < 3 && ratio > limit; round++ {
		ts = min(ts, extractTime(t, small, 5))
		tl = min(tl, extractTime(t, large, 1))
		ratio = float64(tl) / float64(max(ts, time.Microsecond))
	}
	t.Logf("linearity: %d bytes in %v, %d bytes in %v: time ×%.1f for size ×%.1f (limit ×%.1f)",
		len(small), ts, len(large), tl, ratio, sizeRatio, limit)
	if ratio > limit {
		t.Errorf("super-linear: %d → %d bytes (×%.1f) took %v → %v (×%.1f, limit ×%.1f)",
			len(small), len(large), sizeRatio, ts, tl, ratio, limit)
	}
	return recs
}

func repeat(unit string) func(n int) string {
	return func(n int) string { return strings.Repeat(unit, n) }
}

// article is one of the bundled articles, for shapes built from real text.
func article(t *testing.T) string {
	return articleCorpus(t)["politik-skolereform.txt"]
}

// allArticles is the bundled articles joined by blank lines, in name order.
func allArticles(t *testing.T) string {
	c := articleCorpus(t)
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(c[n])
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestUnbalancedMarks: 10,000 quote marks that never close, and leading
// dashes, bare and among words, in one paragraph and in many.
func TestUnbalancedMarks(t *testing.T) {
	const n = 10000 / scale
	for _, m := range []string{"»", "«", "\"", "„", "“", "”"} {
		t.Run(m, func(t *testing.T) {
			t.Run("bare", func(t *testing.T) { assertLinear(t, repeat(m), n) })
			t.Run("spaced", func(t *testing.T) { assertLinear(t, repeat(m+" "), n) })
			t.Run("words", func(t *testing.T) { assertLinear(t, repeat(m+"Vi vinder i dag, "), n) })
			t.Run("sentences", func(t *testing.T) {
				assertLinear(t, repeat(m+"Det er godt. Hun siger: "+m+"Ja, "+m+"siger Anne Holm til DR. "), n)
			})
			t.Run("paragraphs", func(t *testing.T) { assertLinear(t, repeat(m+"Vi vinder, siger hun.\n\n"), n) })
			t.Run("lines", func(t *testing.T) { assertLinear(t, repeat(m+"Vi vinder\n"), n) })
		})
	}
	for _, d := range []string{"-", "–", "—"} {
		t.Run("dash"+d, func(t *testing.T) {
			t.Run("bare", func(t *testing.T) { assertLinear(t, repeat(d+" "), n) })
			t.Run("one paragraph", func(t *testing.T) { assertLinear(t, repeat(d+" Vi vinder, siger hun. "), n) })
			t.Run("paragraphs", func(t *testing.T) { assertLinear(t, repeat(d+" Vi vinder, siger hun.\n\n"), n) })
			t.Run("untailed", func(t *testing.T) { assertLinear(t, repeat(d+" Vi vinder i morgen.\n\n"), n) })
			t.Run("lines", func(t *testing.T) { assertLinear(t, repeat(d+"\n"), n) })
		})
	}
}

// TestManyQuotesOneParagraph: one paragraph of many short or empty quotes
// between sentence ends that are not periods, so that every quote starts a
// sentence and no period stops a scan of the rest of the paragraph (once
// quadratic in quote.standalone).
func TestManyQuotesOneParagraph(t *testing.T) {
	const n = 40000 / scale
	for _, unit := range []string{"»« … ", "\"\" … ", "»a b c« … ", "»Vi vinder i dag« … ", "„ja“ … ", "Hun kalder det »« ", "»a« ; "} {
		t.Run(unit, func(t *testing.T) { assertLinear(t, repeat(unit), n) })
	}
}

// TestLongParagraph: a paragraph of 10 MB with no sentence end, of plain
// words and of article text with its sentence ends and line ends removed
// (quote marks, commas, names and reporting verbs left in).
func TestLongParagraph(t *testing.T) {
	const size = 10 << 20
	t.Run("words", func(t *testing.T) {
		unit := "ord og flere ord "
		assertLinear(t, repeat(unit), size/len(unit)/scale)
	})
	t.Run("run-on article", func(t *testing.T) {
		unit := strings.NewReplacer(".", "", "!", "", "?", "", "…", "", "\n", " ", ":", "").Replace(allArticles(t))
		assertLinear(t, repeat(unit), size/len(unit)/scale)
	})
}

// TestManyParagraphs: 100,000 short paragraphs, all alike and of the kinds
// an article mixes (quotes, questions, pick-ups, claims, source lines).
func TestManyParagraphs(t *testing.T) {
	const n = 100000 / scale
	t.Run("short", func(t *testing.T) { assertLinear(t, repeat("Hej.\n\n"), n) })
	t.Run("words", func(t *testing.T) { assertLinear(t, repeat("Ord\n\n"), n) })
	t.Run("one per line", func(t *testing.T) { assertLinear(t, repeat("Vi vinder i dag\n"), n) })
	mixed := []string{
		"- Vi vinder, siger Anne Holm.",
		"Hvad nu?",
		"- Det ved jeg ikke.",
		"»Det er slut,« siger han til DR.",
		"Det siger ministeren.",
		"Ifølge Reuters er det slut.",
		"Han siger, at det er \"helt fint\".",
		"Direktør Bo Lund om sagen:",
		"»Vi er glade for aftalen med kommunen.«",
		"(Ritzau)",
		"Hun kalder det »ærgerligt«.",
		"Der er ingen fare, lyder det fra politiet.",
	}
	t.Run("mixed", func(t *testing.T) {
		assertLinear(t, func(n int) string {
			var b strings.Builder
			for i := range n {
				b.WriteString(mixed[i%len(mixed)])
				b.WriteString("\n\n")
			}
			return b.String()
		}, n)
	})
	t.Run("articles", func(t *testing.T) {
		all := allArticles(t)
		assertLinear(t, repeat(all), max(1, n/strings.Count(all, "\n\n")))
	})
}

// TestDistinctNames: many different people, each named once and then
// referred to by role and pronoun.
func TestDistinctNames(t *testing.T) {
	assertLinear(t, func(n int) string {
		var b strings.Builder
		for i := range n {
			name := fmt.Sprintf("Anne %s", syllables(i))
			fmt.Fprintf(&b, "Direktør %s siger, at det går godt.\n\n»Vi er glade,« siger direktøren.\n\n- Det er fint, siger hun.\n\n", name)
		}
		return b.String()
	}, 400)
}

// syllables gives a distinct capitalised surname for each i.
func syllables(i int) string {
	parts := []string{"ba", "ke", "lo", "mu", "ni", "po", "ra", "si", "tu", "ve"}
	var b strings.Builder
	for {
		b.WriteString(parts[i%len(parts)])
		i /= len(parts)
		if i == 0 {
			break
		}
	}
	s := b.String() + "sen"
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// TestNestedQuotes: quotes nested deeply, in one family and in all.
func TestNestedQuotes(t *testing.T) {
	const n = 5000 / scale
	nest := func(open, close string) func(int) string {
		return func(n int) string {
			return "»Hun sagde: " + strings.Repeat(open+"ord ", n) + "midt" + strings.Repeat(" ord"+close, n) + ",« siger han."
		}
	}
	t.Run("guillemets", func(t *testing.T) { assertLinear(t, nest("»", "«"), n) })
	t.Run("mixed families", func(t *testing.T) { assertLinear(t, nest("»„“‘\"", "\"’”“«"), n) })
	t.Run("unclosed", func(t *testing.T) { assertLinear(t, nest("»„“\"", ""), n) })
	t.Run("closers only", func(t *testing.T) { assertLinear(t, nest("", "«“”\"’"), n) })
	t.Run("across paragraphs", func(t *testing.T) {
		assertLinear(t, repeat("»Første del af citatet\n\n»anden del „med indre\n\n„og endnu mere "), n)
	})
}

// quoteMarks and dashes lists every Unicode character of the quotation and
// dash categories, and a few that look like them.
func unicodePunct(t *testing.T) (quotes, dashes []rune) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch {
		case unicode.Is(unicode.Quotation_Mark, r) || unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Pf, r):
			quotes = append(quotes, r)
		case unicode.Is(unicode.Dash, r) || unicode.Is(unicode.Pd, r):
			dashes = append(dashes, r)
		}
	}
	quotes = append(quotes, '`', '´', '′', '″', '〃', '\u02bc')
	dashes = append(dashes, '\u00ad', '‐', '‑', '⁃', '−', '─', '━')
	if len(quotes) < 20 || len(dashes) < 20 {
		t.Fatalf("only %d quote marks and %d dashes", len(quotes), len(dashes))
	}
	return quotes, dashes
}

// TestEveryQuoteAndDash: every Unicode quote mark and dash, as the opening
// and closing mark of a quote and as a paragraph's leading dash.
func TestEveryQuoteAndDash(t *testing.T) {
	quotes, dashes := unicodePunct(t)
	var unit strings.Builder
	for _, q := range quotes {
		for _, c := range quotes {
			fmt.Fprintf(&unit, "%cVi vinder%c, siger hun. ", q, c)
		}
		fmt.Fprintf(&unit, "Han siger: %cJa.%c\n\n%c%c%c\n\n", q, q, q, q, q)
	}
	for _, d := range dashes {
		fmt.Fprintf(&unit, "%c Vi vinder, siger hun.\n\n%c%c Nej.\n\n%c\n\n", d, d, d, d)
	}
	assertLinear(t, repeat(unit.String()), 4)
}

// TestControlCharacters: NUL bytes and every C0 and C1 control character
// inside article text, and nothing but them.
func TestControlCharacters(t *testing.T) {
	var ctl strings.Builder
	for r := rune(0); r < 0xa0; r++ {
		if unicode.IsControl(r) {
			ctl.WriteRune(r)
		}
	}
	art := article(t)
	t.Run("only", func(t *testing.T) { assertLinear(t, repeat(ctl.String()), 20000/scale) })
	t.Run("nul", func(t *testing.T) { assertLinear(t, repeat("\x00"), 100000/scale) })
	t.Run("in text", func(t *testing.T) {
		var b strings.Builder
		for i, w := range strings.SplitAfter(art, " ") {
			b.WriteString(w)
			if i%3 == 0 {
				b.WriteByte(byte(i % 32))
			}
		}
		assertLinear(t, repeat(b.String()), 40)
	})
}

// TestLineEnds: CR LF and lone CR line ends give the records that LF gives,
// at the offsets of the caller's text.
func TestLineEnds(t *testing.T) {
	for name, text := range articleCorpus(t) {
		lf, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		for eol, in := range map[string]string{
			"CRLF":   strings.ReplaceAll(text, "\n", "\r\n"),
			"CR":     strings.ReplaceAll(text, "\n", "\r"),
			"mixed":  mixEOL(text),
			"LFCR":   strings.ReplaceAll(text, "\n", "\n\r"),
			"spaces": strings.ReplaceAll(text, "\n", " \t\n"),
		} {
			recs, err := Extract(in)
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, in, recs)
			if eol == "LFCR" {
				continue // "\n\r\n\r" holds a lone CR after an LF, not the same paragraphs
			}
			if got, want := texts(recs), texts(lf); !slices.Equal(got, want) {
				t.Errorf("%s with %s line ends: %d records %q, with LF %d records %q", name, eol, len(got), got, len(want), want)
			}
		}
	}
	t.Run("linear CRLF", func(t *testing.T) {
		assertLinear(t, repeat(strings.ReplaceAll(article(t), "\n", "\r\n")), 20)
	})
	t.Run("linear CR", func(t *testing.T) { assertLinear(t, repeat(strings.ReplaceAll(article(t), "\n", "\r")), 20) })
	t.Run("linear bare CR", func(t *testing.T) { assertLinear(t, repeat("\r"), 100000/scale) })
}

// mixEOL gives each line end of text one of the three forms in turn,
// keeping each blank line in one form.
func mixEOL(text string) string {
	forms := []string{"\n", "\r\n", "\r"}
	var b strings.Builder
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			f := forms[i%3]
			b.WriteString(f + f)
		}
		b.WriteString(strings.ReplaceAll(para, "\n", forms[(i+1)%3]))
	}
	return b.String()
}

func texts(recs []Record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = strings.NewReplacer("\r\n", "\n", "\r", "\n", " \t\n", "\n").Replace(r.Text)
	}
	return out
}

// TestBOM: a byte order mark before the text shifts every offset by its
// three bytes and changes nothing else.
func TestBOM(t *testing.T) {
	for name, text := range articleCorpus(t) {
		plain, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		in := "\ufeff" + text
		recs, err := Extract(in)
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, in, recs)
		if len(recs) != len(plain) {
			t.Errorf("%s: %d records with a BOM, %d without", name, len(recs), len(plain))
			continue
		}
		for i := range recs {
			if recs[i].Start != plain[i].Start+3 || recs[i].Text != plain[i].Text || recs[i].SpeakerName() != plain[i].SpeakerName() {
				t.Errorf("%s record %d: with a BOM %d %q (%s), without %d %q (%s)", name, i,
					recs[i].Start, recs[i].Text, recs[i].SpeakerName(), plain[i].Start, plain[i].Text, plain[i].SpeakerName())
			}
		}
	}
	t.Run("BOM everywhere", func(t *testing.T) {
		assertLinear(t, repeat("\ufeff- Vi\ufeff vinder, siger\ufeff hun.\ufeff\n\n\ufeff"), 2000)
	})
}

// overlay writes ø and Ø with a combining overlay (o + U+0338) and æ as
// "ae" with an accent, as some feeds do. It is not NFD (æ and ø have no
// canonical decomposition), so the words it touches are not the same words,
// but it stresses the same code.
var overlay = strings.NewReplacer("ø", "o\u0338", "Ø", "O\u0338", "æ", "ae\u0301")

// TestNFD: decomposed letters change no offset rule: every offset indexes
// the caller's (decomposed) bytes, and NFD text gives the quotes of the
// precomposed text, decomposed.
func TestNFD(t *testing.T) {
	for name, text := range articleCorpus(t) {
		plain, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		in := norm.NFD.String(text)
		if in == text {
			t.Fatalf("%s: NFD changed nothing", name)
		}
		recs, err := Extract(in)
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, in, recs)
		// Every quote of the decomposed text is a quote of the precomposed
		// text, decomposed, and no direct quote is lost. (Reported speech
		// may be: the verb lexicon compares bytes, so "peger på" with a
		// decomposed å is not the particle verb "peger på".)
		want := map[string]Kind{}
		for _, p := range plain {
			want[p.Text] = p.Kind
		}
		for _, r := range recs {
			if k, ok := want[norm.NFC.String(r.Text)]; !ok || k != r.Kind {
				t.Errorf("%s: decomposed text gives %v %q, not a quote of the precomposed text", name, r.Kind, r.Text)
			}
		}
		if direct(recs) != direct(plain) {
			t.Errorf("%s: %d direct quotes decomposed, %d precomposed", name, direct(recs), direct(plain))
		}
		in = overlay.Replace(in)
		recs, err = Extract(in)
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, in, recs)
	}
	t.Run("linear", func(t *testing.T) { assertLinear(t, repeat(norm.NFD.String(allArticles(t))), 8) })
	t.Run("linear overlay", func(t *testing.T) { assertLinear(t, repeat(overlay.Replace(norm.NFD.String(allArticles(t)))), 8) })
	t.Run("stacked marks", func(t *testing.T) {
		// One letter carrying a long run of combining marks.
		assertLinear(t, repeat("- A"+strings.Repeat("\u030a\u0301\u0308", 50)+" siger, siger Å"+strings.Repeat("\u0338", 30)+"se.\n\n"), 300)
	})
}

func direct(recs []Record) int {
	n := 0
	for _, r := range recs {
		if r.Kind == Direct {
			n++
		}
	}
	return n
}

// TestMixedScripts: names, quotes and attributions in other scripts, right
// to left text, emoji sequences and characters outside the BMP.
func TestMixedScripts(t *testing.T) {
	unit := strings.Join([]string{
		"- Мы победим, siger Иван Петров til ТАСС.",
		"»Ἐν ἀρχῇ ἦν ὁ λόγος,« siger Σωκράτης Παπαδόπουλος.",
		"Ifølge الجزيرة قال محمد علي إن الوضع هادئ.",
		"Han siger, at 李明 og 王芳 er enige om 协议.",
		"»שלום עליכם,« siger דוד כהן\u200f til DR.",
		"- 👩‍👩‍👧‍👦 er familien, siger Anne 😀 Holm. 🇩🇰",
		"Devanagari: »नमस्ते दुनिया,« siger राम शर्मा.",
		"𝔄𝔫𝔫𝔢 𝔥𝔬𝔩𝔪 siger, at 𝟏𝟐𝟑 er et tal.",
		"Det siger ɐuuɐ ɯloɥ til Ⓡⓘⓣⓩⓐⓤ.",
	}, "\n\n") + "\n\n"
	recs := assertLinear(t, repeat(unit), 200)
	if len(recs) == 0 {
		t.Error("no quotes in mixed scripts")
	}
}
