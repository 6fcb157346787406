// Command extract prints the quotes of a Danish news article: who said what,
// through which source, and where in the text.
//
// Usage:
//
//	extract [-json] [FILE]
//
// With no FILE, or FILE "-", it reads standard input. The default output is
// a readable table; -json prints the records as a JSON array.
//
// Exit status: 0 on success, 1 when the input cannot be read or analysed
// (unreadable file, a directory, empty input, invalid UTF-8), 2 for a usage
// error.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/citat-go/citat"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the records as a JSON array")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [-json] [FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
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
	defer w.Flush()
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if recs == nil {
			recs = []citat.Record{}
		}
		if err := enc.Encode(recs); err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
		return 0
	}
	writeTable(w, recs)
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

func writeTable(w io.Writer, recs []citat.Record) {
	if len(recs) == 0 {
		fmt.Fprintln(w, "no quotes found")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tKIND\tSPEAKER\tSOURCE\tBYTES\tQUOTE")
	for i, r := range recs {
		who := r.SpeakerName()
		if who == "" && r.Speaker != nil {
			who = "(" + r.Speaker.Description + ")"
		}
		if who == "" {
			who = "-"
		}
		src := r.SourceName()
		if src == "" {
			src = "-"
		} else if r.Source.Inherited {
			src += " (inherited)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d-%d\t%s\n", i+1, r.Kind, clip(who, 30), src, r.Start, r.End, clip(oneLine(r.Text), 70))
	}
	tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
