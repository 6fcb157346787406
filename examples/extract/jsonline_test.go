package main

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readArticleLines are lines for readArticle, with whether it should read
// them itself rather than leave them to encoding/json.
var readArticleLines = []struct {
	line string
	fast bool
}{
	{`{"id":"a","text":"Hej"}`, true},
	{`  { "id" : 7 ,` + "\t" + `"text" : "Hej" , "tags" : [ "a" , {"b":[1,2]} ] , "n": -1.5e3, "ok": true, "no": null }  ` + "\r\n", true},
	{`{"text":"\u00bbVi\u00ab \"citat\" \\ \/ \b\f\n\r\t \ud83d\ude00"}`, true},
	{`{"text":"first","text":"second"}`, true},
	{`{"text":"x","id":"one","id":"two"}`, true},
	{`{"text":"x","meta":"\u0041\ud800"}`, true}, // only the text is decoded
	{`{"text":"\u0000"}`, true},
	{`{"text":42,"text":"last wins"}`, false},
	{`{"te\u0078t":"escaped key"}`, false},
	{`{"text":"ab\ud800c"}`, false},
	{`{"text":"\udc00\ud800"}`, false},
	{"{\"text\":\"gl\xe6de\"}", false},
	{"{\"text\":\"tab\there\"}", false},
	{`{"text":"x"} trailing`, false},
	{`{"text":"x",}`, false},
	{`{"text":"x","n":01}`, false},
	{`{"text":"x","a":[1,}`, false},
	{`{"text":"x","a":{"b"}}`, false},
	{`{"text":"\x"}`, false},
	{`{"text":"\u12"}`, false},
	{`{"text":null}`, false},
	{`{"id":"n"}`, false},
	{`{}`, false},
	{`[]`, false},
	{`"text"`, false},
	{``, false},
}

// TestReadArticle checks which lines readArticle reads and that it reads
// them as encoding/json does.
func TestReadArticle(t *testing.T) {
	for _, tt := range readArticleLines {
		_, _, ok := readArticle([]byte(tt.line))
		if ok != tt.fast {
			t.Errorf("readArticle(%q): ok = %v, want %v", tt.line, ok, tt.fast)
		}
		checkReadArticle(t, []byte(tt.line))
	}
}

// FuzzReadArticle checks that whatever line readArticle reads, it reads as
// the encoding/json path does.
func FuzzReadArticle(f *testing.F) {
	for _, tt := range readArticleLines {
		f.Add([]byte(tt.line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkReadArticle(t, line)
	})
}

func checkReadArticle(t *testing.T, line []byte) {
	t.Helper()
	fields, text, ok := readArticle(line)
	if !ok {
		return
	}
	want, _, wantText, failure := decodeArticle(line)
	if failure != "" {
		t.Fatalf("readArticle(%q) read a line encoding/json refuses: %s", line, failure)
	}
	delete(want, "text")
	if len(want) == 0 {
		want = nil
	}
	if diff := cmp.Diff(want, fields, cmp.Comparer(func(a, b json.RawMessage) bool { return string(a) == string(b) })); diff != "" {
		t.Errorf("readArticle(%q) fields (-encoding/json +readArticle):\n%s", line, diff)
	}
	if text != wantText {
		t.Errorf("readArticle(%q) text = %q, want %q", line, text, wantText)
	}
}
