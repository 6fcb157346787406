// Quickstart: extract the quotes of one Danish news article and look at
// what a citat.Record tells you.
//
// Run it from the repository root:
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -article krimi-indbrud
//	go run ./examples/quickstart -dir path/to/articles -article NAME
//
// The program reads like a short notebook: each numbered step prints what it
// found, so the output can be read next to the code.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stdout)
	dir := fs.String("dir", "", "folder of articles (default: testdata/articles, found from the working directory upwards)")
	article := fs.String("article", "erhverv-vindmoeller", "article name in the folder, without .txt")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	// Step 1. Read one article. Articles are plain UTF-8 text: the headline
	// on the first line, paragraphs separated by a blank line.
	folder, err := corpus.Dir(*dir)
	if err != nil {
		return err
	}
	path := filepath.Join(folder, *article+".txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(raw)
	headline, _, _ := strings.Cut(text, "\n")
	fmt.Fprintf(stdout, "1. Read %s: %d bytes, %d characters\n", *article+".txt", len(text), utf8.RuneCountInString(text))
	fmt.Fprintf(stdout, "   headline: %s\n\n", headline)

	// Step 2. Extract. citat.Extract uses a shared default Extractor; it is
	// safe to call from many goroutines. Records come back sorted by start.
	recs, err := citat.Extract(text)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "2. citat.Extract found %d quotes\n\n", len(recs))

	// Step 3. A table of all records: kind, who said it, through which
	// medium, and where in the text (byte offsets).
	fmt.Fprintln(stdout, "3. All records")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "   #\tKIND\tSPEAKER\tSOURCE\tBYTES\tQUOTE")
	for i, r := range recs {
		fmt.Fprintf(tw, "   %d\t%s\t%s\t%s\t%d-%d\t%s\n",
			i+1, r.Kind, speakerLabel(r), sourceLabel(r), r.Start, r.End, shorten(r.Text, 50))
	}
	tw.Flush()
	fmt.Fprintln(stdout)
	if len(recs) == 0 {
		return nil
	}

	// Step 4. Pick one record to study: the first one with a named speaker
	// and a named source, if there is one.
	i := 0
	for j, r := range recs {
		if r.SpeakerName() != "" && r.SourceName() != "" {
			i = j
			break
		}
	}
	r := recs[i]
	fmt.Fprintf(stdout, "4. Record #%d, field by field\n", i+1)

	// 4a. The quote itself. Start and End are byte offsets into the input,
	// so slicing the input gives back exactly the quote text (quote marks,
	// a leading dash and the complementiser "at" are not included).
	fmt.Fprintf(stdout, "   Text       %q\n", r.Text)
	fmt.Fprintf(stdout, "   Start/End  %d..%d, and text[%d:%d] == r.Text: %v\n",
		r.Start, r.End, r.Start, r.End, text[r.Start:r.End] == r.Text)
	fmt.Fprintf(stdout, "   Kind       %s (one of direct, indirect, according, mixed)\n", r.Kind)
	fmt.Fprintf(stdout, "   Paragraph  %d (0 is the headline)\n", r.Paragraph)

	// 4b. The cue is the word that reports the speech: a verb such as
	// "siger" or "oplyser", or "ifølge". It is a Span too.
	if r.Cue != nil {
		fmt.Fprintf(stdout, "   Cue        %q at %d..%d (text[%d:%d] == %q)\n",
			r.Cue.Text, r.Cue.Start, r.Cue.End, r.Cue.Start, r.Cue.End, text[r.Cue.Start:r.Cue.End])
	} else {
		fmt.Fprintln(stdout, "   Cue        none")
	}

	// 4c. The speaker. Mention is the phrase next to the cue ("hun",
	// "selskabet", a name); Resolved says how that phrase was tied to a
	// person or organisation of the article: "name" (the name is right
	// there), "pronoun" (han/hun back to the last fitting person), "role"
	// (a title such as "ministeren"), "organisation-noun", "salience" or
	// "unnamed".
	if s := r.Speaker; s != nil {
		fmt.Fprintf(stdout, "   Speaker    name=%q role=%q type=%s\n", s.Name, s.Role, s.Type)
		if s.Party != "" {
			fmt.Fprintf(stdout, "              party=%s (%s)\n", s.Party, s.PartyLetter)
		}
		if s.Description != "" {
			fmt.Fprintf(stdout, "              not named; described as %q\n", s.Description)
		}
		if m := s.Mention; m != nil {
			fmt.Fprintf(stdout, "              mention %q at %d..%d, resolved via %q\n", m.Text, m.Start, m.End, s.Resolved)
			if s.Resolved == "pronoun" {
				fmt.Fprintf(stdout, "              the pronoun %q was resolved to %s, named earlier in the article\n", m.Text, s.Name)
			}
		}
	} else {
		fmt.Fprintln(stdout, "   Speaker    nobody (Record.Speaker is nil, SpeakerName() is \"\")")
	}

	// 4d. The source: the agency or medium the quote came through ("siger
	// hun til Børsen"). Inherited means the medium was named in an earlier
	// quote and carried over to this one.
	if s := r.Source; s != nil {
		fmt.Fprintf(stdout, "   Source     %s (%s), inherited=%v", s.Name, s.Kind, s.Inherited)
		if s.Mention != nil {
			fmt.Fprintf(stdout, ", named at %d..%d", s.Mention.Start, s.Mention.End)
		}
		fmt.Fprintln(stdout)
	} else {
		fmt.Fprintln(stdout, "   Source     none")
	}

	// 4e. Evidence lists the rules that fired, confidence sums them up
	// (0..1), and Negated flags "siger ikke, at …".
	fmt.Fprintf(stdout, "   Evidence   %s\n", strings.Join(r.Evidence, ", "))
	fmt.Fprintf(stdout, "   Confidence %.2f\n", r.Confidence)
	fmt.Fprintf(stdout, "   Negated    %v\n\n", r.Negated)

	// Step 5. Records marshal to JSON with lower-case field names.
	js, err := json.MarshalIndent(r, "   ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "5. The same record as JSON\n   %s\n\n", js)

	// Step 6. Errors. Input must be valid UTF-8 and not larger than the
	// Extractor's limit; an *citat.InputError says where the problem is.
	fmt.Fprintln(stdout, "6. Errors")
	_, err = citat.Extract("Hun siger: »Det er \xff godt«")
	var ie *citat.InputError
	if errors.As(err, &ie) {
		fmt.Fprintf(stdout, "   invalid UTF-8: errors.Is(err, citat.ErrInvalidUTF8)=%v, offset %d\n",
			errors.Is(err, citat.ErrInvalidUTF8), ie.Offset)
	}
	small := citat.MustNew(citat.WithMaxBytes(1000))
	_, err = small.Extract(text)
	fmt.Fprintf(stdout, "   WithMaxBytes(1000) on %d bytes: errors.Is(err, citat.ErrTooLarge)=%v (%v)\n",
		len(text), errors.Is(err, citat.ErrTooLarge), err)
	return nil
}

func speakerLabel(r citat.Record) string {
	switch {
	case r.SpeakerName() != "":
		return r.SpeakerName()
	case r.Speaker != nil:
		return "(" + r.Speaker.Description + ")"
	}
	return "-"
}

func sourceLabel(r citat.Record) string {
	if r.Source == nil {
		return "-"
	}
	if r.Source.Inherited {
		return r.Source.Name + " (inherited)"
	}
	return r.Source.Name
}

// shorten cuts s to n characters, never inside a UTF-8 sequence.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
