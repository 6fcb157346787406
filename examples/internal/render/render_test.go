package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citat-go/citat"
	"github.com/google/go-cmp/cmp"
)

// parsed is what checkPage reads back from a page.
type parsed struct {
	article   string         // the character data of div#artikel, or "" when absent
	hasText   bool           // div#artikel is present
	quotes    map[int]string // data-q → the text of all its fragments
	firsts    map[int]int    // data-q → fragments carrying id and tabindex=0
	fragments map[int]int    // data-q → number of fragments
	classes   map[string]int // class attribute values inside the article
}

// checkPage parses page as XML (the template writes XHTML-compatible
// markup, so a strict XML parse checks that every element is closed and
// properly nested and every attribute quoted) and collects the article and
// its quotes.
func checkPage(t *testing.T, page []byte) parsed {
	t.Helper()
	p := parsed{quotes: map[int]string{}, firsts: map[int]int{}, fragments: map[int]int{}, classes: map[string]int{}}
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n<html lang=\"da\">")) {
		t.Errorf("page does not start with the doctype and <html lang=\"da\">:\n%.80s", page)
	}
	for _, bad := range []string{"<script", "<link", "src=", "url(", "@import", "http://", "https://"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("page is not self-contained: it contains %q", bad)
		}
	}
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	type open struct {
		name string
		q    int // data-q of a <mark>, else 0
	}
	var stack []open
	inArticle := -1 // stack depth of div#artikel
	ids := map[string]bool{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("page is not well formed: %v\n%s", err, page)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			o := open{name: tok.Name.Local}
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			if id := attr["id"]; id != "" {
				if ids[id] {
					t.Errorf("duplicate id %q", id)
				}
				ids[id] = true
			}
			if o.name == "div" && attr["id"] == "artikel" {
				inArticle = len(stack)
				p.hasText = true
			}
			if inArticle >= 0 && len(stack) > inArticle {
				if o.name != "mark" && o.name != "span" {
					t.Errorf("unexpected <%s> inside the article", o.name)
				}
				p.classes[attr["class"]]++
			}
			if o.name == "mark" {
				q, err := strconv.Atoi(attr["data-q"])
				if err != nil {
					t.Errorf("<mark> without a numeric data-q: %v", tok.Attr)
				}
				o.q = q
				p.fragments[q]++
				if attr["id"] != "" {
					p.firsts[q]++
					if attr["tabindex"] != "0" || attr["aria-describedby"] != attr["id"]+"-info" {
						t.Errorf("quote %d: first fragment without tabindex=0 and aria-describedby: %v", q, tok.Attr)
					}
				}
				if attr["data-tip"] == "" {
					t.Errorf("quote %d: fragment without a tooltip", q)
				}
			}
			stack = append(stack, o)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if len(stack) == inArticle {
				inArticle = -1
			}
		case xml.CharData:
			if inArticle < 0 {
				continue
			}
			p.article += string(tok)
			for _, o := range stack {
				if o.q != 0 {
					p.quotes[o.q] += string(tok)
				}
			}
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed elements at the end: %v", stack)
	}
	return p
}

// rec makes a record for the first occurrence of quote in text, with the
// cue and mention at their first occurrences after it (or anywhere, when
// not found after it).
func rec(t *testing.T, text, quote, cue, who, name string) citat.Record {
	t.Helper()
	span := func(s string, from int) *citat.Span {
		if s == "" {
			return nil
		}
		i := strings.Index(text[from:], s)
		if i < 0 {
			from, i = 0, strings.Index(text, s)
		}
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return &citat.Span{Text: s, Start: from + i, End: from + i + len(s)}
	}
	q := span(quote, 0)
	r := citat.Record{Text: quote, Start: q.Start, End: q.End, Kind: citat.Direct, Cue: span(cue, q.End), Confidence: 0.9, Evidence: []string{"test"}}
	if name != "" || who != "" {
		r.Speaker = &citat.Speaker{Name: name, Type: "person", Mention: span(who, q.End)}
		if name == "" {
			r.Speaker.Description = who
		}
	}
	return r
}

