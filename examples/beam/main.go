// Command beam extracts the quotes of many Danish news articles with an
// Apache Beam pipeline: one citat.Extractor per worker, records, counts per
// speaker and source, and a dead letter for every article that fails.
//
// Usage:
//
//	go run . --input=ARTICLES.jsonl --output=DIR [--runner=prism] [beam flags]
//	go run . --make_input=FOLDER > ARTICLES.jsonl
//
// See README.md for the input format, the outputs and the runner flags.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/citat-go/citat"
)

// The flags of this pipeline. --runner and the runners' own flags
// (--endpoint, --environment_type, --project, ...) are defined by the Beam
// SDK packages that beamx imports.
var (
	input     = flag.String("input", "", "JSON Lines articles to read: a file or a glob (a local path or gs://). Each line {\"id\": ..., \"text\": ..., other fields ignored}.")
	output    = flag.String("output", "", "where to write records-*.jsonl, counts-*.jsonl and deadletter-*.jsonl: a folder, or a file-name prefix when it ends in '-', '_' or '.'.")
	maxBytes  = flag.Int("max_bytes", citat.DefaultMaxBytes, "largest article text accepted, in bytes; larger articles become dead letters (reason too_large).")
	shards    = flag.Int("shards", 1, "number of files per output.")
	makeInput = flag.String("make_input", "", "instead of running the pipeline, print a JSON Lines file made of the .txt files of this folder (or glob) to standard output: id = file name without .txt, text = the file's content.")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s --input=ARTICLES.jsonl --output=DIR [--runner=prism] [beam flags]\n       %s --make_input=FOLDER > ARTICLES.jsonl\n", filepath.Base(os.Args[0]), filepath.Base(os.Args[0]))
		flag.PrintDefaults()
	}
	// --runner is Beam's own flag (runners.Runner); beamx runs prism when it
	// is empty. Say so in -help, and make it explicit.
	if f := flag.Lookup("runner"); f != nil && f.Value.String() == "" {
		f.DefValue = "prism"
		_ = f.Value.Set("prism")
	}
	flag.Parse()
	beam.Init() // when started as a worker by a runner, this runs the worker and exits

	if *makeInput != "" {
		if err := makeJSONL(*makeInput, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "make_input:", err)
			os.Exit(1)
		}
		return
	}

	ctx := context.Background()
	p, s := beam.NewPipelineWithRoot()
	cfg := Config{Input: *input, Output: *output, MaxBytes: *maxBytes, Shards: *shards}
	if err := Build(s, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		flag.Usage()
		os.Exit(2)
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		log.Exitf(ctx, "pipeline failed: %v", err)
	}
	if res != nil {
		printMetrics(os.Stderr, res)
	}
	prefix := outputPrefix(cfg.Output)
	for _, name := range []string{recordsName, countsName, deadLetterName} {
		fmt.Fprintf(os.Stderr, "output: %s%s-*-of-%05d.jsonl\n", prefix, name, max(cfg.Shards, 1))
	}
}

// metricNames are the pipeline's counters, in the order they are printed.
var metricNames = []string{
	"articles", "articles_with_quotes", "articles_without_quotes", "failures",
	"quotes", "bytes", "text_bytes", "blank_lines",
}

// counterSums returns the pipeline's counters of namespace "citat", summed
// over its steps. Counters that never counted are 0.
func counterSums(res beam.PipelineResult) map[string]int64 {
	sums := map[string]int64{}
	for _, n := range metricNames {
		sums[n] = 0
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "citat" {
			sums[c.Name()] += c.Result()
		}
	}
	return sums
}

// printMetrics prints the pipeline's counters.
func printMetrics(w io.Writer, res beam.PipelineResult) {
	sums := counterSums(res)
	for _, n := range metricNames {
		fmt.Fprintf(w, "citat.%s = %d\n", n, sums[n])
	}
}

// makeJSONL writes one JSON line per .txt file of dir (a folder, or a glob)
// to w, in file-name order. Files that are not UTF-8 text are reported on
// errw and skipped.
func makeJSONL(dir string, w, errw io.Writer) error {
	pattern := dir
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		pattern = filepath.Join(dir, "*.txt")
	}
	files, err := filepath.Glob(pattern)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no files match %s", pattern)
	}
	sort.Strings(files)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	skipped := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			fmt.Fprintf(errw, "make_input: %s: not UTF-8, skipped\n", f)
			skipped++
			continue
		}
		id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		line := struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			File string `json:"file"`
		}{id, string(b), filepath.Base(f)}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	if skipped > 0 {
		return fmt.Errorf("%d of %d files skipped", skipped, len(files))
	}
	return nil
}
