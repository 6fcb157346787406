package main

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/citat-go/citat"
)

// appendRecords appends recs as a JSON array to b, byte for byte as
// json.Marshal writes it. Batch mode writes every record of an archive,
// and encoding/json's reflection took a sixth of its time on quote-dense
// articles. Whatever appendRecords cannot write itself (an invalid kind, a
// confidence that is no number: json.Marshal's errors) it leaves to
// json.Marshal, so the errors are json.Marshal's too.
//
// The field order and names follow citat.Record's JSON tags;
// TestAppendRecords and FuzzAppendRecords hold the two to each other.
func appendRecords(b []byte, recs []citat.Record) ([]byte, error) {
	for i := range recs {
		if !plainRecord(&recs[i]) {
			j, err := json.Marshal(recs)
			return append(b, j...), err
		}
	}
	if recs == nil {
		return append(b, "null"...), nil
	}
	b = append(b, '[')
	for i := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendRecord(b, &recs[i])
	}
	return append(b, ']'), nil
}

// plainRecord reports whether r holds only what appendRecord writes
// itself: a kind with a name and a finite confidence.
func plainRecord(r *citat.Record) bool {
	return kindJSON[r.Kind] != "" && !math.IsInf(r.Confidence, 0) && !math.IsNaN(r.Confidence)
}

// kindJSON holds each kind's JSON string, "" for a kind without a name:
// MarshalText allocates its answer.
var kindJSON = func() (t [256]string) {
	for k := range t {
		if name, err := citat.Kind(k).MarshalText(); err == nil {
			t[k] = string(appendString(nil, string(name)))
		}
	}
	return t
}()

func appendRecord(b []byte, r *citat.Record) []byte {
	b = append(b, `{"text":`...)
	b = appendString(b, r.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(r.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(r.End), 10)
	b = append(b, `,"kind":`...)
	b = append(b, kindJSON[r.Kind]...)
	b = append(b, `,"cue":`...)
	b = appendSpan(b, r.Cue)
	b = append(b, `,"speaker":`...)
	b = appendSpeaker(b, r.Speaker)
	b = append(b, `,"source":`...)
	b = appendSource(b, r.Source)
	b = append(b, `,"negated":`...)
	b = strconv.AppendBool(b, r.Negated)
	b = append(b, `,"confidence":`...)
	b = appendFloat(b, r.Confidence)
	b = append(b, `,"evidence":`...)
	if r.Evidence == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, e := range r.Evidence {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, e)
		}
		b = append(b, ']')
	}
	b = append(b, `,"paragraph":`...)
	b = strconv.AppendInt(b, int64(r.Paragraph), 10)
	return append(b, '}')
}

func appendSpan(b []byte, s *citat.Span) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"text":`...)
	b = appendString(b, s.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, '}')
}

func appendSpeaker(b []byte, s *citat.Speaker) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	// Type is never omitted, so every field before it is followed by a
	// comma and every field after it preceded by one.
	b = appendOmitEmpty(b, `"name":`, s.Name)
	b = appendOmitEmpty(b, `"role":`, s.Role)
	b = appendOmitEmpty(b, `"party":`, s.Party)
	b = appendOmitEmpty(b, `"party_letter":`, s.PartyLetter)
	b = append(b, `"type":`...)
	b = appendString(b, s.Type)
	if s.Description != "" {
		b = append(b, `,"description":`...)
		b = appendString(b, s.Description)
	}
	if s.Mention != nil {
		b = append(b, `,"mention":`...)
		b = appendSpan(b, s.Mention)
	}
	if s.Resolved != "" {
		b = append(b, `,"resolved":`...)
		b = appendString(b, s.Resolved)
	}
	return append(b, '}')
}

// appendOmitEmpty appends the field key: v and a comma, unless v is empty.
func appendOmitEmpty(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	b = append(b, key...)
	b = appendString(b, v)
	return append(b, ',')
}

func appendSource(b []byte, s *citat.Source) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"name":`...)
	b = appendString(b, s.Name)
	b = append(b, `,"kind":`...)
	b = appendString(b, s.Kind)
	b = append(b, `,"inherited":`...)
	b = strconv.AppendBool(b, s.Inherited)
	if s.Mention != nil {
		b = append(b, `,"mention":`...)
		b = appendSpan(b, s.Mention)
	}
	return append(b, '}')
}

// appendFloat appends the finite f as encoding/json writes a float64: like
// JavaScript's number to string conversion.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// "e-09" is written "e-9".
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString appends s as a JSON string the way json.Marshal does: with
// <, > and & escaped for HTML, U+2028 and U+2029 escaped for JavaScript,
// and each invalid UTF-8 byte replaced by U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonPlain holds the ASCII bytes json.Marshal writes as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
