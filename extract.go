package citat

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/citat-go/citat/attribution"
	"github.com/citat-go/citat/internal/segment"
	"github.com/citat-go/citat/quote"
	"github.com/citat-go/citat/speaker"
)

// Errors returned for input that cannot be analysed. Test for them with
// errors.Is; an *InputError carries the byte offset.
var (
	ErrInvalidUTF8 = errors.New("citat: invalid UTF-8")
	ErrTooLarge    = errors.New("citat: input too large")
)

// InputError reports input that cannot be analysed and where.
type InputError struct {
	Offset int   // byte offset of the problem in the input
	Err    error // ErrInvalidUTF8 or ErrTooLarge
}

func (e *InputError) Error() string {
	if errors.Is(e.Err, ErrTooLarge) {
		return fmt.Sprintf("%v: %d bytes", e.Err, e.Offset)
	}
	return fmt.Sprintf("%v at byte %d", e.Err, e.Offset)
}

func (e *InputError) Unwrap() error { return e.Err }

// DefaultMaxBytes is the largest input an Extractor accepts unless
// [WithMaxBytes] says otherwise.
const DefaultMaxBytes = 64 << 20

// Option configures an [Extractor]. Options are made by the With functions
// of this package.
type Option interface{ apply(*config) error }

type config struct {
	maxBytes  int
	lenient   bool
	catalogue *attribution.Catalogue
}

type optionFunc func(*config) error

func (f optionFunc) apply(c *config) error { return f(c) }

// WithMaxBytes sets the largest input accepted; larger input gets
// [ErrTooLarge]. n must be positive.
func WithMaxBytes(n int) Option {
	return optionFunc(func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("citat: WithMaxBytes(%d): the limit must be positive", n)
		}
		c.maxBytes = n
		return nil
	})
}

// WithLenientUTF8 makes the Extractor analyse invalid UTF-8 instead of
// rejecting it: invalid bytes are read as spaces, and offsets still point
// into the caller's original bytes.
func WithLenientUTF8() Option {
	return optionFunc(func(c *config) error { c.lenient = true; return nil })
}

// WithCatalogue replaces the built-in catalogue of agencies and media.
func WithCatalogue(cat *attribution.Catalogue) Option {
	return optionFunc(func(c *config) error {
		if cat == nil {
			return errors.New("citat: WithCatalogue(nil)")
		}
		c.catalogue = cat
		return nil
	})
}

// Extractor extracts quotes with a fixed configuration. It is safe for
// concurrent use by many goroutines and keeps working memory that each
// extraction borrows, so that extracting many texts allocates little beyond
// the records; the zero value is not usable, build one with [New], and do
// not copy one.
//
// Between calls an Extractor keeps the working memory of as many
// extractions as the program runs goroutines in parallel (GOMAXPROCS when
// it was made): its tables, sized for the longest text it has read, and
// what it has learnt about some 30,000 words, a few megabytes in all
// for news articles. Memory grown by a text of more than a few hundred
// kilobytes, or needed by more extractions at once, is left to the garbage
// collector.
type Extractor struct {
	cfg config
	// idle holds working memory between extractions. Unlike a sync.Pool it
	// survives garbage collections and serves any goroutine: what the
	// speaker stage has learnt about the words of earlier texts costs far
	// more to learn again than the tables cost to allocate.
	idle chan *scratch
	more sync.Pool // working memory idle does not keep
}

// keepText bounds the working memory idle keeps: memory that has read a
// longer text (its tables sized for it) goes to the pool.
const keepText = 400 << 10

