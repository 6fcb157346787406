package main

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

// svgDoc is the part of the chart the tests read back.
type svgDoc struct {
	XMLName xml.Name  `xml:"svg"`
	Width   string    `xml:"width,attr"`
	Texts   []svgText `xml:"text"`
	Bars    []svgBar  `xml:"g"`
}

type svgText struct {
	Class string `xml:"class,attr"`
	Value string `xml:",chardata"`
}

type svgBar struct {
	Class  string    `xml:"class,attr"`
	Source string    `xml:"data-source,attr"`
	Count  int       `xml:"data-count,attr"`
	Title  string    `xml:"title"`
	Texts  []svgText `xml:"text"`
	Rects  []svgRect `xml:"rect"`
}

type svgRect struct {
	Class string  `xml:"class,attr"`
	Count int     `xml:"data-count,attr"`
	X     float64 `xml:"x,attr"`
	Width float64 `xml:"width,attr"`
	Fill  string  `xml:"fill,attr"`
}

func (b svgBar) text(class string) string {
	for _, t := range b.Texts {
		if t.Class == class {
			return t.Value
		}
	}
	return ""
}

func parseSVG(t *testing.T, data []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, data)
	}
	if doc.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("root namespace %q", doc.XMLName.Space)
	}
	return doc
}

func TestRunWritesCSVAndSVG(t *testing.T) {
	tmp := t.TempDir()
	csvPath, svgPath := filepath.Join(tmp, "sources.csv"), filepath.Join(tmp, "sources.svg")
	var out bytes.Buffer
	if err := run([]string{"-csv", csvPath, "-svg", svgPath}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	stdout := out.String()

	// The total must match what the library extracts from the corpus.
	dir, err := corpus.Dir("")
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	want := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := citat.Extract(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		want += len(recs)
	}
	for _, s := range []string{
		"1. Found 10 articles",
		"2. Extracted " + strconv.Itoa(want) + " quotes",
		"3. Quotes by source",
		"by kind of source: ",
		"by kind of quote:  direct ",
		"5. Speakers relayed by each source",
		"6. Wrote the counts as CSV to " + csvPath,
		"7. Wrote a bar chart of ",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("stdout lacks %q", s)
		}
	}
	if !strings.Contains(stdout, "   Ritzau: ") || !strings.Contains(stdout, "Maria Lindholt") {
		t.Errorf("Ritzau's speakers missing")
	}

	// CSV: a header, one row per source, then (no source) and (total).
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	head := strings.Join(rows[0], ",")
	if head != "source,source_kind,quotes,direct,indirect,according,mixed,carried_over,speakers" {
		t.Fatalf("CSV header %q", head)
	}
	bySource := map[string][]string{}
	sum := 0
	for _, r := range rows[1:] {
		bySource[r[0]] = r
		n := atoi(t, r[2])
		k := atoi(t, r[3]) + atoi(t, r[4]) + atoi(t, r[5]) + atoi(t, r[6])
		if k != n {
			t.Errorf("%s: kinds add up to %d, quotes %d", r[0], k, n)
		}
		if r[0] != "(total)" {
			sum += n
		}
	}
	if got := atoi(t, bySource["(total)"][2]); got != want || sum != want {
		t.Errorf("total %d, rows sum to %d, want %d", got, sum, want)
	}
	// Gold-backed facts: Ritzau is an agency and relays the prosecutor;
	// Børsen is a newspaper and relays Karina Dalsgaard.
	for _, c := range []struct{ source, kind, speaker string }{
		{"Ritzau", "agency", "Maria Lindholt"},
		{"Børsen", "newspaper", "Karina Dalsgaard"},
		{"DR", "broadcaster", "Kasper Lyngbæk"},
		{"Reuters", "agency", "Pieter Vandermolen"},
	} {
		r := bySource[c.source]
		if r == nil {
			t.Errorf("no CSV row for %s", c.source)
			continue
		}
		if r[1] != c.kind || !strings.Contains(r[8], c.speaker) {
			t.Errorf("%s row %q, want kind %s and speaker %s", c.source, r, c.kind, c.speaker)
		}
	}

	// SVG: one bar per named source, labelled, with a width proportional to
	// its count and segments that add up to it.
	data, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, data)
	if len(doc.Bars) != len(rows)-3 {
		t.Fatalf("%d bars, want %d (one per source)", len(doc.Bars), len(rows)-3)
	}
	scale := 0.0
	for i, b := range doc.Bars {
		if b.Class != "bar" {
			t.Errorf("bar %d class %q", i, b.Class)
		}
		r := bySource[b.Source]
		if r == nil {
			t.Errorf("bar for %q has no CSV row", b.Source)
			continue
		}
		if b.Count != atoi(t, r[2]) || b.text("count") != r[2] {
			t.Errorf("%s: bar count %d / %q, CSV %s", b.Source, b.Count, b.text("count"), r[2])
		}
		if b.text("label") != b.Source {
			t.Errorf("bar label %q, want %q", b.text("label"), b.Source)
		}
		if !strings.HasPrefix(b.Title, b.Source+" (") {
			t.Errorf("bar title %q", b.Title)
		}
		if i > 0 && b.Count > doc.Bars[i-1].Count {
			t.Errorf("bars not sorted by count: %s after %s", b.Source, doc.Bars[i-1].Source)
		}
		segs, width := 0, 0.0
		for _, rc := range b.Rects {
			if !strings.HasPrefix(rc.Class, "seg ") || rc.Fill == "" {
				t.Errorf("%s: rect class %q fill %q", b.Source, rc.Class, rc.Fill)
			}
			segs += rc.Count
			width += rc.Width
		}
		if segs != b.Count {
			t.Errorf("%s: segments sum to %d, count %d", b.Source, segs, b.Count)
		}
		if i == 0 {
			scale = width / float64(b.Count)
			if math.Abs(width-barMax) > 0.5 {
				t.Errorf("longest bar is %.1f wide, want %d", width, barMax)
			}
		} else if math.Abs(width-scale*float64(b.Count)) > 0.5 {
			t.Errorf("%s: width %.1f not proportional to %d", b.Source, width, b.Count)
		}
	}
	if doc.Bars[0].Source != "Ritzau" {
		t.Logf("note: the most quoted source is now %s", doc.Bars[0].Source)
	}
	title := false
	for _, tx := range doc.Texts {
		title = title || (tx.Class == "title" && tx.Value == "Quotes per source")
	}
	if !title {
		t.Error("chart title missing")
	}
}

