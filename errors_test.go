package citat

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/citat-go/citat/attribution"
)

// TestInvalidUTF8 checks that invalid UTF-8 is rejected with ErrInvalidUTF8
// and an *InputError at the first invalid byte, whatever the kind of error.
func TestInvalidUTF8(t *testing.T) {
	art := articleCorpus(t)["krimi-indbrud.txt"]
	cases := []struct {
		name string
		in   string
		at   int
	}{
		{"lone continuation byte", "\x80", 0},
		{"0xff", "abc\xff", 3},
		{"0xfe", "- Citat\xfe, siger han.", 7},
		{"truncated 2-byte at end", "Hej æ"[:5], 4},
		{"truncated 3-byte", "a\xe2\x82b", 1},
		{"truncated 4-byte", "ab\xf0\x9f\x98", 2},
		{"overlong slash", "x\xc0\xaf", 1},
		{"overlong NUL", "\xc0\x80", 0},
		{"surrogate half", "»\xed\xa0\x80«", 2},
		{"beyond U+10FFFF", "ø\xf4\x90\x80\x80", 2},
		{"after valid multibyte", "æøå»«\xff", 10},
		{"deep in an article", art + "\xff" + art, len(art)},
	}
	// Cut the article at spaces, so the cuts fall on rune boundaries.
	i := 100 + strings.IndexByte(art[100:], ' ')
	j := 200 + strings.IndexByte(art[200:], ' ')
	cases = append(cases, struct {
		name string
		in   string
		at   int
	}{"first of several", art[:i] + "\xc3" + art[i:j] + "\xff", i})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if utf8.ValidString(c.in) {
				t.Fatalf("test input %q is valid", c.in)
			}
			recs, err := Extract(c.in)
			if !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("Extract(%q) error = %v, want ErrInvalidUTF8", clipText(c.in), err)
			}
			if errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v is also ErrTooLarge", err)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is no *InputError", err, err)
			}
			if ie.Offset != c.at || firstInvalid(c.in) != c.at {
				t.Errorf("offset %d (independent check %d), want %d", ie.Offset, firstInvalid(c.in), c.at)
			}
			if !strings.Contains(err.Error(), "invalid UTF-8") {
				t.Errorf("message %q does not say what is wrong", err)
			}
			if recs != nil {
				t.Errorf("records %v returned with an error", recs)
			}
			// The same through ExtractContext and a configured Extractor.
			_, err2 := MustNew(WithMaxBytes(len(c.in))).ExtractContext(context.Background(), c.in)
			if !errors.Is(err2, ErrInvalidUTF8) || !errors.As(err2, &ie) || ie.Offset != c.at {
				t.Errorf("ExtractContext: %v", err2)
			}
		})
	}
}

// TestLenientUTF8 checks that WithLenientUTF8 analyses invalid input with
// every offset indexing the caller's original bytes: an invalid byte where
// a space stood gives exactly the records of the clean text.
func TestLenientUTF8(t *testing.T) {
	lenient := MustNew(WithLenientUTF8())
	for name, text := range articleCorpus(t) {
		clean, err := Extract(text)
		if err != nil {
			t.Fatal(err)
		}
		// Every third space becomes an invalid byte of some kind: the
		// lenient reading sees a space there again.
		bad := []string{"\xff", "\x80", "\xc3", "\xfe"}
		var b strings.Builder
		k := 0
		for i := 0; i < len(text); i++ {
			if text[i] == ' ' {
				if k%3 == 0 {
					b.WriteString(bad[k/3%len(bad)])
					k++
					continue
				}
				k++
			}
			b.WriteByte(text[i])
		}
		dirty := b.String()
		if len(dirty) != len(text) || utf8.ValidString(dirty) {
			t.Fatal("bad test input")
		}
		if _, err := Extract(dirty); !errors.Is(err, ErrInvalidUTF8) {
			t.Fatalf("%s: default Extractor accepted invalid input: %v", name, err)
		}
		recs, err := lenient.Extract(dirty)
		if err != nil {
			t.Fatalf("%s: lenient: %v", name, err)
		}
		checkRecords(t, dirty, recs)
		if len(recs) != len(clean) {
			t.Errorf("%s: %d records lenient, %d clean", name, len(recs), len(clean))
			continue
		}
		for i, r := range recs {
			c := clean[i]
			if r.Start != c.Start || r.End != c.End || r.Kind != c.Kind || r.SpeakerName() != c.SpeakerName() || r.SourceName() != c.SourceName() {
				t.Errorf("%s record %d: lenient [%d,%d) %v %q, clean [%d,%d) %v %q", name, i,
					r.Start, r.End, r.Kind, r.SpeakerName(), c.Start, c.End, c.Kind, c.SpeakerName())
			}
			if r.Text != dirty[r.Start:r.End] {
				t.Errorf("%s record %d: text not from the caller's bytes", name, i)
			}
		}
	}
	t.Run("invalid bytes inside words", func(t *testing.T) {
		in := "- Vi v\xffinder i \xe2\x82 dag, siger Anne H\xc3olm til \xf0\x9fDR.\n\n»Det er\xed\xa0\x80 godt,« siger hun."
		recs, err := checkDeterministic(t, lenient, in)
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, in, recs)
		if len(recs) < 2 {
			t.Errorf("%d records, want the two quotes", len(recs))
		}
	})
	t.Run("nothing valid", func(t *testing.T) {
		in := strings.Repeat("\xff\x80\xc3", 1000)
		recs, err := lenient.Extract(in)
		if err != nil || len(recs) != 0 {
			t.Errorf("got %v, %v; want no records and no error", recs, err)
		}
	})
}

