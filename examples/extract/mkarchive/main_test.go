package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestArchive(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-size", "100kB", "-dir", "../../../testdata/articles"}, &out); err != nil {
		t.Fatal(err)
	}
	if out.Len() < 100e3 || out.Len() > 110e3 {
		t.Errorf("archive of %d bytes for -size 100kB", out.Len())
	}
	ids := map[string]bool{}
	for line := range strings.Lines(out.String()) {
		var a struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &a); err != nil || a.Text == "" || ids[a.ID] {
			t.Fatalf("bad line %q: %v", line, err)
		}
		ids[a.ID] = true
	}
}

func TestParseSize(t *testing.T) {
	for s, want := range map[string]int64{"100MB": 100e6, "64MiB": 64 << 20, "1.5kB": 1500, "2e3": 2000, "10 B": 10} {
		if got, err := parseSize(s); got != want || err != nil {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "MB", "-1", "ten"} {
		if _, err := parseSize(s); err == nil {
			t.Errorf("parseSize(%q) succeeded", s)
		}
	}
}
