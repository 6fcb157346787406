package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/textcheck"
)

// defaultMaxLine is the longest input line batch mode reads, in bytes: room
// for the largest text citat accepts even when the JSON escapes much of it
// (Python's json.dumps writes "æ" as "\u00e6").
const defaultMaxLine = 2 * citat.DefaultMaxBytes

// defaultBudget bounds the input in flight, in MiB (each run of lines
// counts at least 1): with the window of 4 runs a worker it keeps memory
// independent of the length of the input, however long its lines.
const defaultBudget = 256

type batchOptions struct {
	workers  int
	maxLine  int // longest line accepted, without its line break
	budget   int // input in flight, in started MiB
	x        *citat.Extractor
	progress *progress // nil for none
}

type batchStats struct {
	articles int // non-blank lines
	failed   int // lines answered with an error
}

// job is a run of input lines on its way through the pipeline. Lines
// travel in runs so that handing them between goroutines costs little
// beside the analysis of a short article.
type job struct {
	lines  []inLine
	tokens int // budget held until the result is written
	done   chan struct{}
}

// inLine is one input line of a run.
type inLine struct {
	n       int // line number, from 1
	text    []byte
	tooLong bool
	out     []byte // its output line, set by the worker
	failed  bool   // set by the worker
}

// maxScratch bounds the buffer a worker keeps for its output lines.
const maxScratch = 1 << 20

// A run ends after maxRunLines lines or maxRunBytes bytes, or when no more
// input is at hand yet, so that slow input still streams out line by line.
const (
	maxRunLines = 32
	maxRunBytes = 256 << 10
)

// okLine and errLine are the output lines of batch mode. An okLine ends
// with its records, "records": [...], which appendRecords writes.
type okLine struct {
	ID   json.RawMessage            `json:"id,omitempty"`
	Line int                        `json:"line"`
	Meta map[string]json.RawMessage `json:"meta,omitempty"`
}

type errLine struct {
	Line  int             `json:"line"`
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
}

// runBatch is -jsonl: it reads the articles of the file name (standard
// input for "-") and writes their records to stdout.
func runBatch(ctx context.Context, name string, stdin io.Reader, stdout, stderr io.Writer, workers int, quiet bool) int {
	r := stdin
	var size int64
	if name != "-" {
		f, err := openInput(name)
		if err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
		defer f.Close()
		r = f
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	} else if f, ok := stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	x, err := citat.New()
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	opt := batchOptions{workers: workers, maxLine: defaultMaxLine, budget: defaultBudget, x: x}
	if !quiet && isTerminal(stderr) {
		opt.progress = startProgress(stderr, size)
	}
	st, err := batch(ctx, r, stdout, opt)
	opt.progress.finish()
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "extract: %s: %v\n", displayName(name), err)
		return 1
	case st.articles == 0:
		fmt.Fprintf(stderr, "extract: %s: no articles (-jsonl wants one JSON object with a \"text\" field a line)\n", displayName(name))
		return 1
	case st.failed > 0:
		fmt.Fprintf(stderr, "extract: %s: %d of %d articles failed (see the lines with \"error\")\n", displayName(name), st.failed, st.articles)
		return 1
	}
	return 0
}

// openInput opens a named input file, refusing directories.
func openInput(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory, not an article", name)
	}
	return f, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// batch reads JSON Lines articles from r and writes one JSON line a
