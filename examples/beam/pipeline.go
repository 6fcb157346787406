package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/textcheck"
)

// Config is what the pipeline needs to know; main fills it from flags.
type Config struct {
	Input    string // file or glob of JSON Lines articles
	Output   string // folder, or file-name prefix when it ends in "-", "_" or "."
	MaxBytes int    // largest article text accepted; 0 means citat.DefaultMaxBytes
	Shards   int    // files per output; 0 means 1
}

// The names of the outputs, as in NAME-00000-of-00001.jsonl.
const (
	recordsName    = "records"
	countsName     = "counts"
	deadLetterName = "deadletter"
)

// Key types of the counts output.
const (
	keySpeaker = "speaker"
	keySource  = "source"
)

// Reasons for dead letters. The reason field of a dead letter starts with
// one of these codes, followed by ": " and a detail when there is one.
const (
	reasonMalformedJSON = "malformed_json"
	reasonMissingID     = "missing_id"
	reasonMissingText   = "missing_text"
	reasonBadText       = "bad_text"
	reasonEmptyText     = "empty_text"
	reasonInvalidUTF8   = "invalid_utf8"
	reasonTooLarge      = "too_large"
	reasonExtractError  = "extract_error"
	reasonExtractPanic  = "extract_panic"
)

// maxDeadLine is the largest input line copied whole into a dead letter;
// longer lines are cut and marked line_truncated (the id and the reason are
// always there, and the original stays in the input).
const maxDeadLine = 1 << 20

// Metrics of the pipeline, all in the namespace "citat".
var (
	articlesCounter      = beam.NewCounter("citat", "articles")                // non-blank input lines
	quotesCounter        = beam.NewCounter("citat", "quotes")                  // records written
	failuresCounter      = beam.NewCounter("citat", "failures")                // dead letters written
	bytesCounter         = beam.NewCounter("citat", "bytes")                   // bytes of non-blank input lines
	textBytesCounter     = beam.NewCounter("citat", "text_bytes")              // bytes of article text analysed
	noQuotesCounter      = beam.NewCounter("citat", "articles_without_quotes") // analysed, nothing found
	blankLinesCounter    = beam.NewCounter("citat", "blank_lines")             // skipped, not articles
	extractedArticlesCnt = beam.NewCounter("citat", "articles_with_quotes")    // analysed, quotes found
)

// RecordLine is one line of the records output: the article's id, as given
// in the input, and one citat.Record in the library's own JSON encoding.
type RecordLine struct {
	ID     json.RawMessage `json:"id"`
	Record citat.Record    `json:"record"`
}

// CountLine is one line of the counts output. Key is "" for quotes with no
// named speaker (key_type "speaker") or no source (key_type "source"), so
// that the counts of each key type add up to the number of records.
type CountLine struct {
	KeyType string `json:"key_type"`
	Key     string `json:"key"`
	Quotes  int    `json:"quotes"`
}

// DeadLetter is one line of the deadletter output: an input line that could
// not be analysed, and why.
type DeadLetter struct {
	// Line is the input line. Invalid UTF-8 in it is shown as U+FFFD; the
	// exact bytes are then in LineBase64.
	Line          string          `json:"line"`
	LineBase64    string          `json:"line_base64,omitempty"`
	LineTruncated bool            `json:"line_truncated,omitempty"`
	LineBytes     int             `json:"line_bytes"`
	ID            json.RawMessage `json:"id"` // null when the line has no usable id
	Reason        string          `json:"reason"`
}

func init() {
	register.DoFn6x1[context.Context, string, func(string), func(string), func(string), func(string), error](&extractFn{})
	register.Emitter1[string]()
	register.DoFn3x0[string, int, func(string)](&formatCountFn{})
	register.DoFn1x2[string, int, string](&shardKeyFn{})
	register.Function1x2[int, int, string](markerFn)
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
	// register.DoFnNxM also registers the DoFn's struct type (what
	// beam.RegisterType would do), so portable runners can rebuild the
	// DoFns from their serialized form on the workers. The elements of
	// every PCollection are strings, ints or KVs of them: no other types
	// need registering.
}

