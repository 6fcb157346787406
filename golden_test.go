package citat_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citat-go/citat"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden compares the records of every bundled article with its golden
// file. After a deliberate change in behaviour, run
//
//	go test -run TestGolden -update .
//
// and review the diff of testdata/golden before committing it.
func TestGolden(t *testing.T) {
	names, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled articles: %v", err)
	}
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		t.Run(base, func(t *testing.T) {
			text, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := citat.Extract(string(text))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(recs); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", base+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update . to create it)", err)
			}
			var wantRecs, gotRecs []citat.Record
			if err := json.Unmarshal(want, &wantRecs); err != nil {
				t.Fatalf("%s: %v", golden, err)
			}
			if err := json.Unmarshal(got.Bytes(), &gotRecs); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantRecs, gotRecs); diff != "" {
				t.Errorf("%s: records differ from %s (-want +got):\n%s", name, golden, diff)
			}
		})
	}
}
