package quote_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/citat-go/citat/quote"
	"github.com/google/go-cmp/cmp"
)

// specCase is one block of testdata/spec.txt.
type specCase struct {
	name string
	text string
	want []string // "kind | text | cue"
}

func (c specCase) String() string { return c.name + ": " + c.text }

func readSpec(t *testing.T, path string) []specCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []specCase
	var cur *specCase
	var body []string
	inWant := false
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimRight(strings.Join(body, "\n"), "\n")
			cases = append(cases, *cur)
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			flush()
			cur, body, inWant = &specCase{name: strings.TrimPrefix(line, "## ")}, nil, false
		case cur == nil || strings.HasPrefix(line, "#") && !inWant && len(body) == 0:
		case line == "----":
			inWant = true
		case inWant:
			if strings.TrimSpace(line) != "" {
				cur.want = append(cur.want, strings.ReplaceAll(line, `\n`, "\n"))
			}
		default:
			body = append(body, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return cases
}

func TestSpec(t *testing.T) {
	cases := readSpec(t, "testdata/spec.txt")
	if len(cases) < 20 {
		t.Fatalf("read only %d cases from testdata/spec.txt", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := quote.Find(c.text)
			var got []string
			for _, q := range res.Quotes {
				cue := "-"
				if q.Attr >= 0 {
					if a := res.Attributions[q.Attr]; a.Cue.End > a.Cue.Start {
						cue = c.text[a.Cue.Start:a.Cue.End]
					}
				}
				got = append(got, q.Kind.String()+" | "+c.text[q.Span.Start:q.Span.End]+" | "+cue)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s\nquotes (-want +got):\n%s", c, diff)
			}
		})
	}
}

func TestKindText(t *testing.T) {
	for _, k := range []quote.Kind{quote.Direct, quote.Indirect, quote.According, quote.Mixed} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back quote.Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%v: round trip gave %v, %v", k, back, err)
		}
	}
	if _, err := quote.Kind(0).MarshalText(); err == nil {
		t.Error("the zero Kind marshalled without error")
	}
	var k quote.Kind
	if err := k.UnmarshalText([]byte("quoted")); err == nil {
		t.Error("unknown kind name accepted")
	}
}

func TestLookupVerb(t *testing.T) {
	tests := []struct {
		form, lemma string
		class       quote.VerbClass
	}{
		{"siger", "sige", quote.Speech},
		{"sagde", "sige", quote.Speech},
		{"Udtalte", "udtale", quote.Speech},
		{"mener", "mene", quote.Thought},
		{"kalder", "kalde", quote.Naming},
	}
	for _, tt := range tests {
		v, ok := quote.LookupVerb(tt.form)
		if !ok || v.Lemma != tt.lemma || v.Class != tt.class {
			t.Errorf("LookupVerb(%q) = %+v, %v; want lemma %q class %v", tt.form, v, ok, tt.lemma, tt.class)
		}
	}
	if _, ok := quote.LookupVerb("spiser"); ok {
		t.Error("spiser is no reporting verb")
	}
}
