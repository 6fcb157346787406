package segment

import "context"

// Reset segments text into d as [New] does, reusing the memory of d's
// slices: a caller that segments one text after another allocates little.
// Whatever was read from d before, its slices included, is no longer valid.
// d must not be in use by another goroutine.
//
// It is also for a caller that may give up before the pipeline is done:
// the Doc remembers ctx, Reset stops reading paragraphs once ctx is done,
// and the stages that walk the Doc ask [Doc.Stopped] every so often and
// return early. What anything returns after ctx is done is incomplete and
// must be thrown away; ctx.Err() tells the caller so.
func (d *Doc) Reset(ctx context.Context, text string) {
	d.reset(text, ctx.Done())
}

// Stopped reports whether the caller of [Doc.Reset] has given up. Loops
// over the Doc's paragraphs, sentences, words or results call it with their
// index i; it looks at the context only when i is a multiple of 256, so the
// check costs nothing measurable. It is always false for a Doc made by New.
func (d *Doc) Stopped(i int) bool {
	if d.done == nil || i&255 != 0 {
		return false
	}
	select {
	case <-d.done:
		return true
	default:
		return false
	}
}
