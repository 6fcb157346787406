package fuzzkit

import "testing"

func TestArticles(t *testing.T) {
	if got := Articles(t); len(got) < 2 || got[0] == "" {
		t.Errorf("Articles found %d texts", len(got))
	}
}

func TestRegion(t *testing.T) {
	s := "aæb" // æ is two bytes: boundaries 0, 1, 3, 4
	bounds := RuneBounds(s)
	want := []bool{true, true, false, true, true}
	for i := range want {
		if bounds[i] != want[i] {
			t.Fatalf("RuneBounds(%q) = %v, want %v", s, bounds, want)
		}
	}
	for _, tt := range []struct {
		a, b       uint
		start, end int
	}{{0, 4, 0, 4}, {2, 0, 0, 1}, {4, 2, 1, 4}, {7, 9, 1, 4}} {
		if s, e := Region(bounds, tt.a, tt.b); s != tt.start || e != tt.end {
			t.Errorf("Region(%d, %d) = %d, %d; want %d, %d", tt.a, tt.b, s, e, tt.start, tt.end)
		}
	}
}
