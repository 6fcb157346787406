package segment

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/citat-go/citat/internal/fuzzkit"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestResetMatchesNew reuses one Doc over a sequence of texts: each time
// it must hold what a new Doc holds, whatever the texts before left in it.
func TestResetMatchesNew(t *testing.T) {
	var d Doc
	for i, text := range fuzzkit.Sequence(t) {
		d.Reset(context.Background(), text)
		want := New(text)
		if diff := cmp.Diff(want, &d, cmp.AllowUnexported(Doc{}), cmpopts.IgnoreFields(Doc{}, "lowered", "done"), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("text %d: reused Doc differs from a new one (-new +reused):\n%s", i, diff)
		}
	}
}

// TestLowerForms checks the lower-case form of each word, and that a word
// without a capital is its own slice of the text.
func TestLowerForms(t *testing.T) {
	text := "Ærø og ØRESUND, iPhone-salget og DR. İstanbul 3F."
	d := New(text)
	var got []string
	for _, w := range d.Words {
		got = append(got, w.Low)
		s := text[w.Start:w.End]
		if len(w.Low) != len(s) {
			t.Errorf("%q: lower-case form %q has another length", s, w.Low)
		}
		if strings.IndexFunc(s, unicode.IsUpper) < 0 && unsafe.StringData(w.Low) != unsafe.StringData(s) {
			t.Errorf("%q: a word without a capital was copied", s)
		}
	}
	// "DR." is the broadcaster, not the abbreviation "dr."; İ lowers to a
	// shorter rune and is kept as it is.
	want := []string{"ærø", "og", "øresund", "iphone-salget", "og", "dr", "İstanbul", "3f"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lower-case forms (-want +got):\n%s", diff)
	}
}

// TestLoweredBounded reuses a Doc over more distinct capitalised words than
// it remembers: the memory must stay bounded.
func TestLoweredBounded(t *testing.T) {
	var d Doc
	buf := make([]byte, 0, 64)
	for i := range 3 * maxLowered {
		buf = append(buf[:0], "Navn"...)
		buf = append(buf, byte('A'+i%26), byte('A'+i/26%26), byte('A'+i/676%26))
		d.Reset(context.Background(), string(buf))
		if len(d.lowered) > maxLowered+1 {
			t.Fatalf("after %d texts the Doc remembers %d lower-case forms, more than %d", i+1, len(d.lowered), maxLowered+1)
		}
	}
}