// get returns working memory for a text of n bytes: for a large text,
// preferably memory that a large text has grown already.
func (x *Extractor) get(n int) *scratch {
	if n > keepText {
		if s, ok := x.more.Get().(*scratch); ok {
			return s
		}
	}
	select {
	case s := <-x.idle:
		return s
	default:
	}
	if s, ok := x.more.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

func (x *Extractor) put(s *scratch) {
	if s.longest <= keepText {
		select {
		case x.idle <- s:
			return
		default:
		}
	}
	x.more.Put(s)
}

// scratch is the working memory of one extraction: each stage keeps its
// tables there, and an Extractor hands it from one document to the next, so
// that extraction allocates for what it returns, not for what it reads.
type scratch struct {
	doc    segment.Doc
	quotes quote.Finder
	spk    speaker.Analyzer
	links  attribution.Linker
	direct []segment.Span
	// longest is the length of the longest text the memory has read: its
	// tables are sized for it.
	longest int
}

// New returns an Extractor configured by opts.
func New(opts ...Option) (*Extractor, error) {
	cfg := config{maxBytes: DefaultMaxBytes, catalogue: attribution.DefaultCatalogue()}
	for _, o := range opts {
		if o == nil {
			return nil, errors.New("citat: nil Option")
		}
		if err := o.apply(&cfg); err != nil {
			return nil, err
		}
	}
	return &Extractor{cfg: cfg, idle: make(chan *scratch, runtime.GOMAXPROCS(0))}, nil
}

// MustNew is like [New] but panics on an invalid option; it is meant for
// package-level variables.
func MustNew(opts ...Option) *Extractor {
	e, err := New(opts...)
	if err != nil {
		panic(err)
	}
	return e
}

var defaultExtractor = MustNew()

// Extract returns the quotes of a Danish news text, sorted by start, with
// the default configuration. It is safe for concurrent use.
func Extract(text string) ([]Record, error) {
	return defaultExtractor.Extract(text)
}

// Extract returns the quotes of text, sorted by start.
func (x *Extractor) Extract(text string) ([]Record, error) {
	return x.ExtractContext(context.Background(), text)
}

// ExtractContext is Extract that stops with ctx's error when ctx is done.
func (x *Extractor) ExtractContext(ctx context.Context, text string) ([]Record, error) {
	s := x.get(len(text))
	s.longest = max(s.longest, len(text))
	defer x.put(s)
	return x.extractWith(ctx, s, text)
}

// extractWith is ExtractContext with the working memory s.
func (x *Extractor) extractWith(ctx context.Context, s *scratch, text string) ([]Record, error) {
	if len(text) > x.cfg.maxBytes {
		return nil, &InputError{Offset: len(text), Err: ErrTooLarge}
	}
	work := text
	if i := invalidAt(text); i >= 0 {
		if !x.cfg.lenient {
			return nil, &InputError{Offset: i, Err: ErrInvalidUTF8}
		}
		work = blankInvalid(text)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return x.run(ctx, s, text, work)
}

// run is the pipeline: text → segments → quotes and mentions →
// attributions → records. Only the records outlive s.
func (x *Extractor) run(ctx context.Context, s *scratch, text, work string) ([]Record, error) {
	doc := &s.doc
	doc.Reset(ctx, work)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	found := s.quotes.FindDoc(doc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(found.Quotes) == 0 {
		// Most archive texts quote no one: the speaker stages have nothing
		// to attribute.
		return nil, nil
	}
	s.direct = s.direct[:0]
	for _, q := range found.Quotes {
		if q.Kind == quote.Direct {
			s.direct = append(s.direct, q.Span)
		}
	}
	an := s.spk.AnalyzeDoc(doc, s.direct)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	links := s.links.Link(doc, found, an, x.cfg.catalogue)
	// Every stage returns early, with partial results, once ctx is done.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return records(text, an, links), nil
}

// invalidAt returns the offset of the first invalid UTF-8 sequence, or -1.
func invalidAt(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// blankInvalid returns s with every invalid byte replaced by a space, so
// that offsets into the copy are offsets into s.
func blankInvalid(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = ' '
		}
		i += n
	}
	return string(b)
}

// recordMemory holds what the records of one text point to, allocated once
// at its full size so that the pointers into it stay put: a few
// allocations a text instead of a few a record.
type recordMemory struct {
	text     string
	spans    []Span
	speakers []Speaker
	sources  []Source
	evidence []string
}

func newRecordMemory(text string, links []attribution.Linked) *recordMemory {
	// Count exactly what records will take, as records decides it. A
	// wrong count would cost an allocation, not a wrong record: append
	// moves on to new storage, and what the earlier pointers point to
	// keeps its value.
	spans, speakers, sources, evidence := 0, 0, 0, 0
	for _, l := range links {
		spans += nonEmpty(l.Cue)
		if s := l.Speaker; s != nil {
			spans += nonEmpty(s.Mention)
			if s.Entity >= 0 || nonEmpty(s.Mention) == 1 {
				speakers++
			}
		}
		if s := l.Source; s != nil {
			sources++
			spans += nonEmpty(s.Mention)
		}
		evidence += len(l.Evidence)
	}
	return &recordMemory{
		text:     text,
		spans:    make([]Span, 0, spans),
		speakers: make([]Speaker, 0, speakers),
		sources:  make([]Source, 0, sources),
		evidence: make([]string, 0, evidence),
	}
}

func nonEmpty(s segment.Span) int {
	if s.End > s.Start {
		return 1
	}
	return 0
}

// span returns the record span of s, or nil when s is empty.
func (m *recordMemory) span(s segment.Span) *Span {
	if s.End <= s.Start {
		return nil
	}
	m.spans = append(m.spans, Span{Text: m.text[s.Start:s.End], Start: s.Start, End: s.End})
	return &m.spans[len(m.spans)-1]
}

func (m *recordMemory) speaker(sp Speaker) *Speaker {
	m.speakers = append(m.speakers, sp)
	return &m.speakers[len(m.speakers)-1]
}

func (m *recordMemory) source(s Source) *Source {
	m.sources = append(m.sources, s)
	return &m.sources[len(m.sources)-1]
}

// copyEvidence copies ev; the copy's capacity ends with it, so that a
// caller who appends to one record's evidence does not overwrite the next.
func (m *recordMemory) copyEvidence(ev []string) []string {
	if ev == nil {
		return nil
	}
	start := len(m.evidence)
	m.evidence = append(m.evidence, ev...)
	return m.evidence[start:len(m.evidence):len(m.evidence)]
}

// records turns linked quotes into records with text taken from the
// caller's original string. Nothing in them points into the pipeline's
// working memory.
func records(text string, an *speaker.Analysis, links []attribution.Linked) []Record {
	m := newRecordMemory(text, links)
	out := make([]Record, 0, len(links))
	for _, l := range links {
		q := l.Quote
		r := Record{
			Text: text[q.Span.Start:q.Span.End], Start: q.Span.Start, End: q.Span.End,
			Kind: q.Kind, Cue: m.span(l.Cue), Negated: l.Negated,
			Confidence: l.Confidence, Evidence: m.copyEvidence(l.Evidence), Paragraph: q.Paragraph,
		}
		if s := l.Speaker; s != nil {
			sp := Speaker{Mention: m.span(s.Mention), Resolved: s.Via, Type: "unknown"}
			if s.Entity >= 0 {
				e := an.Entities[s.Entity]
				sp.Name, sp.Role, sp.Type = e.Name, e.Role, e.Type.String()
				if e.Party != "" {
					sp.PartyLetter = e.Party
					sp.Party, _ = speaker.PartyName(e.Party)
				}
			} else if sp.Mention != nil {
				sp.Description = sp.Mention.Text
				if s.NP.Person {
					sp.Type = "person"
				}
			}
			if sp.Name != "" || sp.Description != "" {
				r.Speaker = m.speaker(sp)
			}
		}
		if s := l.Source; s != nil {
			r.Source = m.source(Source{Name: s.Name, Kind: s.Kind.String(), Inherited: s.Inherited, Mention: m.span(s.Mention)})
		}
		out = append(out, r)
	}
	return out
}
