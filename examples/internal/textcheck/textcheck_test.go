package textcheck

import "testing"

func TestInvalidUTF8At(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", -1},
		{"æøå og mere", -1},
		{"ab\xffcd", 2},
		{"æ\xc3", 2},                  // a truncated sequence at the end
		{"\xed\xa0\x80 surrogate", 0}, // an encoded surrogate is invalid
	} {
		if got := InvalidUTF8At(tt.in); got != tt.want {
			t.Errorf("InvalidUTF8At(%q) = %d, want %d", tt.in, got, tt.want)
		}
		if got := InvalidUTF8At([]byte(tt.in)); got != tt.want {
			t.Errorf("InvalidUTF8At([]byte(%q)) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
