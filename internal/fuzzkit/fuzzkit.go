// Package fuzzkit holds what the packages' fuzz and reuse tests share: the
// bundled articles as seeds, a sequence of texts for reused stages, and
// rune boundaries for turning fuzzed numbers into valid regions of a text.
package fuzzkit

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Articles returns the texts of testdata/articles, found from the working
// directory (a package folder) upwards. It fails tb when there are none.
func Articles(tb testing.TB) []string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		files, _ := filepath.Glob(filepath.Join(d, "testdata", "articles", "*.txt"))
		if len(files) > 0 {
			out := make([]string, 0, len(files))
			for _, name := range files {
				b, err := os.ReadFile(name)
				if err != nil {
					tb.Fatal(err)
				}
				out = append(out, string(b))
			}
			return out
		}
		if filepath.Dir(d) == d {
			tb.Fatal("no testdata/articles here or above")
		}
	}
}

// Sequence returns texts for a stage that is reused from one text to the
// next: the bundled articles, the same backwards, long and short texts
// between them (so that tables grow and shrink), and the first article
// again with CR LF line ends and then as it was.
func Sequence(tb testing.TB) []string {
	tb.Helper()
	arts := Articles(tb)
	out := slices.Clone(arts)
	out = append(out, strings.Join(arts, "\n\n"), "", "Kort.", "»Ja,« siger han.")
	for _, a := range slices.Backward(arts) {
		out = append(out, a)
	}
	return append(out, strings.ReplaceAll(arts[0], "\n", "\r\n"), arts[0])
}

// RuneBounds returns the rune boundaries of s as utf8.DecodeRuneInString
// steps through it (an invalid byte is a rune of its own): b[i] is true
// when a rune starts at i, and b[len(s)] is true.
func RuneBounds(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	b[len(s)] = true
	return b
}

// Region turns two fuzzed numbers into a region [start, end) of a text of
// length len(bounds)-1, moved back onto rune boundaries.
func Region(bounds []bool, a, b uint) (start, end int) {
	n := uint(len(bounds))
	start, end = int(a%n), int(b%n)
	if start > end {
		start, end = end, start
	}
	for !bounds[start] {
		start--
	}
	for !bounds[end] {
		end--
	}
	return start, end
}
