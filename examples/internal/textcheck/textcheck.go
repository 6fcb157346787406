// Package textcheck finds invalid UTF-8 in raw input before a JSON decoder
// sees it: encoding/json would quietly turn bad bytes into U+FFFD, and the
// example programs report the byte offset instead.
package textcheck

import "unicode/utf8"

// InvalidUTF8At returns the offset of the first byte of s that does not
// start a valid UTF-8 sequence, or -1 when s is valid.
func InvalidUTF8At[T string | []byte](s T) int {
	switch v := any(s).(type) {
	case string:
		if utf8.ValidString(v) {
			return -1
		}
		for i := 0; i < len(v); {
			r, n := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && n == 1 {
				return i
			}
			i += n
		}
	case []byte:
		if utf8.Valid(v) {
			return -1
		}
		for i := 0; i < len(v); {
			r, n := utf8.DecodeRune(v[i:])
			if r == utf8.RuneError && n == 1 {
				return i
			}
			i += n
		}
	}
	return -1
}
