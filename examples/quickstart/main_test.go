package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

func TestRunDefault(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	// The numbers that depend on the extractor's current rules are taken
	// from the library itself; the rest is fixed by the article and its
	// gold annotation.
	dir, err := corpus.Dir("")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "erhverv-vindmoeller.txt"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := citat.Extract(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	pick := -1
	for i, r := range recs {
		if r.SpeakerName() != "" && r.SourceName() != "" {
			pick = i
			break
		}
	}
	if pick < 0 || recs[pick].Start != 724 {
		t.Fatalf("the first record with speaker and source should be the Børsen quote at byte 724, got %d", pick)
	}
	for _, want := range []string{
		"1. Read erhverv-vindmoeller.txt",
		"headline: Havørn Wind skærer 600 stillinger",
		fmt.Sprintf("2. citat.Extract found %d quotes", len(recs)),
		// the table
		"Karina Dalsgaard",
		"Ib Kronborg",
		"TV Midtvest (inherited)",
		"et nødvendigt servicetjek",
		// the walk-through picks the first record with speaker and source
		fmt.Sprintf("4. Record #%d, field by field", pick+1),
		"text[724:818] == r.Text: true",
		`Cue        "siger" at 710..715`,
		`name="Karina Dalsgaard"`,
		`mention "hun" at 716..719, resolved via "pronoun"`,
		"Source     Børsen (newspaper), inherited=false",
		"Evidence   quote:",
		"Confidence 0.",
		`"resolved": "pronoun"`,
		// errors
		"errors.Is(err, citat.ErrInvalidUTF8)=true, offset 20",
		"errors.Is(err, citat.ErrTooLarge)=true",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "== r.Text: false") {
		t.Error("a span does not match the input")
	}
	if t.Failed() {
		t.Logf("output:\n%s", got)
	}
}

func TestRunOtherArticleAndDir(t *testing.T) {
	dir, err := corpus.Dir("")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-dir", dir, "-article", "krimi-indbrud"}, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	got := out.String()
	for _, want := range []string{"Lone Skovbjerg", "TV 2 Østjylland", "== r.Text: true"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-article", "no-such-article"}, &out); err == nil {
		t.Error("missing article: no error")
	}
	if err := run([]string{"stray"}, &out); err == nil {
		t.Error("stray argument: no error")
	}
	// An article with no quotes prints an empty table and stops.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tom.txt"), []byte("Overskrift\n\nIngen citater her.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run([]string{"-dir", dir, "-article", "tom"}, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(out.String(), "found 0 quotes") || strings.Contains(out.String(), "4. Record") {
		t.Errorf("empty article:\n%s", out.String())
	}
}
