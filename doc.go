// Package citat finds the quotes in Danish news text: what was said, who
// said it, through which source it reached the article, and exactly where in
// the input each of those stands.
//
//	records, err := citat.Extract(article)
//	for _, r := range records {
//		fmt.Println(r.Kind, r.SpeakerName(), r.SourceName(), r.Text)
//	}
//
// # Quotes in Danish news
//
// Danish papers print quotes in several forms, and citat reads them all:
// dash-led paragraphs ("- Vi vinder, siger hun."), text in »…«, "…", “…” or
// „…“ (across paragraphs when the opening mark is repeated), reported speech
// after a reporting verb ("Han siger, at …", "Til DR siger hun, at …"), a
// lede sentence picked up by "Det siger X til Ritzau.", and claims attributed
// with "ifølge X" or "lyder det fra X". Each record says which of these it
// is with its [Kind]: direct, indirect, according or mixed (reported speech
// carrying a verbatim fragment in quote marks). Scare quotes, titles of
// books and films, and the journalist's own questions are not quotes.
//
// # Speakers and sources
//
// The speaker is given by the fullest name the article writes ("Emmanuel
// Macron" for "Macron", "han" or "præsidenten"), with the role and party the
// article gives. Someone the article does not name ("en kilde", "et
// øjenvidne") is a speaker without a name, carrying the description instead:
// citat would rather give no name than a wrong one. The source is the agency
// or medium named in the quote's own attribution ("ifølge nyhedsbureauet
// Reuters", "siger han til DR", "skriver hun på X"), by its canonical name.
// A source carried over from an earlier quote of the same speaker is marked
// Inherited.
//
// # Offsets
//
// Every position in a [Record] is a UTF-8 byte offset into the caller's
// string, so input[r.Start:r.End] == r.Text, and the same holds for the cue
// and for the speaker's and source's mentions. Nothing is normalised in a
// copy that offsets would point into.
//
// # Concurrency and limits
//
// [Extract] and the methods of [Extractor] are safe for concurrent use. An
// Extractor reuses its working memory from one text to the next, so share
// one rather than making one per text; the records it returns never point
// into that memory. Input must be valid UTF-8 (or the
// Extractor built with [WithLenientUTF8]) and at most 64 MiB by default
// ([WithMaxBytes]); the errors say where and why ([ErrInvalidUTF8],
// [ErrTooLarge]). Work grows linearly with the input.
//
// The pipeline runs in one direction: package segment (internal) splits the
// text into paragraphs and sentences, package [quote] finds quotes and their
// attributions, package [speaker] finds and resolves the people and
// organisations named, and package [attribution] links each quote to its
// speaker and to its source from the catalogue of agencies and media.
package citat
