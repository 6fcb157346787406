package quote

// dropCrossing removes the quotes that partly overlap another one, so that
// two quotes overlap only when one lies wholly inside the other. qs must be
// sorted by start and, for equal starts, longest first. Of two crossing
// quotes a direct one is kept over reported speech; otherwise the earlier
// one is kept.
//
// Crossings arise when a sentence end inside quote marks ("Han siger, at
// »nej! Vi …«, siger hun.") cuts the quote marks' stretch in two: the at-clause
// of the first sentence then runs into the direct quote.
func dropCrossing(qs []Quote) []Quote {
	drop := make([]bool, len(qs))
	dropped := false
	var open []int // kept quotes containing the current start, innermost last
	for i, q := range qs {
		for {
			for len(open) > 0 && qs[open[len(open)-1]].Span.End <= q.Span.Start {
				open = open[:len(open)-1]
			}
			if len(open) == 0 {
				break
			}
			top := open[len(open)-1]
			if q.Span.End <= qs[top].Span.End {
				break // nested
			}
			dropped = true
			if q.Kind == Direct && qs[top].Kind != Direct {
				drop[top] = true
				open = open[:len(open)-1]
				continue
			}
			drop[i] = true
			break
		}
		if !drop[i] {
			open = append(open, i)
		}
	}
	if !dropped {
		return qs
	}
	out := qs[:0]
	for i, q := range qs {
		if !drop[i] {
			out = append(out, q)
		}
	}
	return out
}
