package speaker

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

// The word lists are embedded data files, read once at start-up and never
// written after: see the files for their format and sources.
var (
	//go:embed firstnames.txt
	firstNamesData string
	//go:embed titles.txt
	titlesData string
	//go:embed orgs.txt
	orgsData string
	//go:embed parties.txt
	partiesData string
)

// Gender is the grammatical gender a first name gives, for han and hun.
type Gender uint8

// Genders.
const (
	UnknownGender Gender = iota
	Male
	Female
)

type lists struct {
	firstNames    map[string]Gender
	titles        []string            // role words match by suffix
	titleSet      map[string]bool     // the same, for suffix look-ups
	titleLens     []int               // the distinct byte lengths of titles, ascending
	titleEnds     *[1 << 16]bool      // the last two bytes of every title, a quick filter
	knownFirst    map[string][]string // first word of a known organisation → its variants
	persons       []string            // person nouns (unnamed speakers)
	known         map[string]string
	orgWords      map[string]bool
	orgSuffix     []string
	orgSuffixSet  map[string]bool // the same, for suffix look-ups
	orgSuffixLens []int           // their distinct byte lengths, ascending
	orgNouns      map[string]string
	unnamed       map[string]bool
	parties       map[string]string
	partyNames    map[string]bool // the parties' names, for "partiet"
	casedOnly     bool            // every first name and known name has a capital
}

var lex = loadLists()

func sections(data string, fn func(section, line string)) {
	section := ""
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			section = line[1 : len(line)-1]
			continue
		}
		fn(section, line)
	}
}

func loadLists() *lists {
	l := &lists{
		firstNames:   map[string]Gender{},
		known:        map[string]string{},
		titleSet:     map[string]bool{},
		titleEnds:    new([1 << 16]bool),
		knownFirst:   map[string][]string{},
		orgWords:     map[string]bool{},
		orgSuffixSet: map[string]bool{},
		orgNouns:     map[string]string{},
		unnamed:      map[string]bool{},
		parties:      map[string]string{},
		partyNames:   map[string]bool{},
	}
	sections(firstNamesData, func(_, line string) {
		name, g, _ := strings.Cut(line, " ")
		switch strings.TrimSpace(g) {
		case "m":
			l.firstNames[name] = Male
		case "f":
			l.firstNames[name] = Female
		default:
			panic("speaker: bad line in firstnames.txt: " + line)
		}
	})
	sections(titlesData, func(sec, line string) {
		switch sec {
		case "title":
			l.titles = append(l.titles, line)
			if !l.titleSet[line] {
				l.titleSet[line] = true
				l.titleEnds[end2(line)] = true
				l.titleLens = addLength(l.titleLens, len(line))
			}
		case "person":
			l.persons = append(l.persons, line)
		}
	})
	sections(orgsData, func(sec, line string) {
		switch sec {
		case "known":
			vs := strings.Split(line, "|")
			for _, v := range vs {
				l.known[v] = vs[0]
				first, _, _ := strings.Cut(v, " ")
				l.knownFirst[first] = append(l.knownFirst[first], v)
			}
		case "word":
			l.orgWords[line] = true
		case "suffix":
			l.orgSuffix = append(l.orgSuffix, line)
			l.orgSuffixSet[line] = true
			l.orgSuffixLens = addLength(l.orgSuffixLens, len(line))
		case "noun":
			n, must, _ := strings.Cut(line, "=")
			l.orgNouns[n] = must
		case "unnamed":
			l.unnamed[line] = true
		}
	})
	sections(partiesData, func(_, line string) {
		letter, name, ok := strings.Cut(line, "\t")
		if !ok {
			panic("speaker: bad line in parties.txt: " + line)
		}
		l.parties[letter] = strings.TrimSpace(name)
		l.partyNames[strings.TrimSpace(name)] = true
	})
	l.casedOnly = !hasLowerKey(l.firstNames) && !hasLowerKey(l.known)
	return l
}

// addLength adds n to lens, the sorted distinct lengths of a set's keys,
// by which a word's suffixes are looked up in the set.
func addLength(lens []int, n int) []int {
	if i, found := slices.BinarySearch(lens, n); !found {
		lens = slices.Insert(lens, i, n)
	}
	return lens
}

// hasLowerKey reports whether a key of m has no capital.
func hasLowerKey[V any](m map[string]V) bool {
	for k := range m {
		if strings.ToLower(k) == k {
			return true
		}
	}
	return false
}

