package citat

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestConcurrentExtract shares one Extractor between 64 goroutines that
// extract the bundled articles, each in its own order, and compares every
// result with a sequential run. It is meant for the race detector
// (go test -race -run Concurren); some goroutines also cancel extractions
// midway, which must give either context.Canceled or the full records.
func TestConcurrentExtract(t *testing.T) {
	c := articleCorpus(t)
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	slices.Sort(names)
	joined := allArticles(t)
	inputs := make([]string, 0, len(names)+2)
	for _, n := range names {
		inputs = append(inputs, c[n])
	}
	inputs = append(inputs, joined, strings.ReplaceAll(c[names[0]], "\n", "\r\n"))

	x := MustNew(WithLenientUTF8())
	want := make([][]Record, len(inputs))
	for i, in := range inputs {
		recs, err := x.Extract(in)
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, in, recs)
		want[i] = recs
	}

	const workers = 64
	var wg sync.WaitGroup
	errs := make(chan error, workers*len(inputs))
	for w := range workers {
		wg.Go(func() {
			for k := range inputs {
				i := (k + w) % len(inputs)
				if i == len(inputs)-2 && w%8 != 0 {
					continue // the joined articles: only every eighth worker
				}
				var recs []Record
				var err error
				switch w % 4 {
				case 0:
					recs, err = x.Extract(inputs[i])
				case 1:
					recs, err = x.ExtractContext(context.Background(), inputs[i])
				case 2:
					// The package-level function shares its own Extractor;
					// the input is valid, so leniency changes nothing.
					recs, err = Extract(inputs[i])
				case 3:
					ctx, cancel := context.WithCancel(context.Background())
					if k%2 == 1 {
						cancel()
					}
					recs, err = x.ExtractContext(ctx, inputs[i])
					cancel()
					if errors.Is(err, context.Canceled) {
						continue
					}
				}
				if err != nil {
					errs <- fmt.Errorf("worker %d, input %d: %v", w, i, err)
					continue
				}
				if d := gocmp.Diff(want[i], recs); d != "" {
					errs <- fmt.Errorf("worker %d, input %d: records differ from the sequential run (-want +got):\n%s", w, i, d)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n++; n <= 5 {
			t.Error(err)
		}
	}
	if n > 5 {
		t.Errorf("… and %d more", n-5)
	}
}
