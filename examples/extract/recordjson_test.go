package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/citat-go/citat"
)

// awkward holds strings that exercise every branch of appendString.
const awkward = "\"\\/<>&\x00\x01\b\f\n\r\t\x1f\x7f æøå » « \u2028\u2029 \xff\xe6 \xe2\x80 😀"

// recordCases are records unlike any in the bundled articles.
var recordCases = [][]citat.Record{
	nil,
	{},
	{{Kind: citat.Direct}},
	{{Kind: citat.Direct, Evidence: []string{}}},
	{{
		Text: awkward, Start: -1, End: math.MaxInt, Kind: citat.Mixed,
		Cue: &citat.Span{Text: awkward, Start: 3, End: 4},
		Speaker: &citat.Speaker{
			Name: awkward, Role: "minister", Party: "Venstre", PartyLetter: "V", Type: "person",
			Description: awkward, Mention: &citat.Span{Text: "han"}, Resolved: "pronoun",
		},
		Source:   &citat.Source{Name: "Ritzau", Kind: "agency", Inherited: true, Mention: &citat.Span{Text: "Ritzau", Start: 9, End: 15}},
		Negated:  true,
		Evidence: []string{awkward, ""},
	}},
	{
		{Kind: citat.Indirect, Speaker: &citat.Speaker{Role: "talsperson"}},
		{Kind: citat.According, Speaker: &citat.Speaker{PartyLetter: "Ø", Resolved: "name"}},
		{Kind: citat.Direct, Source: &citat.Source{}},
	},
	floatCases(0.1, -0.0, 1e-7, 1e-6, 9.99e-7, 1e21, 1e20, -5e-324, math.MaxFloat64, -1e-10),
	// What appendRecords leaves to json.Marshal.
	{{}},
	{{Kind: citat.Kind(200)}},
	{{Kind: citat.Direct}, {Kind: citat.Direct, Confidence: math.NaN()}},
	{{Kind: citat.Direct, Confidence: math.Inf(-1)}},
}

// floatCases returns a record for each confidence.
func floatCases(fs ...float64) []citat.Record {
	recs := make([]citat.Record, len(fs))
	for i, f := range fs {
		recs[i] = citat.Record{Kind: citat.Direct, Confidence: f}
	}
	return recs
}

// TestAppendRecords checks that appendRecords writes what json.Marshal
// writes, for the records of the bundled articles and for recordCases.
func TestAppendRecords(t *testing.T) {
	names, err := filepath.Glob("../../testdata/*/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled articles: %v", err)
	}
	cases := recordCases
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := citat.Extract(string(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(recs) == 0 {
			t.Errorf("%s: no records to encode", name)
		}
		cases = append(cases, recs)
	}
	for _, recs := range cases {
		checkAppendRecords(t, recs)
	}
}

// FuzzAppendRecords checks appendRecords against json.Marshal for records
// made of whatever strings and numbers the fuzzer finds.
func FuzzAppendRecords(f *testing.F) {
	f.Add(awkward, "Mette Holm", "Ritzau", 12, 0.75, uint8(citat.Direct), true)
	f.Add("", "", "", 0, 1e-7, uint8(0), false)
	f.Fuzz(func(t *testing.T, text, name, source string, n int, conf float64, kind uint8, flag bool) {
		span := &citat.Span{Text: text, Start: n, End: -n}
		// kind % 5: one time in five an invalid kind, which leaves the
		// records to json.Marshal.
		recs := []citat.Record{
			{Text: text, Start: n, End: n + 1, Kind: citat.Kind(kind % 5), Confidence: conf, Negated: flag, Paragraph: n},
			{Kind: citat.Indirect, Cue: span, Evidence: []string{name, source, text}},
			{Kind: citat.According, Speaker: &citat.Speaker{Name: name, Role: text, Type: source, Description: text}, Source: &citat.Source{Name: source, Inherited: flag}},
			{Kind: citat.Mixed, Speaker: &citat.Speaker{Party: name, PartyLetter: source, Mention: span, Resolved: text}, Source: &citat.Source{Kind: name, Mention: span}},
		}
		checkAppendRecords(t, recs)
	})
}

func checkAppendRecords(t *testing.T, recs []citat.Record) {
	t.Helper()
	want, wantErr := json.Marshal(recs)
	got, gotErr := appendRecords([]byte("prefix"), recs)
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("appendRecords error = %v, json.Marshal's %v", gotErr, wantErr)
	}
	if string(got) != "prefix"+string(want) {
		t.Errorf("appendRecords wrote\n%s\njson.Marshal\n%s", got, want)
	}
}