// PartyName returns the party a letter stands for ("S" → "Socialdemokratiet").
func PartyName(letter string) (string, bool) {
	n, ok := lex.parties[letter]
	return n, ok
}

// FirstNameGender returns the gender of a first name, if it is known.
func FirstNameGender(name string) (Gender, bool) {
	g, ok := lex.firstNames[name]
	return g, ok
}

// lowerTail returns w in lower case, without a capitalised or hyphenated
// prefix ("FCM-træneren" → "træneren").
func lowerTail(w string) string { return tailOf(strings.ToLower(w)) }

// tailOf returns the lower-case word l without a hyphenated prefix.
func tailOf(l string) string {
	if k, n := lastDash(l); k >= 0 && k+n < len(l) {
		l = l[k+n:]
	}
	return l
}

// lastDash returns the offset and size of the last '-' or '–' in s, or -1.
func lastDash(s string) (int, int) {
	for i := len(s) - 1; i >= 0; i-- {
		switch {
		case s[i] == '-':
			return i, 1
		case s[i] == 0x93 && i >= 2 && s[i-2] == 0xe2 && s[i-1] == 0x80: // U+2013
			return i - 2, 3
		}
	}
	return -1, 0
}

// hasTitleSuffix reports whether the lower-case word l ends in a title.
func hasTitleSuffix(l string) bool {
	if len(l) < 2 || !lex.titleEnds[end2(l)] {
		return false
	}
	for _, n := range lex.titleLens {
		if n > len(l) {
			break
		}
		if i := len(l) - n; utf8.RuneStart(l[i]) && lex.titleSet[l[i:]] {
			return true
		}
	}
	return false
}

// end2 packs the last two bytes of s (at least two long) into an index.
func end2(s string) int { return int(s[len(s)-2])<<8 | int(s[len(s)-1]) }

// roleStem returns the stem of a role word in its definite form
// ("vagtchefen" → "vagtchef", "FCM-træneren" → "træner"), and whether the
// word is definite.
func roleStem(w string) (string, bool) {
	l := lowerTail(w)
	if stem, ok := definiteTitle(l); ok {
		return stem, true
	}
	return l, false
}

func definiteTitle(l string) (string, bool) {
	for _, suf := range [...]string{"en", "et", "n"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			if stem := l[:len(l)-len(suf)]; hasTitleSuffix(stem) {
				return stem, true
			}
		}
	}
	return "", false
}

// isTitle reports whether w is a role word: it ends in a title of
// titles.txt (finansminister, cheftræner, specialanklager).
func isTitle(w string) bool { return hasTitleSuffix(lowerTail(w)) }

// isRoleWord reports whether w is a role word in its bare or definite form
// ("minister", "ministeren", "FCM-træneren").
func isRoleWord(w string) bool {
	l := lowerTail(w)
	if hasTitleSuffix(l) {
		return true
	}
	_, def := definiteTitle(l)
	return def
}

// isPersonNoun reports whether w names an unnamed person (kilde, øjenvidne,
// diplomat), in any form.
func isPersonNoun(w string) bool {
	w = strings.ToLower(w)
	return personNoun(w) || isTitle(w)
}

// personNoun is isPersonNoun without the titles, for the lower-case word l.
func personNoun(l string) bool {
	for _, t := range lex.persons {
		// A prefix of at most four bytes' ending or a suffix; the first and
		// last bytes rule most words out before any comparison.
		if n := len(t); len(l) >= n && (l[0] == t[0] && len(l) <= n+4 && l[:n] == t || l[len(l)-1] == t[n-1] && l[len(l)-n:] == t) {
			return true
		}
	}
	return strings.HasSuffix(l, "årige") || strings.HasSuffix(l, "årig")
}

// isOrgNoun reports whether the lower-case word l is itself one of the
// organisation endings ("luftvåben", "politi").
func isOrgNoun(l string) bool { return slices.Contains(lex.orgSuffix, l) }

// orgSuffixed reports whether a single word, in lower case, ends like an
// organisation's name (rigspolitiet, sundhedsstyrelsen).
func orgSuffixed(l string) bool {
	for _, n := range lex.orgSuffixLens {
		if n >= len(l) {
			break
		}
		if i := len(l) - n; utf8.RuneStart(l[i]) && lex.orgSuffixSet[l[i:]] {
			return true
		}
	}
	return false
}
