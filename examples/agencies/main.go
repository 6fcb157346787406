// Agencies: which media and news agencies do the quotes of a corpus come
// through, and whom do they relay?
//
// The program extracts the quotes of every article in a folder, counts them
// by source (Ritzau, DR, Børsen …), by kind of source (agency, broadcaster,
// newspaper …) and by kind of quote (direct, indirect, according, mixed),
// lists the speakers each source relays, writes the counts as CSV and draws
// them as an SVG bar chart.
//
// Run it from the repository root:
//
//	go run ./examples/agencies
//	go run ./examples/agencies -csv /tmp/sources.csv -svg /tmp/sources.svg
//	go run ./examples/agencies -dir path/to/articles
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "agencies:", err)
		os.Exit(1)
	}
}

// kinds are the quote kinds in the order of the CSV columns and the chart.
var kinds = []citat.Kind{citat.Direct, citat.Indirect, citat.According, citat.Mixed}

// noSource labels the quotes that name no medium.
const noSource = "(no source)"

// sourceStat counts the quotes of one source.
type sourceStat struct {
	Name      string
	Kind      string             // agency, broadcaster, newspaper, online, social, medium
	Total     int                // quotes
	ByKind    map[citat.Kind]int // quotes by quote kind
	Inherited int                // quotes whose source was carried over from an earlier quote
	Speakers  []string           // who the source relays, in Danish order
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("agencies", flag.ContinueOnError)
	fs.SetOutput(stdout)
	dir := fs.String("dir", "", "folder of .txt articles (default: testdata/articles, found from the working directory upwards)")
	csvPath := fs.String("csv", "", "write the counts as CSV to this file (default: print them)")
	svgPath := fs.String("svg", "", "write an SVG bar chart of quotes per source to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	// Step 1. Find the corpus: every .txt file of the folder.
	folder, paths, err := corpus.Articles(*dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "1. Found %d articles in %s\n", len(paths), folder)

	// Step 2. Extract every article's quotes with one shared Extractor.
	x := citat.MustNew()
	var recs []citat.Record
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rs, err := x.Extract(string(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		recs = append(recs, rs...)
	}
	stats, none, total := count(recs)
	fmt.Fprintf(stdout, "2. Extracted %d quotes; %d name a source, %d do not\n\n", total.Total, total.Total-none.Total, none.Total)

	// Step 3. Quotes by source, most quoted first. "carried" counts quotes
	// whose source was named in an earlier quote of the same speaker
	// ("siger hun til DR" … "- Vi …, siger hun").
	fmt.Fprintln(stdout, "3. Quotes by source")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "   SOURCE\tKIND\tQUOTES\tdirect\tindirect\taccording\tmixed\tcarried")
	for _, s := range append(append(stats[:len(stats):len(stats)], none), total) {
		fmt.Fprintf(tw, "   %s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\n", s.Name, s.Kind, s.Total,
			s.ByKind[citat.Direct], s.ByKind[citat.Indirect], s.ByKind[citat.According], s.ByKind[citat.Mixed], s.Inherited)
	}
	tw.Flush()
	fmt.Fprintln(stdout)

	// Step 4. The same quotes by kind of source and by kind of quote.
	fmt.Fprintln(stdout, "4. Quotes by kind")
	bySourceKind := map[string]int{}
	for _, s := range stats {
		bySourceKind[s.Kind] += s.Total
	}
	skinds := make([]string, 0, len(bySourceKind))
	for k := range bySourceKind {
		skinds = append(skinds, k)
	}
	sort.Slice(skinds, func(i, j int) bool {
		if bySourceKind[skinds[i]] != bySourceKind[skinds[j]] {
			return bySourceKind[skinds[i]] > bySourceKind[skinds[j]]
		}
		return skinds[i] < skinds[j]
	})
	var parts []string
	for _, k := range skinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, bySourceKind[k]))
	}
	fmt.Fprintf(stdout, "   by kind of source: %s, none %d\n", strings.Join(parts, ", "), none.Total)
	parts = parts[:0]
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, total.ByKind[k]))
	}
	fmt.Fprintf(stdout, "   by kind of quote:  %s\n\n", strings.Join(parts, ", "))

	// Step 5. Whom each source relays. Unnamed speakers appear as their
	// description in parentheses.
	fmt.Fprintln(stdout, "5. Speakers relayed by each source")
	for _, s := range stats {
		who := strings.Join(s.Speakers, ", ")
		if who == "" {
			who = "(nobody named or described)"
		}
		fmt.Fprintf(stdout, "   %s: %s\n", s.Name, who)
	}
	fmt.Fprintln(stdout)

	// Step 6. The counts as CSV: one row per source, then the quotes with
	// no source and the total (its speaker list left empty), with the
	// speakers separated by "; ".
	total.Speakers = nil
	rows := append(append(stats[:len(stats):len(stats)], none), total)
	if *csvPath != "" {
		if err := writeFile(*csvPath, func(w io.Writer) error { return writeCSV(w, rows) }); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "6. Wrote the counts as CSV to %s (%d rows)\n", *csvPath, len(rows)+1)
	} else {
		fmt.Fprintln(stdout, "6. The counts as CSV (use -csv FILE to write a file)")
		if err := writeCSV(stdout, rows); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout)

	// Step 7. An SVG bar chart: one bar per source, split by quote kind.
	if *svgPath != "" {
		if err := writeFile(*svgPath, func(w io.Writer) error { return writeSVG(w, stats, none.Total) }); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "7. Wrote a bar chart of %d sources to %s\n", len(stats), *svgPath)
	} else {
		fmt.Fprintln(stdout, "7. No chart: pass -svg FILE to draw one")
	}
	return nil
}