func render(t *testing.T, title, text string, recs []citat.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Page(&b, title, text, recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkQuotes checks that the page shows the whole text once, in order,
// and every record's text as its quote's fragments.
func checkQuotes(t *testing.T, p parsed, text string, recs []citat.Record) {
	t.Helper()
	if diff := cmp.Diff(text, p.article); diff != "" {
		t.Errorf("article text (-want +got):\n%s", diff)
	}
	for i, r := range recs {
		q := i + 1
		if got := p.quotes[q]; got != r.Text {
			t.Errorf("quote %d: fragments read %q, want %q", q, got, r.Text)
		}
		if p.firsts[q] != 1 {
			t.Errorf("quote %d: %d fragments with id and tabindex, want 1", q, p.firsts[q])
		}
	}
}

func TestPageEscapes(t *testing.T) {
	text := "Overskrift <b>fed</b> & \"citat\"\n\n»<script>alert('x')</script> & æøå,« siger Åse Ørum.\n"
	r := rec(t, text, "<script>alert('x')</script> & æøå", "siger", "Åse Ørum", "Åse <Ørum> & co")
	r.Source = &citat.Source{Name: "</title><script>", Kind: "newspaper"}
	r.Evidence = []string{"<evidence>"}
	page := render(t, "<Titel> & \"mere\"", text, []citat.Record{r})
	for _, raw := range []string{"<script>", "<b>", "</title><script>", "<Ørum>", "<Titel>", "<evidence>", "& \"", "& æøå"} {
		if bytes.Contains(page, []byte(raw)) {
			t.Errorf("page contains %q unescaped", raw)
		}
	}
	p := checkPage(t, page)
	checkQuotes(t, p, text, []citat.Record{r})
	if p.classes["cue"] != 1 || p.classes["who"] != 1 {
		t.Errorf("cue and speaker mention not underlined once each: %v", p.classes)
	}
}

func TestPageOffsetsDanish(t *testing.T) {
	// Every quote starts after multi-byte letters, so rune and byte offsets
	// differ; the page must cut at the byte offsets.
	text := "Æblerne på Ærø\n\n- Økonomien i år er blæst væk, siger formand Søren Æbelø.\n\n»Blåbær og rødgrød med fløde,« fortæller hun til Fyens Stiftstidende.\n"
	recs := []citat.Record{
		rec(t, text, "Økonomien i år er blæst væk", "siger", "formand Søren Æbelø", "Søren Æbelø"),
		rec(t, text, "Blåbær og rødgrød med fløde", "fortæller", "hun", "Søren Æbelø"),
	}
	recs[1].Source = &citat.Source{Name: "Fyens Stiftstidende", Kind: "newspaper", Mention: &citat.Span{Text: "Fyens Stiftstidende", Start: strings.Index(text, "Fyens"), End: strings.Index(text, "Fyens") + len("Fyens Stiftstidende")}}
	for _, r := range recs {
		if text[r.Start:r.End] != r.Text {
			t.Fatalf("bad test record %+v", r)
		}
	}
	p := checkPage(t, render(t, "Ærø", text, recs))
	checkQuotes(t, p, text, recs)
	if p.fragments[1] != 1 || p.fragments[2] != 1 {
		t.Errorf("simple quotes split into fragments: %v", p.fragments)
	}
	if p.classes["q s0"] != 2 {
		t.Errorf("the two quotes of one speaker do not share a colour: %v", p.classes)
	}
	if p.classes["src"] != 1 {
		t.Errorf("source mention not marked: %v", p.classes)
	}
}

func TestPageNestedAndOverlapping(t *testing.T) {
	text := "Han sagde: »Hun kaldte det »en skandale« og gik,« siger Per Ås til DR om mødet i går.\n"
	outer := rec(t, text, "Hun kaldte det »en skandale« og gik", "siger", "Per Ås", "Per Ås")
	inner := rec(t, text, "en skandale", "kaldte", "Hun", "Ulla Bø")
	// crossing starts inside outer and ends after it, across its cue and
	// mention; unnamed is a quote without a speaker.
	crossing := rec(t, text, "og gik,« siger Per Ås til DR om", "", "", "")
	crossing.Speaker = &citat.Speaker{Description: "en kilde", Type: "unknown"}
	whole := rec(t, text, text[:len(text)-1], "", "", "")
	recs := []citat.Record{whole, outer, inner, crossing}
	p := checkPage(t, render(t, "Indlejrede citater", text, recs))
	checkQuotes(t, p, text, recs)
	if p.fragments[4] < 2 {
		t.Errorf("crossing quote not split: %d fragments", p.fragments[4])
	}
	if p.classes["q snone"] != 1 {
		t.Errorf("the quote without a speaker is not grey: %v", p.classes)
	}
}

func TestPageBadSpans(t *testing.T) {
	text := "»Det går godt,« siger Åse.\n"
	good := rec(t, text, "Det går godt", "siger", "Åse", "Åse")
	outside := citat.Record{Text: "x", Start: 10, End: 500, Kind: citat.Direct}
	midRune := citat.Record{Text: "Å", Start: strings.Index(text, "Å") + 1, End: strings.Index(text, "Å") + 2, Kind: citat.Direct}
	empty := citat.Record{Start: 5, End: 5, Kind: citat.Direct, Cue: &citat.Span{Start: -1, End: 3}}
	recs := []citat.Record{good, outside, midRune, empty}
	p := checkPage(t, render(t, "", text, recs))
	if diff := cmp.Diff(text, p.article); diff != "" {
		t.Errorf("article text (-want +got):\n%s", diff)
	}
	if p.quotes[1] != good.Text {
		t.Errorf("good quote reads %q", p.quotes[1])
	}
	for q := 2; q <= 4; q++ {
		if p.fragments[q] != 0 {
			t.Errorf("quote %d with a bad span was highlighted", q)
		}
	}
}

func TestPageEmpty(t *testing.T) {
	for _, recs := range [][]citat.Record{nil, {{Text: "x", Start: 0, End: 1, Kind: citat.Direct}}} {
		page := render(t, "", "", recs)
		p := checkPage(t, page)
		if p.hasText {
			t.Error("empty text rendered an article")
		}
		if !bytes.Contains(page, []byte("Ingen artikel endnu.")) || !bytes.Contains(page, []byte("<title>Citater</title>")) {
			t.Errorf("empty page lacks its notice or default title:\n%s", page)
		}
	}
}

func TestForm(t *testing.T) {
	var b bytes.Buffer
	if err := Form(&b); err != nil {
		t.Fatal(err)
	}
	checkPage(t, b.Bytes())
	for _, want := range []string{`<form method="post">`, `name="text"`, "<textarea", `<button type="submit">`} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("form page lacks %q", want)
		}
	}

	// A form with the posted text, its quotes and a message.
	text := "»Ja,« siger Ib <Ørum>.\n"
	b.Reset()
	err := Write(&b, Doc{Title: "Resultat", Text: text, Records: []citat.Record{rec(t, text, "Ja", "siger", "Ib", "Ib")},
		Form: true, Action: "/analyse?x=1&y=2", Message: "Teksten er <kort>."})
	if err != nil {
		t.Fatal(err)
	}
	p := checkPage(t, b.Bytes())
	if p.quotes[1] != "Ja" {
		t.Errorf("quote reads %q", p.quotes[1])
	}
	for _, want := range []string{`action="/analyse?x=1&amp;y=2"`, "Ib &lt;Ørum&gt;.\n</textarea>", "Teksten er &lt;kort&gt;."} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("page lacks %q:\n%s", want, b.Bytes())
		}
	}
}

// TestPageArticles renders the project's test articles with the records
// citat finds in them.
func TestPageArticles(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Skipf("no test articles: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			recs, err := citat.Extract(text)
			if err != nil {
				t.Fatal(err)
			}
			p := checkPage(t, render(t, filepath.Base(f), text, recs))
			checkQuotes(t, p, text, recs)
		})
	}
}
