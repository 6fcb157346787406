package main

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/render"
)

// formats are the output formats of -format, the first the default.
var formats = []string{"text", "json", "jsonl", "csv", "claimreview", "html"}

// writeFormat writes the records of one article in format. name is the
// article's file name, for the HTML title when the text has no headline.
func writeFormat(w io.Writer, format, name, text string, recs []citat.Record) error {
	if recs == nil {
		recs = []citat.Record{}
	}
	switch format {
	case "text":
		return writeTable(w, recs)
	case "json":
		return writeJSONArray(w, recs)
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeCSV(w, recs)
	case "claimreview":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(claims(recs))
	case "html":
		return render.Page(w, pageTitle(name, text), text, recs)
	}
	return fmt.Errorf("unknown format %q", format)
}

// writeJSONArray writes recs as an indented JSON array, byte for byte as
// a json.Encoder with SetIndent("", "  ") would, but a record at a time:
// the Encoder builds the whole array in memory, twice, which for a large
// text took more memory than its analysis.
func writeJSONArray(w io.Writer, recs []citat.Record) error {
	if len(recs) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	buf := []byte("[\n  ")
	for i, r := range recs {
		if i > 0 {
			buf = append(buf, ",\n  "...)
		}
		b, err := json.MarshalIndent(r, "  ", "  ")
		if err != nil {
			return err
		}
		buf = append(buf, b...)
		if _, err := w.Write(buf); err != nil {
			return err
		}
		buf = buf[:0]
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}

func writeTable(w io.Writer, recs []citat.Record) error {
	if len(recs) == 0 {
		_, err := fmt.Fprintln(w, "no quotes found")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tKIND\tSPEAKER\tSOURCE\tBYTES\tQUOTE")
	for i, r := range recs {
		who := r.SpeakerName()
		if who == "" && r.Speaker != nil {
			who = "(" + r.Speaker.Description + ")"
		}
		if who == "" {
			who = "-"
		}
		src := r.SourceName()
		if src == "" {
			src = "-"
		} else if r.Source.Inherited {
			src += " (inherited)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d-%d\t%s\n", i+1, r.Kind, clip(who, 30), src, r.Start, r.End, clip(oneLine(r.Text), 70))
	}
	return tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// csvHeader names the columns of -format csv.
var csvHeader = []string{
	"text", "start", "end", "kind", "cue",
	"speaker_name", "speaker_role", "speaker_party", "speaker_type", "speaker_description",
	"source_name", "source_kind", "source_inherited",
	"negated", "confidence", "paragraph", "evidence",
}

// writeCSV writes a header and one row a record (RFC 4180: fields with
// commas, quotes or line breaks are quoted; lines end in CRLF).
func writeCSV(w io.Writer, recs []citat.Record) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvHeader)
	for _, r := range recs {
		row := make([]string, 0, len(csvHeader))
		cue := ""
		if r.Cue != nil {
			cue = r.Cue.Text
		}
		row = append(row, r.Text, strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Kind.String(), cue)
		if s := r.Speaker; s != nil {
			party := s.Party
			if party == "" {
				party = s.PartyLetter
			}
			row = append(row, s.Name, s.Role, party, s.Type, s.Description)
		} else {
			row = append(row, "", "", "", "", "")
		}
		if s := r.Source; s != nil {
			row = append(row, s.Name, s.Kind, strconv.FormatBool(s.Inherited))
		} else {
			row = append(row, "", "", "")
		}
		row = append(row, strconv.FormatBool(r.Negated), strconv.FormatFloat(r.Confidence, 'f', -1, 64),
			strconv.Itoa(r.Paragraph), strings.Join(r.Evidence, ";"))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// The claimreview format is JSON-LD with schema.org terms. Each record is a
// Claim; its speaker the Claim's author, a Person or Organization (an
// unnamed speaker has only a description; a speaker of unknown type has no
// @type); its source medium the publisher of the Claim's firstAppearance.
// Offsets and the other facts schema.org has no term for are properties in
// the citat: namespace declared in @context.

// citatNS is the IRI of the citat: prefix in claimreview output.
const citatNS = "https://github.com/citat-go/citat#"

type ldDoc struct {
	Context []any     `json:"@context"`
	Graph   []ldClaim `json:"@graph"`
}

type ldClaim struct {
	Type            string   `json:"@type"`
	Text            string   `json:"text"`
	InLanguage      string   `json:"inLanguage"`
	Author          *ldAgent `json:"author,omitempty"`
	FirstAppearance *ldWork  `json:"firstAppearance,omitempty"`
	Start           int      `json:"citat:start"`
	End             int      `json:"citat:end"`
	Kind            string   `json:"citat:kind"`
	Negated         bool     `json:"citat:negated"`
	Confidence      float64  `json:"citat:confidence"`
}

type ldAgent struct {
	Type        string   `json:"@type,omitempty"`
	Name        string   `json:"name,omitempty"`
	JobTitle    string   `json:"jobTitle,omitempty"`
	MemberOf    *ldAgent `json:"memberOf,omitempty"`
	Description string   `json:"description,omitempty"`
}

type ldWork struct {
	Type      string   `json:"@type"`
	Publisher *ldAgent `json:"publisher"`
}

func claims(recs []citat.Record) ldDoc {
	doc := ldDoc{
		Context: []any{"https://schema.org", map[string]string{"citat": citatNS}},
		Graph:   []ldClaim{},
	}
	for _, r := range recs {
		c := ldClaim{Type: "Claim", Text: r.Text, InLanguage: "da", Start: r.Start, End: r.End,
			Kind: r.Kind.String(), Negated: r.Negated, Confidence: r.Confidence}
		if s := r.Speaker; s != nil && (s.Name != "" || s.Description != "") {
			a := &ldAgent{Name: s.Name}
			switch s.Type {
			case "person":
				a.Type = "Person"
				a.JobTitle = s.Role
				if p := cmp.Or(s.Party, s.PartyLetter); p != "" {
					a.MemberOf = &ldAgent{Type: "Organization", Name: p}
				}
			case "organisation":
				a.Type = "Organization"
			}
			if s.Name == "" {
				a.Description = s.Description
			}
			c.Author = a
		}
		if s := r.Source; s != nil && s.Name != "" {
			c.FirstAppearance = &ldWork{Type: "CreativeWork", Publisher: &ldAgent{Type: "Organization", Name: s.Name}}
		}
		doc.Graph = append(doc.Graph, c)
	}
	return doc
}

// pageTitle is the article's first line, clipped, or the file name when
// the text has none.
func pageTitle(name, text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	if line = oneLine(line); line != "" {
		return clip(line, 90)
	}
	return displayName(name)
}