// non-blank input line to w, in input order. Lines are analysed by
// opt.workers goroutines sharing opt.x; at most 4 lines a worker, and about
// opt.budget MiB of input, are in flight. The error is a read or write
// error; bad lines are reported in the output and counted in the stats.
func batch(ctx context.Context, r io.Reader, w io.Writer, opt batchOptions) (batchStats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(opt.workers, 1)
	jobs := make(chan *job)
	order := make(chan *job, 4*workers)
	tokens := make(chan struct{}, max(opt.budget, 1))

	var readErr error // set by the reader before it closes order
	go func() {
		defer close(order)
		defer close(jobs)
		br := bufio.NewReaderSize(r, 256<<10)
		var run *job
		runBytes := 0
		// send hands the run on, once it holds its share of the budget.
		send := func() bool {
			if run == nil {
				return true
			}
			j := run
			run, runBytes = nil, 0
			j.tokens = min(cap(tokens), 1+j.size()>>20)
			for range j.tokens {
				select {
				case tokens <- struct{}{}:
				case <-ctx.Done():
					return false
				}
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return false
			}
			return true
		}
		for n := 1; ; n++ {
			line, tooLong, size, err := readLine(br, opt.maxLine)
			opt.progress.read(size)
			if err != nil && err != io.EOF {
				readErr = fmt.Errorf("reading line %d: %w", n, err)
				send()
				return
			}
			if tooLong || len(bytes.TrimSpace(line)) > 0 {
				if run == nil {
					run = &job{done: make(chan struct{})}
				}
				run.lines = append(run.lines, inLine{n: n, text: line, tooLong: tooLong})
				runBytes += len(line)
			}
			if err == io.EOF {
				send()
				return
			}
			if run != nil && (len(run.lines) >= maxRunLines || runBytes >= maxRunBytes || br.Buffered() == 0) {
				if !send() {
					return
				}
			}
		}
	}()

	for range workers {
		go func() {
			var scratch []byte
			for j := range jobs {
				for i := range j.lines {
					l := &j.lines[i]
					l.out, l.failed = processLine(opt.x, l.n, l.text, l.tooLong, opt.maxLine, &scratch)
					l.text = nil
				}
				close(j.done)
			}
		}()
	}

	var st batchStats
	bw := bufio.NewWriterSize(w, 64<<10)
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
			return st, ctx.Err()
		}
		for i := range j.lines {
			l := &j.lines[i]
			st.articles++
			if l.failed {
				st.failed++
			}
			opt.progress.done(l.failed)
			if _, err := bw.Write(l.out); err != nil {
				return st, fmt.Errorf("writing output: %w", err)
			}
			l.out = nil
		}
		for range j.tokens {
			<-tokens
		}
		// Flush whenever nothing else is ready, so that slow input still
		// streams out line by line.
		if len(order) == 0 {
			if err := bw.Flush(); err != nil {
				return st, fmt.Errorf("writing output: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("writing output: %w", err)
	}
	return st, readErr
}

// size is the input the run holds, in bytes.
func (j *job) size() int {
	n := 0
	for _, l := range j.lines {
		n += len(l.text)
	}
	return n
}

// readLine reads one line of at most max bytes (not counting the line
// break, which it strips). A longer line is consumed without being kept and
// reported with tooLong. size is the number of bytes consumed.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, size int, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		size += len(frag)
		if !tooLong {
			if len(line)+len(frag) > max+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) > max {
			tooLong, line = true, nil
		}
		return line, tooLong, size, e
	}
}

// processLine analyses one input line and returns its output line.
// scratch is the worker's buffer to write the line in before it is copied
// out at its size.
func processLine(x *citat.Extractor, n int, line []byte, tooLong bool, maxLine int, scratch *[]byte) (out []byte, failed bool) {
	fail := func(id json.RawMessage, format string, args ...any) ([]byte, bool) {
		if !utf8.Valid(id) {
			id = nil
		}
		b, err := json.Marshal(errLine{Line: n, ID: id, Error: fmt.Sprintf(format, args...)})
		if err != nil { // only a bad id can fail
			b, _ = json.Marshal(errLine{Line: n, Error: fmt.Sprintf(format, args...)})
		}
		return append(b, '\n'), true
	}
	if tooLong {
		return fail(nil, "line longer than %d bytes", maxLine)
	}
	fields, text, ok := readArticle(line)
	id := fields["id"]
	if !ok {
		var failure string
		if fields, id, text, failure = decodeArticle(line); failure != "" {
			return fail(id, "%s", failure)
		}
	}
	if strings.TrimSpace(text) == "" {
		return fail(id, "text is empty")
	}
	recs, err := x.Extract(text)
	if err != nil {
		return fail(id, "text: %v", err)
	}
	if recs == nil {
		recs = []citat.Record{}
	}
	delete(fields, "id")
	delete(fields, "text")
	if len(fields) == 0 {
		fields = nil
	}
	b, err := json.Marshal(okLine{ID: id, Line: n, Meta: fields})
	if err == nil {
		b = append(append((*scratch)[:0], b[:len(b)-1]...), `,"records":`...)
		b, err = appendRecords(b, recs)
		b = append(b, "}\n"...)
		*scratch = b
		if cap(b) > maxScratch {
			*scratch = nil
		}
	}
	if err != nil {
		return fail(id, "%v", err)
	}
	return bytes.Clone(b), false
}

