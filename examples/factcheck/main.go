// Factcheck: who said what, over a folder of Danish news articles.
//
// The program extracts the quotes of every article, groups the claims by
// speaker, sorts the speakers in Danish alphabetical order (Æ, Ø and Å come
// after Z) and lists each speaker's claims with the medium they came
// through and the article they are from. With -about it lists only the
// claims that mention a term.
//
// Run it from the repository root:
//
//	go run ./examples/factcheck
//	go run ./examples/factcheck -about reform
//	go run ./examples/factcheck -dir path/to/articles -about Lem
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "factcheck:", err)
		os.Exit(1)
	}
}

// A claim is one extracted quote and the article it came from.
type claim struct {
	Article string // file name without .txt
	citat.Record
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("factcheck", flag.ContinueOnError)
	fs.SetOutput(stdout)
	dir := fs.String("dir", "", "folder of .txt articles (default: testdata/articles, found from the working directory upwards)")
	about := fs.String("about", "", "list only claims whose text mentions this term (case-insensitive, at the start of a word)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	// Step 1. Find the articles: every .txt file of the folder.
	folder, paths, err := corpus.Articles(*dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "1. Found %d articles in %s\n", len(paths), folder)

	// Step 2. Extract the quotes of each article. One Extractor can be
	// reused (and shared between goroutines); here we go one by one.
	x := citat.MustNew()
	var claims []claim
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		recs, err := x.Extract(string(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		for _, r := range recs {
			claims = append(claims, claim{Article: name, Record: r})
		}
	}
	named := 0
	for _, c := range claims {
		if c.SpeakerName() != "" {
			named++
		}
	}
	fmt.Fprintf(stdout, "2. Extracted %d claims: %d with a named speaker, %d without\n", len(claims), named, len(claims)-named)

	// Step 3 (optional). Keep only the claims that mention the term. Both
	// sides are lower-cased with Danish casing rules before comparing, and
	// the term must start a word ("reform" finds "reformen", "Lem" does not
	// find "problemet").
	if *about != "" {
		claims = mentioning(claims, *about)
		fmt.Fprintf(stdout, "3. %d claims mention %q\n", len(claims), *about)
	} else {
		fmt.Fprintln(stdout, "3. No -about term: keeping every claim")
	}

	// Step 4. Group by speaker and sort the speakers with the Danish
	// collation: Æ, Ø, Å after Z (and a leading "Aa" counts as Å). A plain
	// byte sort would put Å before Æ and Ø, and lower case after Z.
	names, groups := bySpeaker(claims)
	n := len(names)
	if len(groups[""]) > 0 {
		n-- // the group of claims without a named speaker
	}
	fmt.Fprintf(stdout, "4. %d named %s, in Danish order\n\n", n, plural(n, "speaker", "speakers"))

	// Step 5. Who said what.
	for _, n := range names {
		cs := groups[n]
		label := n
		if n == "" {
			label = "(no named speaker)"
		}
		fmt.Fprintf(stdout, "%s — %d %s\n", label, len(cs), plural(len(cs), "claim", "claims"))
		for _, c := range cs {
			fmt.Fprintf(stdout, "  • [%s] %s\n", c.Kind, quoteText(c.Text, 110))
			var meta []string
			if n == "" && c.Speaker != nil && c.Speaker.Description != "" {
				meta = append(meta, "described as "+c.Speaker.Description)
			}
			if c.Source != nil {
				src := "source: " + c.Source.Name
				if c.Source.Inherited {
					src += " (carried over)"
				}
				meta = append(meta, src)
			} else {
				meta = append(meta, "source: none named")
			}
			meta = append(meta, "article: "+c.Article)
			fmt.Fprintf(stdout, "      %s\n", strings.Join(meta, " · "))
		}
		fmt.Fprintln(stdout)
	}
	return nil
}

// mentioning returns the claims that mention term, ignoring case. The term
// must start a word but may end inside one, so "reform" finds "reformen"
// and "Lem" finds "Lem" but not "problemet".
func mentioning(claims []claim, term string) []claim {
	lower := cases.Lower(language.Danish)
	t := lower.String(term)
	var out []claim
	for _, c := range claims {
		if startsWord(lower.String(c.Text), t) {
			out = append(out, c)
		}
	}
	return out
}

// startsWord reports whether t occurs in s at the start of a word.
func startsWord(s, t string) bool {
	if t == "" {
		return true
	}
	for i := 0; i <= len(s)-len(t); {
		j := strings.Index(s[i:], t)
		if j < 0 {
			return false
		}
		at := i + j
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if at == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[at:])
		i = at + n
	}
	return false
}

// bySpeaker groups claims by speaker name. The names come back in Danish
// order, with "" (claims without a named speaker) last; claims keep their
// order (article name, then position).
func bySpeaker(claims []claim) ([]string, map[string][]claim) {
	groups := map[string][]claim{}
	var names []string
	for _, c := range claims {
		n := c.SpeakerName()
		if _, ok := groups[n]; !ok && n != "" {
			names = append(names, n)
		}
		groups[n] = append(groups[n], c)
	}
	danishSort(names)
	if len(groups[""]) > 0 {
		names = append(names, "")
	}
	return names, groups
}

// danishSort sorts names in Danish alphabetical order.
func danishSort(names []string) {
	c := collate.New(language.Danish)
	sort.SliceStable(names, func(i, j int) bool { return c.CompareString(names[i], names[j]) < 0 })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// quoteText wraps s in Danish quote marks, cut to n characters.
func quoteText(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return "»" + s + "«"
}