// count groups records by source. It returns the named sources (most quotes
// first, ties in Danish order), the quotes without a source, and the total.
func count(recs []citat.Record) (stats []*sourceStat, none, total *sourceStat) {
	col := collate.New(language.Danish)
	bySource := map[string]*sourceStat{}
	speakers := map[*sourceStat]map[string]bool{}
	none = &sourceStat{Name: noSource, ByKind: map[citat.Kind]int{}}
	total = &sourceStat{Name: "(total)", ByKind: map[citat.Kind]int{}}
	speakers[none], speakers[total] = map[string]bool{}, map[string]bool{}
	// Every record counts towards its source (or none) and the total.
	for _, r := range recs {
		s := none
		if r.Source != nil {
			s = bySource[r.Source.Name]
			if s == nil {
				s = &sourceStat{Name: r.Source.Name, Kind: r.Source.Kind, ByKind: map[citat.Kind]int{}}
				bySource[r.Source.Name] = s
				speakers[s] = map[string]bool{}
				stats = append(stats, s)
			}
		}
		for _, t := range []*sourceStat{s, total} {
			t.Total++
			t.ByKind[r.Kind]++
			if r.Source != nil && r.Source.Inherited {
				t.Inherited++
			}
			if sp := speakerLabel(r); sp != "" {
				speakers[t][sp] = true
			}
		}
	}
	for s, set := range speakers {
		for n := range set {
			s.Speakers = append(s.Speakers, n)
		}
		sort.Slice(s.Speakers, func(i, j int) bool { return col.CompareString(s.Speakers[i], s.Speakers[j]) < 0 })
	}
	sort.Slice(stats, func(i, j int) bool {
		if stats[i].Total != stats[j].Total {
			return stats[i].Total > stats[j].Total
		}
		return col.CompareString(stats[i].Name, stats[j].Name) < 0
	})
	return stats, none, total
}

func speakerLabel(r citat.Record) string {
	if n := r.SpeakerName(); n != "" {
		return n
	}
	if r.Speaker != nil && r.Speaker.Description != "" {
		return "(" + r.Speaker.Description + ")"
	}
	return ""
}

