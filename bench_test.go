package citat_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citat-go/citat"
)

// corpus returns the bundled articles joined, one after the other.
func corpus(tb testing.TB) []string {
	tb.Helper()
	names, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no bundled articles: %v", err)
	}
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func BenchmarkExtract(b *testing.B) {
	arts := corpus(b)
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := citat.Extract(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

var _ = strings.Repeat