// Build adds the pipeline to s: read the articles, extract the quotes, count
// them by speaker and by source, and write records, counts and dead letters.
func Build(s beam.Scope, cfg Config) error {
	if cfg.Input == "" {
		return errors.New("no input: set --input to a JSON Lines file or glob")
	}
	if cfg.Output == "" {
		return errors.New("no output: set --output to a folder or prefix")
	}
	if cfg.MaxBytes < 0 {
		return fmt.Errorf("max bytes %d: must not be negative", cfg.MaxBytes)
	}
	if cfg.Shards < 0 {
		return fmt.Errorf("shards %d: must not be negative", cfg.Shards)
	}
	if cfg.Shards == 0 {
		cfg.Shards = 1
	}
	if cfg.MaxBytes == 0 {
		cfg.MaxBytes = citat.DefaultMaxBytes
	}
	if _, err := citat.New(citat.WithMaxBytes(cfg.MaxBytes)); err != nil {
		return err
	}
	filesystem.ValidateScheme(cfg.Input)
	filesystem.ValidateScheme(cfg.Output)

	lines := textio.Read(s.Scope("ReadArticles"), cfg.Input)
	records, speakers, sources, dead := beam.ParDo4(s.Scope("ExtractQuotes"), &extractFn{MaxBytes: cfg.MaxBytes}, lines)

	bySpeaker := stats.Count(s.Scope("CountBySpeaker"), speakers)
	bySource := stats.Count(s.Scope("CountBySource"), sources)
	counts := beam.Flatten(s.Scope("Counts"),
		beam.ParDo(s.Scope("FormatSpeakerCounts"), &formatCountFn{KeyType: keySpeaker}, bySpeaker),
		beam.ParDo(s.Scope("FormatSourceCounts"), &formatCountFn{KeyType: keySource}, bySource),
	)

	prefix := outputPrefix(cfg.Output)
	writeSharded(s.Scope("WriteRecords"), prefix+recordsName, cfg.Shards, records)
	writeSharded(s.Scope("WriteCounts"), prefix+countsName, cfg.Shards, counts)
	writeSharded(s.Scope("WriteDeadLetters"), prefix+deadLetterName, cfg.Shards, dead)
	return nil
}

// outputPrefix turns --output into the prefix of the output file names: a
// folder gets a separator, a prefix ending in "-", "_" or "." is kept.
func outputPrefix(out string) string {
	switch {
	case strings.HasSuffix(out, "/"), strings.HasSuffix(out, "-"),
		strings.HasSuffix(out, "_"), strings.HasSuffix(out, "."):
		return out
	}
	return out + "/"
}

// shardName is the name of one output file.
func shardName(base string, shard, shards int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", base, shard, shards)
}

// extractFn parses an article line and extracts its quotes with the one
// Extractor of its worker. It emits the records as JSON lines, the speaker
// and source key of every record, and a dead letter for every line that
// cannot be analysed.
type extractFn struct {
	MaxBytes int `json:"max_bytes"`

	x *citat.Extractor
}

// Setup gets the worker's Extractor. A worker process can hold several
// instances of the DoFn, one per bundle it runs at the same time. An
// Extractor is immutable and safe for concurrent use, so they all share one:
// the first Setup builds it.
func (fn *extractFn) Setup() error {
	x, err := workerExtractor(fn.MaxBytes)
	if err != nil {
		return err
	}
	fn.x = x
	return nil
}

var (
	extractorsMu sync.Mutex
	extractors   = map[int]*citat.Extractor{} // by max bytes
)

// workerExtractor returns the process's Extractor for the limit maxBytes,
// building it on first use.
func workerExtractor(maxBytes int) (*citat.Extractor, error) {
	extractorsMu.Lock()
	defer extractorsMu.Unlock()
	if x := extractors[maxBytes]; x != nil {
		return x, nil
	}
	x, err := citat.New(citat.WithMaxBytes(maxBytes))
	if err != nil {
		return nil, err
	}
	extractors[maxBytes] = x
	return x, nil
}

func (fn *extractFn) ProcessElement(ctx context.Context, line string,
	emitRecord, emitSpeaker, emitSource, emitDead func(string)) error {
	if strings.TrimSpace(line) == "" {
		blankLinesCounter.Inc(ctx, 1)
		return nil
	}
	articlesCounter.Inc(ctx, 1)
	bytesCounter.Inc(ctx, int64(len(line)))

	id, recs, reason, err := analyse(ctx, fn.x, line)
	if err != nil {
		return err // the bundle failed (cancelled); the runner retries it
	}
	if reason != "" {
		b, err := json.Marshal(deadLetter(line, id, reason))
		if err != nil {
			return err
		}
		failuresCounter.Inc(ctx, 1)
		emitDead(string(b))
		return nil
	}
	if len(recs) == 0 {
		noQuotesCounter.Inc(ctx, 1)
		return nil
	}
	extractedArticlesCnt.Inc(ctx, 1)
	for _, r := range recs {
		b, err := json.Marshal(RecordLine{ID: id, Record: r})
		if err != nil {
			return err
		}
		emitRecord(string(b))
		emitSpeaker(r.SpeakerName())
		emitSource(r.SourceName())
	}
	quotesCounter.Inc(ctx, int64(len(recs)))
	return nil
}

// article is the part of an input line the pipeline reads; other fields
// are allowed and ignored.
type article struct {
	ID   json.RawMessage `json:"id"`
	Text json.RawMessage `json:"text"`
}