// writeCSV writes a header and one row per stat.
func writeCSV(w io.Writer, rows []*sourceStat) error {
	cw := csv.NewWriter(w)
	head := []string{"source", "source_kind", "quotes"}
	for _, k := range kinds {
		head = append(head, k.String())
	}
	head = append(head, "carried_over", "speakers")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, s := range rows {
		rec := []string{s.Name, s.Kind, strconv.Itoa(s.Total)}
		for _, k := range kinds {
			rec = append(rec, strconv.Itoa(s.ByKind[k]))
		}
		rec = append(rec, strconv.Itoa(s.Inherited), strings.Join(s.Speakers, "; "))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Chart geometry, in SVG user units.
const (
	chartWidth = 760
	labelWidth = 190 // left column for source names
	barMax     = 480 // width of the longest bar
	rowHeight  = 28
	barHeight  = 18
	topMargin  = 70
)

// kindColour is the fill of each quote kind's segment.
var kindColour = map[citat.Kind]string{
	citat.Direct:    "#1f77b4",
	citat.Indirect:  "#ff7f0e",
	citat.According: "#2ca02c",
	citat.Mixed:     "#9467bd",
}

// writeSVG draws one horizontal bar per source, split into segments by
// quote kind, with the source name on the left and the count on the right.
// Every piece of text is escaped. Each bar is a <g class="bar"> with
// data-source and data-count attributes so tools (and tests) can read it.
func writeSVG(w io.Writer, stats []*sourceStat, unsourced int) error {
	maxTotal := 1
	for _, s := range stats {
		maxTotal = max(maxTotal, s.Total)
	}
	height := topMargin + len(stats)*rowHeight + 40
	var b strings.Builder
	esc := html.EscapeString // escapes < > & ' " as XML-valid entities
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="13">`+"\n",
		chartWidth, height, chartWidth, height)
	fmt.Fprintf(&b, `<title>Quotes per source</title>`+"\n")
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text class="title" x="16" y="26" font-size="17" font-weight="bold">Quotes per source</text>`+"\n")
	fmt.Fprintf(&b, `<text class="subtitle" x="16" y="46" fill="#555">%s</text>`+"\n",
		esc(fmt.Sprintf("%d sources; %d quotes without a named source are not shown", len(stats), unsourced)))
	// Legend.
	lx := labelWidth
	for _, k := range kinds {
		fmt.Fprintf(&b, `<rect class="legend" x="%d" y="54" width="10" height="10" fill="%s"/><text x="%d" y="63" font-size="11">%s</text>`+"\n",
			lx, kindColour[k], lx+14, esc(k.String()))
		lx += 90
	}
	for i, s := range stats {
		y := topMargin + i*rowHeight
		fmt.Fprintf(&b, `<g class="bar" data-source="%s" data-count="%d">`+"\n", esc(s.Name), s.Total)
		fmt.Fprintf(&b, `  <title>%s</title>`+"\n", esc(fmt.Sprintf("%s (%s): %d quotes", s.Name, s.Kind, s.Total)))
		fmt.Fprintf(&b, `  <text class="label" x="%d" y="%d" text-anchor="end">%s</text>`+"\n",
			labelWidth-8, y+barHeight-4, esc(s.Name))
		x := float64(labelWidth)
		for _, k := range kinds {
			n := s.ByKind[k]
			if n == 0 {
				continue
			}
			wd := float64(n) * barMax / float64(maxTotal)
			fmt.Fprintf(&b, `  <rect class="seg %s" data-count="%d" x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n",
				esc(k.String()), n, x, y, wd, barHeight, kindColour[k])
			x += wd
		}
		fmt.Fprintf(&b, `  <text class="count" x="%.1f" y="%d">%d</text>`+"\n", x+6, y+barHeight-4, s.Total)
		fmt.Fprintf(&b, "</g>\n")
	}
	fmt.Fprintf(&b, "</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFile creates path and fills it with write.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