// decodeArticle decodes an article line with encoding/json, for the lines
// readArticle leaves to it. failure says what is wrong with the line, with
// the id when it has one.
//
// The text field is checked for invalid UTF-8 before it is decoded, since
// encoding/json would silently turn invalid bytes, and escaped surrogates
// that do not form a pair ("\ud800"), into U+FFFD; both are reported as
// invalid UTF-8 at the byte offset in the decoded text where they stand.
func decodeArticle(line []byte) (fields map[string]json.RawMessage, id json.RawMessage, text, failure string) {
	if err := json.Unmarshal(line, &fields); err != nil {
		if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			return nil, nil, "", "malformed line: want a JSON object"
		}
		return nil, nil, "", fmt.Sprintf("malformed JSON: %v", err)
	}
	if fields == nil {
		return nil, nil, "", "malformed line: want a JSON object"
	}
	id = fields["id"]
	raw, ok := fields["text"]
	switch {
	case !ok:
		return nil, id, "", `no "text" field`
	case len(raw) == 0 || raw[0] != '"':
		return nil, id, "", `"text" is not a string`
	}
	if i := textcheck.InvalidUTF8At([]byte(raw)); i >= 0 {
		return nil, id, "", fmt.Sprintf("text: %v", &citat.InputError{Offset: decodedLen(raw[:i]), Err: citat.ErrInvalidUTF8})
	}
	if i := unpairedSurrogate(raw); i >= 0 {
		return nil, id, "", fmt.Sprintf("text: %v (unpaired surrogate escape %s)", &citat.InputError{Offset: decodedLen(raw[:i]), Err: citat.ErrInvalidUTF8}, raw[i:i+6])
	}
	if i := textcheck.InvalidUTF8At(line); i >= 0 {
		return nil, id, "", fmt.Sprintf("invalid UTF-8 at byte %d of the line", i)
	}
	if err := json.Unmarshal(raw, &text); err != nil {
		return nil, id, "", fmt.Sprintf("text: %v", err)
	}
	return fields, id, text, ""
}

// decodedLen returns the length of the string that the start of a JSON
// string literal, prefix (with its opening quote), decodes to. prefix must
// end between two characters of the literal, not inside an escape.
func decodedLen(prefix []byte) int {
	var s string
	if json.Unmarshal(append(append([]byte(nil), prefix...), '"'), &s) != nil {
		return len(prefix) - 1
	}
	return len(s)
}

// unpairedSurrogate returns the offset in the JSON string literal raw of
// the first \u escape of a UTF-16 surrogate that is not part of a pair, or
// -1.
func unpairedSurrogate(raw []byte) int {
	hex := func(i int) (rune, bool) {
		if i+2 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		return hex4(raw, i+2)
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // skip the escaped character
			continue
		}
		switch {
		case 0xD800 <= r && r < 0xDC00:
			if r2, ok := hex(i + 6); ok && 0xDC00 <= r2 && r2 < 0xE000 {
				i += 11
				continue
			}
			return i
		case 0xDC00 <= r && r < 0xE000:
			return i
		}
		i += 5
	}
	return -1
}

// progress prints a progress line on a terminal about once a second.
type progress struct {
	w        io.Writer
	total    int64 // input size, 0 when unknown
	start    time.Time
	bytes    atomic.Int64
	articles atomic.Int64
	failed   atomic.Int64
	stop     chan struct{}
	wg       sync.WaitGroup
}

func startProgress(w io.Writer, total int64) *progress {
	p := &progress{w: w, total: total, start: time.Now(), stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.print(false)
			case <-p.stop:
				return
			}
		}
	}()
	return p
}

func (p *progress) read(n int) {
	if p != nil {
		p.bytes.Add(int64(n))
	}
}

func (p *progress) done(failed bool) {
	if p != nil {
		p.articles.Add(1)
		if failed {
			p.failed.Add(1)
		}
	}
}

// finish stops the ticker and prints the last line, ending it.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.print(true)
}

func (p *progress) print(last bool) {
	elapsed := time.Since(p.start).Seconds()
	n, b := p.articles.Load(), p.bytes.Load()
	msg := fmt.Sprintf("\rextract: %d articles", n)
	if f := p.failed.Load(); f > 0 {
		msg += fmt.Sprintf(" (%d failed)", f)
	}
	msg += fmt.Sprintf(", %.1f MB", float64(b)/1e6)
	if elapsed > 0 {
		msg += fmt.Sprintf(", %.0f articles/s", float64(n)/elapsed)
	}
	if last {
		msg += fmt.Sprintf(" in %s\x1b[K\n", time.Duration(elapsed*float64(time.Second)).Round(time.Millisecond))
	} else {
		if p.total > 0 && b > 0 && b < p.total {
			eta := time.Duration(float64(p.total-b) / (float64(b) / elapsed) * float64(time.Second))
			msg += ", ETA " + eta.Round(time.Second).String()
		}
		msg += "\x1b[K"
	}
	io.WriteString(p.w, msg)
}
