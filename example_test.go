package citat_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/citat-go/citat"
)

const article = `Regeringen vil bruge 2,5 mia. kr. ekstra på psykiatrien.

Det siger finansminister Jens Holm (S) til Ritzau.

- Vi har lyttet til patienterne, siger han.

Ifølge ministeren er der penge til flere sengepladser.`

func ExampleExtract() {
	records, err := citat.Extract(article)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range records {
		source := r.SourceName()
		if r.Source != nil && r.Source.Inherited {
			source += " (inherited)"
		}
		fmt.Printf("%-9s | %s | %s | %s\n", r.Kind, r.SpeakerName(), source, r.Text)
	}
	// Output:
	// indirect  | Jens Holm | Ritzau | Regeringen vil bruge 2,5 mia. kr. ekstra på psykiatrien
	// direct    | Jens Holm | Ritzau (inherited) | Vi har lyttet til patienterne
	// according | Jens Holm | Ritzau (inherited) | er der penge til flere sengepladser
}

func ExampleRecord_offsets() {
	records, _ := citat.Extract(article)
	r := records[1]
	fmt.Println(article[r.Start:r.End] == r.Text)
	fmt.Println(r.Cue.Text, article[r.Cue.Start:r.Cue.End])
	fmt.Println(r.Speaker.Mention.Text, "→", r.Speaker.Name, "via", r.Speaker.Resolved)
	// Output:
	// true
	// siger siger
	// han → Jens Holm via pronoun
}

func ExampleNew() {
	x, err := citat.New(citat.WithMaxBytes(1<<20), citat.WithLenientUTF8())
	if err != nil {
		fmt.Println(err)
		return
	}
	records, err := x.Extract("- Vi er klar, siger Mette Holm til DR.\xff")
	fmt.Println(len(records), records[0].SourceName(), err)
	// Output:
	// 1 DR <nil>
}

func ExampleExtractor_ExtractContext() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := citat.MustNew().ExtractContext(ctx, article)
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// true
}

func ExampleInputError() {
	_, err := citat.Extract("- Vi vinder, siger hun.\xff")
	var ie *citat.InputError
	if errors.As(err, &ie) {
		fmt.Println(errors.Is(err, citat.ErrInvalidUTF8), ie.Offset)
	}
	// Output:
	// true 23
}

func ExampleRecord_json() {
	records, _ := citat.Extract("- Vi vinder, siger Mette Holm (V) til TV 2.")
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(records[0])
	// Output:
	// {
	//   "text": "Vi vinder",
	//   "start": 2,
	//   "end": 11,
	//   "kind": "direct",
	//   "cue": {
	//     "text": "siger",
	//     "start": 13,
	//     "end": 18
	//   },
	//   "speaker": {
	//     "name": "Mette Holm",
	//     "party": "Venstre",
	//     "party_letter": "V",
	//     "type": "person",
	//     "mention": {
	//       "text": "Mette Holm (V)",
	//       "start": 19,
	//       "end": 33
	//     },
	//     "resolved": "name"
	//   },
	//   "source": {
	//     "name": "TV 2",
	//     "kind": "broadcaster",
	//     "inherited": false,
	//     "mention": {
	//       "text": "TV 2",
	//       "start": 38,
	//       "end": 42
	//     }
	//   },
	//   "negated": false,
	//   "confidence": 0.95,
	//   "evidence": [
	//     "quote:dash-tail",
	//     "speaker:name",
	//     "source:attribution"
	//   ],
	//   "paragraph": 0
	// }
}
