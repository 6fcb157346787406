package citat

import (
	"math"
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
	// Rounds alternate the sizes, and more are run only while the ratio
	// fails, so that a spell of contention for the machine's cores (which
	// slows even process CPU time: caches and sibling threads are shared)
	// distorts neither size alone.
	s, l := math.Inf(1), math.Inf(1)
	for range 3 {
		s = min(s, perByte(small, 3))
		l = min(l, perByte(large, 2))
		if l <= s*1.2 {
			break
		}
	}
	t.Logf("1 MB: %.1f ns/byte, 10 MB: %.1f ns/byte, ratio %.2f", s, l, l/s)
	if l > s*1.2 {
		t.Errorf("10 MB costs %.2f× the CPU time per byte of 1 MB; want at most 1.2×", l/s)
	}
}
