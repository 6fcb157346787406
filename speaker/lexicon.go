package speaker

import (
	_ "embed"
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
	firstNames map[string]Gender
	titles     []string // role words match by suffix
	persons    []string // person nouns (unnamed speakers)
	known      map[string]string
	orgWords   map[string]bool
	orgSuffix  []string
	orgNouns   map[string]string
	unnamed    map[string]bool
	parties    map[string]string
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
		firstNames: map[string]Gender{},
		known:      map[string]string{},
		orgWords:   map[string]bool{},
		orgNouns:   map[string]string{},
		unnamed:    map[string]bool{},
		parties:    map[string]string{},
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
			}
		case "word":
			l.orgWords[line] = true
		case "suffix":
			l.orgSuffix = append(l.orgSuffix, line)
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
	})
	return l
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

// roleStem returns the stem of a role word in its definite form
// ("vagtchefen" → "vagtchef", "FCM-træneren" → "træner"), and whether the
// word is definite.
func roleStem(w string) (string, bool) {
	w = strings.ToLower(w)
	if k := strings.LastIndexAny(w, "-–"); k >= 0 {
		w = w[k+1:]
	}
	for _, suf := range []string{"en", "et", "n"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > len(suf)+2 {
			stem := w[:len(w)-len(suf)]
			if isTitle(stem) {
				return stem, true
			}
		}
	}
	return w, false
}

// isTitle reports whether w (lower case) is a role word: it ends in a title
// of titles.txt (finansminister, cheftræner, specialanklager).
func isTitle(w string) bool {
	w = strings.ToLower(w)
	if k := strings.LastIndexAny(w, "-–"); k >= 0 && k < len(w)-1 {
		w = w[k+1:]
	}
	for _, t := range lex.titles {
		if strings.HasSuffix(w, t) {
			return true
		}
	}
	return false
}

// isRoleWord reports whether w is a role word in its bare or definite form
// ("minister", "ministeren", "FCM-træneren").
func isRoleWord(w string) bool {
	if isTitle(w) {
		return true
	}
	_, def := roleStem(w)
	return def
}

// isPersonNoun reports whether w names an unnamed person (kilde, øjenvidne,
// diplomat), in any form.
func isPersonNoun(w string) bool {
	w = strings.ToLower(w)
	for _, t := range lex.persons {
		if strings.HasPrefix(w, t) && len(w) <= len(t)+4 || strings.HasSuffix(w, t) {
			return true
		}
	}
	return isTitle(w) || strings.HasSuffix(w, "årige")
}

// orgSuffixed reports whether a single capitalised word ends like an
// organisation's name (Rigspolitiet, Sundhedsstyrelsen).
func orgSuffixed(w string) bool {
	l := strings.ToLower(w)
	for _, s := range lex.orgSuffix {
		if strings.HasSuffix(l, s) && len(l) > len(s) {
			return true
		}
	}
	return false
}