func TestRunPrintsCSVWithoutFlags(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	_, after, ok := strings.Cut(s, "6. The counts as CSV (use -csv FILE to write a file)\n")
	if !ok {
		t.Fatalf("no CSV section:\n%s", s)
	}
	section, _, _ := strings.Cut(after, "\n\n")
	rows, err := csv.NewReader(strings.NewReader(section)).ReadAll()
	if err != nil {
		t.Fatalf("CSV section: %v\n%s", err, section)
	}
	if rows[0][0] != "source" || rows[len(rows)-1][0] != "(total)" || rows[len(rows)-2][0] != "(no source)" {
		t.Errorf("CSV rows: first %q, last two %q %q", rows[0], rows[len(rows)-2], rows[len(rows)-1])
	}
	if !strings.Contains(s, "7. No chart: pass -svg FILE") {
		t.Error("chart step missing")
	}
}

// TestSVGEscapes draws names with XML metacharacters; the result must stay
// well-formed and the labels must read back unchanged.
func TestSVGEscapes(t *testing.T) {
	names := []string{`<B&O "Nyt">`, "Ålborg's Avis", "]]>"}
	var stats []*sourceStat
	for i, n := range names {
		stats = append(stats, &sourceStat{Name: n, Kind: "medium & co", Total: 3 - i,
			ByKind: map[citat.Kind]int{citat.Direct: 3 - i}})
	}
	var buf bytes.Buffer
	if err := writeSVG(&buf, stats, 7); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `<B&O`) {
		t.Error("raw markup in the SVG")
	}
	doc := parseSVG(t, buf.Bytes())
	if len(doc.Bars) != len(names) {
		t.Fatalf("%d bars", len(doc.Bars))
	}
	for i, b := range doc.Bars {
		if b.Source != names[i] || b.text("label") != names[i] {
			t.Errorf("bar %d: data-source %q label %q, want %q", i, b.Source, b.text("label"), names[i])
		}
		if !strings.Contains(b.Title, "medium & co") {
			t.Errorf("title %q", b.Title)
		}
	}
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-dir", t.TempDir()}, &out); err == nil {
		t.Error("empty folder: no error")
	}
	if err := run([]string{"-svg", filepath.Join(t.TempDir(), "no", "such", "dir.svg")}, &out); err == nil {
		t.Error("unwritable -svg: no error")
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}