// TestMaxBytes checks WithMaxBytes and the default limit.
func TestMaxBytes(t *testing.T) {
	x := MustNew(WithMaxBytes(10))
	for _, in := range []string{"", "0123456789", "æææææ", "- Ja, sagde"} {
		if len(in) > 10 {
			continue
		}
		if _, err := x.Extract(in); err != nil {
			t.Errorf("Extract(%q) of %d bytes under a 10-byte limit: %v", in, len(in), err)
		}
	}
	for _, in := range []string{"01234567890", "ææææææ", strings.Repeat("x", 1000)} {
		recs, err := x.Extract(in)
		if !errors.Is(err, ErrTooLarge) || errors.Is(err, ErrInvalidUTF8) || recs != nil {
			t.Errorf("Extract of %d bytes under a 10-byte limit: %v, %v; want ErrTooLarge", len(in), recs, err)
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || ie.Offset != len(in) {
			t.Errorf("error %v: want an *InputError giving the size %d", err, len(in))
		}
	}
	for _, n := range []int{0, -1, -1 << 40} {
		if x, err := New(WithMaxBytes(n)); err == nil || x != nil {
			t.Errorf("New(WithMaxBytes(%d)) = %v, %v; want an error", n, x, err)
		}
	}
	t.Run("default", func(t *testing.T) {
		if testing.Short() {
			t.Skip("allocates 64 MiB")
		}
		big := strings.Repeat("a", DefaultMaxBytes+1)
		if _, err := Extract(big); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Extract of DefaultMaxBytes+1 bytes: %v, want ErrTooLarge", err)
		}
		// A limit above the default lifts it.
		if _, err := MustNew(WithMaxBytes(DefaultMaxBytes+1)).ExtractContext(cancelled(), big); !errors.Is(err, context.Canceled) {
			t.Errorf("with a higher limit: %v, want it read (and cancelled)", err)
		}
	})
}

// TestOptions checks the errors of invalid options.
func TestOptions(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	if _, err := New(WithCatalogue(nil)); err == nil {
		t.Error("New(WithCatalogue(nil)) succeeded")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("MustNew(WithMaxBytes(0)) did not panic")
			}
		}()
		MustNew(WithMaxBytes(0))
	}()
	cat, err := attribution.ParseCatalogue("Lokalavisen\tnewspaper\tLokalavisen\n")
	if err != nil {
		t.Fatal(err)
	}
	x := MustNew(WithCatalogue(cat), WithLenientUTF8(), WithMaxBytes(1<<20))
	recs, err := x.Extract("- Vi vinder, siger Anne Holm til Lokalavisen.")
	if err != nil || len(recs) != 1 {
		t.Fatalf("got %v, %v", recs, err)
	}
	checkRecords(t, "- Vi vinder, siger Anne Holm til Lokalavisen.", recs)
	if recs[0].SourceName() != "Lokalavisen" {
		t.Errorf("source %q, want the custom catalogue's Lokalavisen", recs[0].SourceName())
	}
}

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// TestExtractContext checks cancellation on a 20 MB input: an already
// cancelled context stops the call before any analysis, and a context
// cancelled during the extraction stops it soon after. "Soon" is measured
// against the time the full extraction takes in the same test, not against
// a fixed number: the call must return within a twentieth of that.
func TestExtractContext(t *testing.T) {
	size := 20 << 20
	if testing.Short() {
		size = 2 << 20
	}
	all := allArticles(t)
	in := strings.Repeat(all, size/len(all)+1)
	start := time.Now()
	recs, err := Extract(in)
	full := time.Since(start)
	if err != nil || len(recs) == 0 {
		t.Fatalf("Extract(%d bytes): %d records, %v", len(in), len(recs), err)
	}
	t.Logf("full extraction of %d bytes: %v", len(in), full)
	bound := full / 20

	t.Run("already cancelled", func(t *testing.T) {
		start := time.Now()
		recs, err := defaultExtractor.ExtractContext(cancelled(), in)
		took := time.Since(start)
		if !errors.Is(err, context.Canceled) || recs != nil {
			t.Fatalf("got %d records, %v; want context.Canceled", len(recs), err)
		}
		t.Logf("returned in %v", took)
		if took > bound {
			t.Errorf("took %v, more than a twentieth of a full extraction (%v)", took, full)
		}
	})
	for _, at := range []float64{0.15, 0.6} {
		t.Run("cancelled during", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			type result struct {
				recs []Record
				err  error
				at   time.Time
			}
			done := make(chan result, 1)
			go func() {
				recs, err := defaultExtractor.ExtractContext(ctx, in)
				done <- result{recs, err, time.Now()}
			}()
			time.Sleep(time.Duration(at * float64(full)))
			cancelAt := time.Now()
			cancel()
			r := <-done
			if r.at.Before(cancelAt) {
				t.Skipf("finished before the cancel at %.0f%% of the full time", 100*at)
			}
			latency := r.at.Sub(cancelAt)
			t.Logf("cancelled at %.0f%% of %v: returned %v later", 100*at, full, latency)
			if !errors.Is(r.err, context.Canceled) || r.recs != nil {
				t.Fatalf("got %d records, %v; want context.Canceled", len(r.recs), r.err)
			}
			if latency > bound {
				t.Errorf("returned %v after the cancel, more than a twentieth of a full extraction (%v)", latency, full)
			}
		})
	}
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), full/4)
		defer cancel()
		recs, err := defaultExtractor.ExtractContext(ctx, in)
		if !errors.Is(err, context.DeadlineExceeded) || recs != nil {
			t.Fatalf("got %d records, %v; want context.DeadlineExceeded", len(recs), err)
		}
	})
}
