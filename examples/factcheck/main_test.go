package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDanishSort(t *testing.T) {
	names := []string{"Åse Lund", "Ørjan Dahl", "Zacharias Berg", "Ærø Kommune", "anders Bo", "Aase Holm", "Bent Ravn", "Anders Fjeldsø"}
	danishSort(names)
	want := []string{
		"anders Bo", "Anders Fjeldsø", "Bent Ravn", "Zacharias Berg",
		"Ærø Kommune", "Ørjan Dahl",
		// A leading "Aa" is the old spelling of Å and sorts with it.
		"Aase Holm", "Åse Lund",
	}
	if !slices.Equal(names, want) {
		t.Errorf("danishSort:\n got %q\nwant %q", names, want)
	}
	// A byte-wise sort gets this wrong, which is why the example collates.
	plain := slices.Clone(want)
	slices.Sort(plain)
	if slices.Equal(plain, want) {
		t.Error("byte order unexpectedly equals Danish order; the test proves nothing")
	}
}

func TestStartsWord(t *testing.T) {
	for _, tc := range []struct {
		s, t string
		want bool
	}{
		{"fabrikken i lem, der", "lem", true},
		{"lem er hjertet", "lem", true},
		{"problemet er", "lem", false},
		{"medlemslande", "lem", false},
		{"reformen er", "reform", true},
		{"skolereformen", "reform", false},
		{"»øvelser i", "øvelser", true},
		{"", "x", false},
	} {
		if got := startsWord(tc.s, tc.t); got != tc.want {
			t.Errorf("startsWord(%q, %q) = %v", tc.s, tc.t, got)
		}
	}
}

// speakerOrder returns the speaker headings of run's output, in order.
func speakerOrder(out string) []string {
	var names []string
	for _, line := range strings.Split(out, "\n") {
		if name, _, ok := strings.Cut(line, " — "); ok && !strings.HasPrefix(line, " ") {
			names = append(names, name)
		}
	}
	return names
}

func before(t *testing.T, order []string, a, b string) {
	t.Helper()
	i, j := slices.Index(order, a), slices.Index(order, b)
	if i < 0 || j < 0 || i >= j {
		t.Errorf("want %q (at %d) before %q (at %d)", a, i, b, j)
	}
}

func TestRunAllArticles(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	got := out.String()
	for _, want := range []string{
		"1. Found 10 articles",
		"3. No -about term",
		"Karina Dalsgaard — 3 claims",
		"»Lem er hjertet i vores produktion, og det bliver den ved med at være«",
		"source: Børsen (carried over) · article: erhverv-vindmoeller",
		"Lone Skovbjerg — ",
		"source: TV 2 Østjylland · article: krimi-indbrud",
		"Astrid Bredahl Juul — ",
		"(no named speaker) — ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	order := speakerOrder(got)
	if len(order) < 20 {
		t.Fatalf("only %d speakers:\n%s", len(order), got)
	}
	before(t, order, "Anders Fjeldsø", "Karina Dalsgaard")
	before(t, order, "Venstre", "Østjyllands Politi")
	// Danish: Aaskov is Åskov, after Dahl Iversen.
	before(t, order, "Mikkel Dahl Iversen", "Mikkel Aaskov")
	if last := order[len(order)-1]; last != "(no named speaker)" {
		t.Errorf("last group %q, want the unnamed speakers", last)
	}
	if t.Failed() {
		t.Logf("output:\n%s", got)
	}
}

func TestRunAbout(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-about", "LEM"}, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	got := out.String()
	if !strings.Contains(got, `3. 2 claims mention "LEM"`) {
		t.Errorf("count line missing")
	}
	if order := speakerOrder(got); !slices.Equal(order, []string{"Karina Dalsgaard"}) {
		t.Errorf("speakers %q, want only Karina Dalsgaard", order)
	}
	for _, want := range []string{"fabrikken i Lem", "»Lem er hjertet", "article: erhverv-vindmoeller"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "Problemet") {
		t.Error("matched inside a word")
	}
	if t.Failed() {
		t.Logf("output:\n%s", got)
	}

	// Danish letters are folded too: "ØVELSER" finds "Øvelser".
	out.Reset()
	if err := run([]string{"-about", "ØVELSER"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Astrid Bredahl Juul — 1 claim") {
		t.Errorf("-about ØVELSER:\n%s", out.String())
	}

	out.Reset()
	if err := run([]string{"-about", "ingen-sådan-term"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "3. 0 claims mention") || len(speakerOrder(out.String())) != 0 {
		t.Errorf("no-match run:\n%s", out.String())
	}
}

// TestRunCollationEndToEnd runs the program over an article whose speakers
// start with Z, Æ, Ø and Å, and checks they come out in Danish order.
func TestRunCollationEndToEnd(t *testing.T) {
	dir := t.TempDir()
	article := `Byrådet strides om ny svømmehal

Byrådet i Ærøskøbing er dybt uenigt om planerne for en ny svømmehal.

- Vi har ikke råd til det her, siger borgmester Zacharias Berg.

Ørjan Dahl, der er formand for svømmeklubben, er uenig.

- Børnene har brug for et sted at svømme, siger Ørjan Dahl til Ritzau.

Åse Lund fra oppositionen kalder planen »en dyr drøm«.

»Vi skal bruge pengene på skolerne først,« siger Åse Lund.

Ifølge Ærø Kommune vil hallen koste 80 mio. kr.
`
	if err := os.WriteFile(filepath.Join(dir, "svoemmehal.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-dir", dir}, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	got := out.String()
	order := speakerOrder(got)
	want := []string{"Zacharias Berg", "Ærø Kommune", "Ørjan Dahl", "Åse Lund"}
	if !slices.Equal(order, want) {
		t.Errorf("speakers %q, want %q\n%s", order, want, got)
	}
	if !strings.Contains(got, "source: Ritzau · article: svoemmehal") {
		t.Errorf("source/article line missing:\n%s", got)
	}
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-dir", t.TempDir()}, &out); err == nil || !strings.Contains(err.Error(), "no .txt articles") {
		t.Errorf("empty folder: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Hun siger \xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-dir", dir}, &out); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("invalid UTF-8: %v", err)
	}
}
