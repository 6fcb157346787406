package citat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinearScaling checks that one long document costs no more per byte
// at 10 MB than at 1 MB (within 1.2×): no stage may be quadratic in
// paragraphs, quotes or mentions. It measures process CPU time, best of a
// few runs, so that other work on the machine does not distort the ratio,
// and each size on working memory already grown to it (see extractTime).
func TestLinearScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	names, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled articles: %v", err)
	}
	var sb strings.Builder
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	unit := sb.String()
	long := func(n int) string { return strings.Repeat(unit, n/len(unit)+1) }
	small, large := long(1<<20), long(10<<20)
	perByte := func(text string, runs int) float64 {
		return float64(extractTime(t, text, runs)) / float64(len(text))
	}
	s := perByte(small, 5)
	l := perByte(large, 3)
	t.Logf("1 MB: %.1f ns/byte, 10 MB: %.1f ns/byte, ratio %.2f", s, l, l/s)
	if l > s*1.2 {
		t.Errorf("10 MB costs %.2f× the CPU time per byte of 1 MB; want at most 1.2×", l/s)
	}
}
