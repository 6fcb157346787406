package quote

import "fmt"

// Kind says how a quote is reported.
type Kind uint8

// The kinds of quote, as the annotation guidelines define them.
const (
	// Direct is verbatim speech: a dash-led paragraph or text in quote marks.
	Direct Kind = iota + 1
	// Indirect is reported speech: an at/om-clause after a reporting verb,
	// or a lede sentence picked up by "Det siger X".
	Indirect
	// According is a claim attributed with "ifølge X" or "lyder det fra X".
	According
	// Mixed is reported speech carrying a verbatim fragment in quote marks.
	Mixed
)

var kindNames = [...]string{Direct: "direct", Indirect: "indirect", According: "according", Mixed: "mixed"}

// String returns the kind's name as used in the JSON records.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText encodes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) || kindNames[k] == "" {
		return nil, fmt.Errorf("quote: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n != "" && n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("quote: unknown kind %q", b)
}
