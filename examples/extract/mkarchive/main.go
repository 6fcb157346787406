// Command mkarchive builds a large JSON Lines archive of articles from the
// project's test articles, to try extract's batch mode at scale:
//
//	go run ./examples/extract/mkarchive -size 100MB -o archive.jsonl
//	/usr/bin/time -v go run ./examples/extract -jsonl -q archive.jsonl > /dev/null
//
// Every line is {"id": "NAME-000001", "text": "…", "source": "citat testdata"}
// with the articles of -dir (default testdata/articles, so run it from the
// root of the repository) taken in turn until the archive reaches -size.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mkarchive:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("mkarchive", flag.ContinueOnError)
	size := fs.String("size", "100MB", "stop when the archive reaches `size` (bytes, or with kB, MB, GB, KiB, MiB, GiB)")
	dir := fs.String("dir", "testdata/articles", "read the articles *.txt of `dir`")
	out := fs.String("o", "-", "write to `file` instead of standard output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	limit, err := parseSize(*size)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no articles (*.txt) in %s; run from the repository root or give -dir", *dir)
	}
	type article struct{ name, text string }
	var arts []article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		arts = append(arts, article{strings.TrimSuffix(filepath.Base(f), ".txt"), string(b)})
	}

	w := stdout
	var file *os.File
	if *out != "-" {
		if file, err = os.Create(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for i := 0; cw.n < limit; i++ {
		a := arts[i%len(arts)]
		line := struct {
			ID     string `json:"id"`
			Text   string `json:"text"`
			Source string `json:"source"`
		}{fmt.Sprintf("%s-%06d", a.name, i/len(arts)+1), a.text, "citat testdata"}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		return file.Close()
	}
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// parseSize reads "100MB", "64MiB", "2e6" or "1000".
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"kB", 1e3}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	mult := 1.0
	num := strings.TrimSpace(s)
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("bad -size %q: want a positive number of bytes, such as 100MB", s)
	}
	return int64(v * mult), nil
}