// analyse parses line and extracts its quotes with x. It returns the
// article's id (nil when there is none) and either the records or the reason
// the line is a dead letter. err is set only when ctx is done: the element
// is then not finished and must not be written anywhere.
func analyse(ctx context.Context, x *citat.Extractor, line string) (id json.RawMessage, recs []citat.Record, reason string, err error) {
	trimmed := strings.TrimLeft(line, " \t\r\n")
	if !strings.HasPrefix(trimmed, "{") {
		return nil, nil, reasonMalformedJSON + ": not a JSON object", nil
	}
	var a article
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		return nil, nil, reasonMalformedJSON + ": " + err.Error(), nil
	}
	if !isNull(a.ID) {
		id = a.ID
	}
	// JSON text must be UTF-8, and encoding/json would quietly read invalid
	// bytes as U+FFFD: check the raw line. The id is still reported.
	if i := textcheck.InvalidUTF8At(line); i >= 0 {
		return id, nil, fmt.Sprintf("%s: invalid UTF-8 at byte %d of the line", reasonInvalidUTF8, i), nil
	}
	if id == nil {
		return nil, nil, reasonMissingID, nil
	}
	if isNull(a.Text) {
		return id, nil, reasonMissingText, nil
	}
	var text string
	if err := json.Unmarshal(a.Text, &text); err != nil {
		return id, nil, reasonBadText + ": text is not a string", nil
	}
	if strings.TrimSpace(text) == "" {
		return id, nil, reasonEmptyText, nil
	}
	textBytesCounter.Inc(ctx, int64(len(text)))
	recs, err = extractSafely(ctx, x, text)
	switch {
	case err == nil:
		return id, recs, "", nil
	case errors.Is(err, citat.ErrTooLarge):
		return id, nil, reasonTooLarge + ": " + err.Error(), nil
	case errors.Is(err, citat.ErrInvalidUTF8):
		return id, nil, reasonInvalidUTF8 + ": " + err.Error(), nil
	case ctx.Err() != nil:
		return id, nil, "", err
	case errors.Is(err, errPanic):
		return id, nil, reasonExtractPanic + ": " + err.Error(), nil
	default:
		return id, nil, reasonExtractError + ": " + err.Error(), nil
	}
}

var errPanic = errors.New("panic")

// extractSafely turns a panic of the extractor into an error, so that one
// bad article becomes a dead letter instead of failing the pipeline.
func extractSafely(ctx context.Context, x *citat.Extractor, text string) (recs []citat.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			recs, err = nil, fmt.Errorf("%w: %v", errPanic, p)
		}
	}()
	return x.ExtractContext(ctx, text)
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

func deadLetter(line string, id json.RawMessage, reason string) DeadLetter {
	d := DeadLetter{Line: line, LineBytes: len(line), ID: id, Reason: reason}
	if d.ID == nil {
		d.ID = json.RawMessage("null")
	}
	if len(line) > maxDeadLine {
		cut := maxDeadLine
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		d.Line, d.LineTruncated = line[:cut], true
	}
	if !utf8.ValidString(d.Line) {
		d.LineBase64 = base64.StdEncoding.EncodeToString([]byte(d.Line))
	}
	return d
}

// formatCountFn turns a KV<key, count> of stats.Count into a counts line.
type formatCountFn struct {
	KeyType string `json:"key_type"`
}

func (fn *formatCountFn) ProcessElement(key string, n int, emit func(string)) {
	b, err := json.Marshal(CountLine{KeyType: fn.KeyType, Key: key, Quotes: n})
	if err != nil {
		panic(err) // cannot happen: strings and ints always marshal
	}
	emit(string(b))
}

// writeSharded writes the lines of col into shards files base-SSSSS-of-NNNNN.jsonl.
// Every file is written, also when it gets no lines, so that an empty
// output (no dead letters, say) is an empty file and not a missing one.
func writeSharded(s beam.Scope, base string, shards int, col beam.PCollection) {
	keyed := beam.ParDo(s, &shardKeyFn{Shards: shards}, col)
	ids := make([]int, shards)
	for i := range ids {
		ids[i] = i
	}
	markers := beam.ParDo(s, markerFn, beam.CreateList(s, ids))
	grouped := beam.GroupByKey(s, beam.Flatten(s, keyed, markers))
	beam.ParDo0(s, &writeShardFn{Base: base, Shards: shards}, grouped)
}

// shardKeyFn keys a line by its shard, a hash of the line.
type shardKeyFn struct {
	Shards int `json:"shards"`
}

func (fn *shardKeyFn) ProcessElement(line string) (int, string) {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int(h.Sum32() % uint32(fn.Shards)), line
}

// markerFn makes the empty marker line that makes sure shard i is written.
// Real lines are JSON objects and never empty.
func markerFn(i int) (int, string) { return i, "" }

// writeShardFn writes the lines of one shard to its file.
type writeShardFn struct {
	Base   string `json:"base"`
	Shards int    `json:"shards"`
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (err error) {
	name := shardName(fn.Base, shard, fn.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	buf := make([]byte, 0, 1<<20)
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		buf = append(append(buf, line...), '\n')
		if len(buf) >= 1<<20 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err = w.Write(buf)
	return err
}
