package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// readArticle reads a well-formed article line in one pass: a JSON object
// of valid UTF-8 with a string "text". It returns the raw values of the
// other fields, id among them, and the decoded text. ok is false for any
// other line, and for the rare forms it leaves to encoding/json (an escape
// in a key, an unpaired surrogate in the text): processLine then decodes
// the line with encoding/json, which also says what is wrong with it.
//
// Decoding with encoding/json alone read each text five times over (a
// validity scan and a decoding scan of the line, both again for the text
// field, and the unquoting), a fifth of batch mode's time; the text is the
// bulk of every line. The fields come out as encoding/json would give them:
// the last of a repeated key wins, and values are the input's bytes.
func readArticle(line []byte) (fields map[string]json.RawMessage, text string, ok bool) {
	if !utf8.Valid(line) {
		return nil, "", false
	}
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return nil, "", false
	}
	i = skipSpace(line, i+1)
	var lit []byte // the text's literal, quotes included
	if i < len(line) && line[i] == '}' {
		return nil, "", false // no text
	}
	for {
		// A key, without escapes.
		end, escaped := stringEnd(line, i)
		if end < 0 || escaped {
			return nil, "", false
		}
		key := line[i+1 : end-1]
		i = skipSpace(line, end)
		if i == len(line) || line[i] != ':' {
			return nil, "", false
		}
		i = skipSpace(line, i+1)
		end = valueEnd(line, i)
		if end < 0 {
			return nil, "", false
		}
		if value := line[i:end]; string(key) == "text" {
			if value[0] != '"' {
				return nil, "", false
			}
			lit = value
		} else {
			if value[0] != '"' && !json.Valid(value) {
				return nil, "", false
			}
			if fields == nil {
				fields = make(map[string]json.RawMessage)
			}
			fields[string(key)] = value
		}
		i = skipSpace(line, end)
		if i == len(line) {
			return nil, "", false
		}
		if line[i] == '}' {
			break
		}
		if line[i] != ',' {
			return nil, "", false
		}
		i = skipSpace(line, i+1)
	}
	if skipSpace(line, i+1) != len(line) || lit == nil {
		return nil, "", false
	}
	text, ok = unquote(lit)
	return fields, text, ok
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string literal that starts
// at b[i], or -1 when there is none: a control character, an unknown escape
// or a \u escape without four hex digits makes it malformed. escaped says
// whether the literal has any escape.
func stringEnd(b []byte, i int) (end int, escaped bool) {
	if i >= len(b) || b[i] != '"' {
		return -1, false
	}
	for i++; i < len(b); i++ {
		if !jsonSpecial[b[i]] {
			continue
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped
		case c < 0x20:
			return -1, false
		case c == '\\':
			escaped = true
			if i+1 == len(b) {
				return -1, false
			}
			i++
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if _, ok := hex4(b, i+1); !ok {
					return -1, false
				}
				i += 4
			default:
				return -1, false
			}
		}
	}
	return -1, false
}

// valueEnd returns the index just past the JSON value that starts at b[i],
// or -1. Strings are checked; other values are only delimited, by their
// brackets or by the next comma, bracket or space, for json.Valid to check.
func valueEnd(b []byte, i int) int {
	if i == len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		end, _ := stringEnd(b, i)
		return end
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				end, _ := stringEnd(b, i)
				if end < 0 {
					return -1
				}
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	start := i
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && skipSpace(b, i) == i {
		i++
	}
	if i == start {
		return -1
	}
	return i
}

// jsonSpecial marks the bytes a JSON string literal's scan must stop at:
// its closing quote, an escape, or a control character, which may not
// stand there unescaped.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// hex4 decodes the four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// unquote decodes the JSON string literal lit, which stringEnd has
// checked. ok is false for a surrogate escape that is not half of a pair,
// which encoding/json would turn into U+FFFD and batch mode reports.
func unquote(lit []byte) (string, bool) {
	body := lit[1 : len(lit)-1]
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		return string(body), true
	}
	// A Builder hands its bytes over as the string, where string(out)
	// would copy them.
	var out strings.Builder
	out.Grow(len(body))
	out.Write(body[:i])
	for i < len(body) {
		// The text between escapes, in one copy.
		k := bytes.IndexByte(body[i:], '\\')
		if k < 0 {
			out.Write(body[i:])
			break
		}
		out.Write(body[i : i+k])
		i += k
		switch e := body[i+1]; e {
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, _ := hex4(body, i+2)
			i += 4
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if i+2 < len(body) && body[i+2] == '\\' && body[i+3] == 'u' {
					r2, ok = hex4(body, i+4)
				}
				if r = utf16.DecodeRune(r, r2); !ok || r == utf8.RuneError {
					return "", false
				}
				i += 6
			}
			out.WriteRune(r)
		default: // '"', '\\', '/'
			out.WriteByte(e)
		}
		i += 2
	}
	return out.String(), true
}
