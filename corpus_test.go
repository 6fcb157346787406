package citat_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/citat-go/citat"
)

// The corpus test scores the bundled articles against their gold
// annotations with the benchmark's rules: a system quote matches a gold
// quote when their spans overlap with a Jaccard index of at least 0.5
// (greedy, best first); a speaker is right when its name equals (case and
// punctuation aside) one accepted gold name, or both are unnamed; a source
// is right when it equals an accepted gold source, or both are absent (an
// inherited source counts as absent). Quotes marked optional neither count
// nor cost.
//
// The thresholds are what the project promises on its own articles; the
// measured figures are in README.md.
const (
	minQuoteF1    = 0.95
	minSpeakerAcc = 0.92
	minSourceAcc  = 0.95
	minE2EF1      = 0.90
	maxWrongNamed = 3
)

type goldQuote struct {
	Text       string          `json:"text"`
	Occurrence int             `json:"occurrence"`
	Kind       string          `json:"kind"`
	Speaker    json.RawMessage `json:"speaker"`
	Source     json.RawMessage `json:"source"`
	Optional   bool            `json:"optional"`
}

type goldDoc struct {
	Quotes []goldQuote `json:"quotes"`
}

// accepted reads a gold speaker or source: a name, null, or a list; ""
// stands for "none".
func accepted(raw json.RawMessage) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return []string{""}
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []*string
	if json.Unmarshal(raw, &many) != nil {
		return []string{"<malformed>"}
	}
	var out []string
	for _, p := range many {
		if p == nil {
			out = append(out, "")
		} else {
			out = append(out, *p)
		}
	}
	return out
}

func normName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

type score struct {
	gold, sys, matched, spkOK, srcOK, e2e, wrongNamed int
}

func (s *score) add(o score) {
	s.gold += o.gold
	s.sys += o.sys
	s.matched += o.matched
	s.spkOK += o.spkOK
	s.srcOK += o.srcOK
	s.e2e += o.e2e
	s.wrongNamed += o.wrongNamed
}

func f1(tp, sys, gold int) float64 {
	if sys == 0 || gold == 0 || tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(sys), float64(tp)/float64(gold)
	return 2 * p * r / (p + r)
}

func scoreArticle(t *testing.T, text string, gold goldDoc, recs []citat.Record) (score, []string) {
	type span struct{ s, e int }
	var gs []span
	for _, q := range gold.Quotes {
		pos, from := -1, 0
		for n := 0; n < max(q.Occurrence, 1); n++ {
			k := strings.Index(text[from:], q.Text)
			if k < 0 {
				t.Fatalf("gold quote not in the article: %q", q.Text)
			}
			pos, from = from+k, from+k+1
		}
		gs = append(gs, span{pos, pos + len(q.Text)})
	}
	type pair struct {
		g, s int
		j    float64
	}
	var pairs []pair
	for gi, g := range gs {
		for si, r := range recs {
			lo, hi := max(g.s, r.Start), min(g.e, r.End)
			if hi <= lo {
				continue
			}
			inter := float64(hi - lo)
			j := inter / (float64(g.e-g.s+r.End-r.Start) - inter)
			if j >= 0.5 {
				pairs = append(pairs, pair{gi, si, j})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].j > pairs[b].j })
	gm, sm := map[int]int{}, map[int]int{}
	for _, p := range pairs {
		if _, ok := gm[p.g]; ok {
			continue
		}
		if _, ok := sm[p.s]; ok {
			continue
		}
		gm[p.g], sm[p.s] = p.s, p.g
	}
	var sc score
	var report []string
	for si, r := range recs {
		if g, ok := sm[si]; ok && gold.Quotes[g].Optional {
			continue
		}
		sc.sys++
		if _, ok := sm[si]; !ok {
			report = append(report, fmt.Sprintf("FALSE ALARM %q", r.Text))
		}
	}
	for gi, q := range gold.Quotes {
		if q.Optional {
			continue
		}
		sc.gold++
		si, ok := gm[gi]
		if !ok {
			report = append(report, fmt.Sprintf("MISSED %s %q", q.Kind, q.Text))
			continue
		}
		sc.matched++
		r := recs[si]
		speakers := accepted(q.Speaker)
		spk := normName(r.SpeakerName())
		spkOK := slices.ContainsFunc(speakers, func(s string) bool { return normName(s) == spk })
		if !spkOK && spk != "" {
			sc.wrongNamed++
		}
		sources := accepted(q.Source)
		src := ""
		if r.Source != nil && !r.Source.Inherited {
			src = normName(r.Source.Name)
		}
		srcOK := slices.ContainsFunc(sources, func(s string) bool { return normName(s) == src })
		if spkOK {
			sc.spkOK++
		}
		if srcOK {
			sc.srcOK++
		}
		if spkOK && srcOK {
			sc.e2e++
		} else {
			report = append(report, fmt.Sprintf("ATTRIBUTION %q: speaker %q want %q; source %q want %q", q.Text, r.SpeakerName(), speakers, src, sources))
		}
	}
	return sc, report
}

func TestCorpusScore(t *testing.T) {
	for _, dir := range []string{"testdata/articles", "testdata/heldout"} {
		t.Run(filepath.Base(dir), func(t *testing.T) { scoreFolder(t, dir) })
	}
}

func scoreFolder(t *testing.T, dir string) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no gold files in %s: %v", dir, err)
	}
	var total score
	for _, name := range names {
		text, err := os.ReadFile(strings.TrimSuffix(name, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var gold goldDoc
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		recs, err := citat.Extract(string(text))
		if err != nil {
			t.Fatal(err)
		}
		sc, report := scoreArticle(t, string(text), gold, recs)
		for _, line := range report {
			t.Logf("%s: %s", filepath.Base(name), line)
		}
		total.add(sc)
	}
	quoteF1 := f1(total.matched, total.sys, total.gold)
	spkAcc := float64(total.spkOK) / float64(max(total.matched, 1))
	srcAcc := float64(total.srcOK) / float64(max(total.matched, 1))
	e2e := f1(total.e2e, total.sys, total.gold)
	t.Logf("quoteF1=%.3f speakerAcc=%.3f sourceAcc=%.3f e2eF1=%.3f wrongSpeaker=%d (gold %d, system %d, matched %d)",
		quoteF1, spkAcc, srcAcc, e2e, total.wrongNamed, total.gold, total.sys, total.matched)
	if quoteF1 < minQuoteF1 || spkAcc < minSpeakerAcc || srcAcc < minSourceAcc || e2e < minE2EF1 || total.wrongNamed > maxWrongNamed {
		t.Errorf("below the thresholds (quoteF1 ≥ %.2f, speakerAcc ≥ %.2f, sourceAcc ≥ %.2f, e2eF1 ≥ %.2f, wrongSpeaker ≤ %d); run with -v for every miss",
			minQuoteF1, minSpeakerAcc, minSourceAcc, minE2EF1, maxWrongNamed)
	}
}
