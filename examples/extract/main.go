// Command extract prints the quotes of a Danish news article: who said what,
// through which source, and where in the text.
//
// Usage:
//
//	extract [-format text|json|jsonl|csv|claimreview|html] [-json] [FILE]
//	extract -jsonl [-workers N] [-q] [FILE]
//
// With no FILE, or FILE "-", it reads standard input.
//
// # One article
//
// FILE is one article in UTF-8. -format chooses the output:
//
//	text         a readable table (the default)
//	json         the records as a JSON array, as citat.Record marshals them;
//	             -json is short for -format json
//	jsonl        one record a line (JSON Lines)
//	csv          RFC 4180 CSV with a header row and one record a row: text,
//	             start, end, kind, cue, speaker_name, speaker_role,
//	             speaker_party, speaker_type, speaker_description,
//	             source_name, source_kind, source_inherited, negated,
//	             confidence, paragraph, evidence (joined with ";"); empty
//	             fields where a record has no speaker, source or cue
//	claimreview  schema.org JSON-LD: an @graph of Claim items with the
//	             quoted text, the speaker as author (a Person, with jobTitle
//	             and memberOf for the party, or an Organization; an unnamed
//	             speaker has only a description), and the source medium as
//	             publisher of the Claim's firstAppearance (a CreativeWork).
//	             Byte offsets, kind, negation and confidence are the
//	             extension properties citat:start, citat:end, citat:kind,
//	             citat:negated and citat:confidence, the prefix declared in
//	             @context
//	html         one self-contained HTML page: the article with the quotes
//	             highlighted in a colour per speaker, details on hover or
//	             keyboard focus, and a panel counting speakers and sources
//
// All offsets are UTF-8 byte offsets into the input.
//
// # Batch mode
//
// With -jsonl, FILE is JSON Lines, one article a line:
//
//	{"id": "a1", "text": "…", "url": "…"}
//
// and for every non-blank line extract writes one line to standard output,
// in input order:
//
//	{"id": "a1", "line": 1, "meta": {"url": "…"}, "records": [ … ]}
//
// line is the input line number, from 1; id is copied from the input (any
// JSON value, left out when the input has none); meta holds the line's other
// fields, unchanged, and is left out when there are none; records are the
// citat.Record values as in -format json. A line that cannot be analysed
// gets
//
//	{"line": 3, "id": "a3", "error": "…"}
//
// instead, and the run goes on. A line fails when it is not a JSON object,
// has no "text" string or an empty one, is longer than 128 MiB, or when the
// text is larger than citat accepts or not valid UTF-8. Invalid UTF-8 is
// detected before decoding, as raw invalid bytes in the text or as escaped
// UTF-16 surrogates that do not pair up ("\ud800"), which encoding/json
// would otherwise silently turn into U+FFFD; the error gives the byte offset
// in the decoded text. Invalid UTF-8 elsewhere in the line also fails it.
//
// Articles are analysed by -workers goroutines (default: the number of
// CPUs) sharing one citat.Extractor. Input is streamed: at most 4 lines a
// worker, and about 256 MiB of input, are in flight at a time, so memory
// does not grow with the length of the input. When standard error is a
// terminal, a progress line (articles, megabytes read, articles per second,
// and an ETA when the input is a regular file) is updated about once a
// second; -q turns it off.
//
// To try batch mode at scale, build a JSON Lines archive of the test
// articles with
//
//	go run ./examples/extract/mkarchive -size 100MB -o archive.jsonl
//
// and run
//
//	/usr/bin/time -v go run ./examples/extract -jsonl -q archive.jsonl > /dev/null
//
// # Exit status
//
//	0  success
//	1  the input cannot be read or analysed: an unreadable file, a
//	   directory, empty input, invalid UTF-8 or too large (one line on
//	   standard error says which), or an output write error; in batch
//	   mode also when no article was found or any line failed (the failed
//	   lines are in the output, and standard error says how many)
//	2  usage error
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/citat-go/citat"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the records as a JSON array (short for -format json)")
	format := fs.String("format", formats[0], "output `format`: "+strings.Join(formats, ", "))
	batchMode := fs.Bool("jsonl", false, "batch mode: read JSON Lines articles, write one JSON line of records for each")
	workers := fs.Int("workers", runtime.NumCPU(), "batch mode: analyse `N` articles in parallel")
	quiet := fs.Bool("q", false, "batch mode: no progress line on standard error")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [-format text|json|jsonl|csv|claimreview|html] [-json] [FILE]")
		fmt.Fprintln(stderr, "       extract -jsonl [-workers N] [-q] [FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	usage := func(msg string) int {
		fmt.Fprintln(stderr, "extract:", msg)
		fs.Usage()
		return 2
	}
	switch {
	case fs.NArg() > 1:
		return usage("give at most one FILE")
	case !slices.Contains(formats, *format):
		return usage(fmt.Sprintf("unknown format %q", *format))
	case *asJSON && set["format"] && *format != "json":
		return usage("-json and -format " + *format + " disagree")
	case *batchMode && (set["format"] || *asJSON):
		return usage("-jsonl always writes JSON Lines; -format and -json do not apply")
	case *workers < 1:
		return usage("-workers must be at least 1")
	}
	if *asJSON {
		*format = "json"
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	if *batchMode {
		// Batch mode's live heap is a few articles; collecting garbage
		// half as often costs a few megabytes and lets two workers run
		// closer to twice as fast as one.
		if os.Getenv("GOGC") == "" {
			defer debug.SetGCPercent(debug.SetGCPercent(200))
		}
		return runBatch(context.Background(), name, stdin, stdout, stderr, *workers, *quiet)
	}

	text, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	recs, err := citat.Extract(text)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %s: %v\n", displayName(name), err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	err = writeFormat(w, *format, name, text, recs)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	return 0
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

func readInput(name string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, citat.DefaultMaxBytes+1))
	} else {
		var fi os.FileInfo
		if fi, err = os.Stat(name); err == nil && fi.IsDir() {
			return "", fmt.Errorf("%s is a directory, not an article", name)
		}
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("%s is empty", displayName(name))
	}
	if !utf8.Valid(b) {
		_, err := citat.Extract(string(b))
		var ie *citat.InputError
		if errors.As(err, &ie) {
			return "", fmt.Errorf("%s: invalid UTF-8 at byte %d (convert the file to UTF-8 first)", displayName(name), ie.Offset)
		}
	}
	return string(b), nil
}
