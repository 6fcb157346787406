// Server: citat behind a small HTTP API and a web page.
//
//	go run ./examples/server                  # listens on 127.0.0.1:8080
//	go run ./examples/server -addr :9000 -dir testdata/articles
//
// Endpoints:
//
//	POST /v1/extract   text/plain body, or JSON {"text": "..."}; answers {"records": [...]}
//	GET  /             a page with a form to paste an article into
//	GET  /?example=N   the page for the bundled article N (testdata/articles/N.txt)
//	POST /             the form: field "text"; answers the page with the quotes highlighted
//	GET  /healthz      {"status": "ok"}
//
// Errors from /v1/extract are JSON, {"error": "...", "code": 422, ...}:
// 400 malformed JSON, 405 wrong method, 408 body too slow, 413 body too
// large, 415 unsupported media type, 422 invalid UTF-8 (with "offset", the
// byte offset of the first bad byte).
//
// Try it:
//
//	curl -s -H 'Content-Type: text/plain' --data-binary @testdata/articles/krimi-indbrud.txt localhost:8080/v1/extract
//	curl -s -H 'Content-Type: application/json' -d '{"text":"- Det er godt, siger Ib Holm."}' localhost:8080/v1/extract
//
// The file reads top to bottom in numbered steps: (1) configuration, (2) the
// shared Extractor, (3) routes, (4) the JSON API, (5) the web page, (6) the
// http.Server with its timeouts and graceful shutdown, (7) main's flags and
// signals.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
	"github.com/citat-go/citat/examples/internal/render"
	"github.com/citat-go/citat/examples/internal/textcheck"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// Step 1. Configuration. Every limit is a flag so that tests can make the
// timeouts short.
type config struct {
	Addr    string
	Dir     string // bundled articles for /?example=NAME; "" disables them
	MaxBody int64  // largest request body, in bytes

	ReadHeaderTimeout time.Duration // to read the request line and headers
	ReadTimeout       time.Duration // to read the whole request, body included
	WriteTimeout      time.Duration // from the end of the headers to the end of the response
	IdleTimeout       time.Duration // keep-alive connections between requests
	ShutdownTimeout   time.Duration // grace period for requests in flight on shutdown
}

func defaultConfig() config {
	return config{
		Addr:              "127.0.0.1:8080",
		MaxBody:           8 << 20,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // an 8 MiB article takes several seconds
		IdleTimeout:       2 * time.Minute,
		ShutdownTimeout:   10 * time.Second,
	}
}

// Step 2. The server holds one Extractor for all requests: it has no
// mutable state and is safe for concurrent use. Its input limit matches
// the body limit.
type server struct {
	x        *citat.Extractor
	cfg      config
	examples []string // names of the bundled articles, sorted
}

func newServer(cfg config) (*server, error) {
	x, err := citat.New(citat.WithMaxBytes(int(cfg.MaxBody)))
	if err != nil {
		return nil, err
	}
	s := &server{x: x, cfg: cfg}
	if cfg.Dir != "" {
		paths, err := filepath.Glob(filepath.Join(cfg.Dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			s.examples = append(s.examples, strings.TrimSuffix(filepath.Base(p), ".txt"))
		}
	}
	return s, nil
}

// Step 3. Routes. Methods are checked in the handlers so that a wrong
// method gets a JSON error with an Allow header.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/extract", s.extract)
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/{$}", s.page)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such page: "+r.URL.Path, nil)
	})
	return mux
}

// Step 4. The API: POST /v1/extract.
func (s *server) extract(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST", nil)
		return
	}
	// 4a. The media type decides how to read the body.
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "text/plain" && mt != "application/json") {
		writeError(w, http.StatusUnsupportedMediaType,
			fmt.Sprintf("unsupported Content-Type %q: send text/plain or application/json", r.Header.Get("Content-Type")), nil)
		return
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("unsupported charset %q: send UTF-8", params["charset"]), nil)
		return
	}
	// 4b. Read the body, at most MaxBody bytes.
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	// 4c. JSON strings must be UTF-8; encoding/json would silently turn bad
	// bytes into U+FFFD, so check the raw body first.
	text := string(body)
	if mt == "application/json" {
		if !utf8.Valid(body) {
			off := textcheck.InvalidUTF8At(body)
			writeError(w, http.StatusUnprocessableEntity,
				fmt.Sprintf("request body is not valid UTF-8 at byte %d", off), map[string]any{"offset": off})
			return
		}
		var req struct {
			Text *string `json:"text"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, "malformed JSON: "+err.Error(), nil)
			return
		}
		if _, err := dec.Token(); err != io.EOF {
			writeError(w, http.StatusBadRequest, "malformed JSON: data after the object", nil)
			return
		}
		if req.Text == nil {
			writeError(w, http.StatusBadRequest, `malformed JSON: want {"text": "..."}`, nil)
			return
		}
		text = *req.Text
	}
	// 4d. Extract, and map the library's errors to status codes.
	recs, err := s.x.ExtractContext(r.Context(), text)
	if err != nil {
		s.extractError(w, err)
		return
	}
	if recs == nil {
		recs = []citat.Record{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"records": recs})
}

// readBody reads r's body, at most MaxBody bytes. On failure it writes the
// error response and returns false.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err == nil {
		return body, true
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge,
			fmt.Sprintf("request body larger than %d bytes", tooBig.Limit), map[string]any{"limit": tooBig.Limit})
	case errors.Is(err, os.ErrDeadlineExceeded):
		writeError(w, http.StatusRequestTimeout, "request body not received in time", nil)
	default:
		writeError(w, http.StatusBadRequest, "reading request body: "+err.Error(), nil)
	}
	return nil, false
}

// extractError answers a failed extraction.
func (s *server) extractError(w http.ResponseWriter, err error) {
	var ie *citat.InputError
	switch {
	case errors.As(err, &ie) && errors.Is(err, citat.ErrInvalidUTF8):
		writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("text is not valid UTF-8 at byte %d", ie.Offset),
			map[string]any{"offset": ie.Offset})
	case errors.Is(err, citat.ErrTooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, err.Error(), map[string]any{"limit": s.cfg.MaxBody})
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "request cancelled", nil)
	default:
		writeError(w, http.StatusInternalServerError, err.Error(), nil)
	}
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "use GET", nil)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Step 5. The web page, drawn by the shared render package. GET shows the
// form (and a bundled article with ?example=NAME); POST takes the form's
// text field and shows it with its quotes highlighted.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	doc := render.Doc{Title: "citat: find citater", Form: true, Action: "/"}
	status := http.StatusOK
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if name := r.URL.Query().Get("example"); name != "" {
			if !slices.Contains(s.examples, name) {
				status = http.StatusNotFound
				doc.Message = fmt.Sprintf("Ukendt eksempel %q.", name)
				break
			}
			raw, err := os.ReadFile(filepath.Join(s.cfg.Dir, name+".txt"))
			if err != nil {
				status = http.StatusInternalServerError
				doc.Message = err.Error()
				break
			}
			doc.Title = "citat: " + name
			doc.Text = string(raw)
			status = s.analyse(r.Context(), &doc)
		}
	case http.MethodPost:
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			status = http.StatusBadRequest
			doc.Message = "Formularen kunne ikke læses: " + err.Error()
			if errors.As(err, &tooBig) {
				status = http.StatusRequestEntityTooLarge
				doc.Message = fmt.Sprintf("Teksten er for lang: højst %d bytes.", tooBig.Limit)
			}
			break
		}
		doc.Text = r.PostForm.Get(render.FormField)
		status = s.analyse(r.Context(), &doc)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		writeError(w, http.StatusMethodNotAllowed, "use GET or POST", nil)
		return
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, doc); err != nil {
		writeError(w, http.StatusInternalServerError, "rendering the page: "+err.Error(), nil)
		return
	}
	page := s.withExampleLinks(buf.Bytes())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// The page is self-contained: inline styles, no scripts, no requests.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(page)
}

// withExampleLinks adds a line of links to the bundled articles under the
// page's header, if the page has one.
func (s *server) withExampleLinks(page []byte) []byte {
	const mark = "</header>"
	i := bytes.Index(page, []byte(mark))
	if i < 0 || len(s.examples) == 0 {
		return page
	}
	var nav strings.Builder
	nav.WriteString(`<nav aria-label="Eksempler" style="max-width:72rem;margin:0 auto 1rem;padding:0 1.25rem;font:.9rem/1.6 system-ui,sans-serif">Eksempler:`)
	for _, n := range s.examples {
		fmt.Fprintf(&nav, ` <a href="/?example=%s">%s</a>`, url.QueryEscape(n), html.EscapeString(n))
	}
	nav.WriteString("</nav>\n")
	i += len(mark)
	return slices.Concat(page[:i:i], []byte("\n"+nav.String()), page[i:])
}

// analyse extracts the quotes of doc.Text into doc, or sets doc.Message,
// and returns the status code for the page.
func (s *server) analyse(ctx context.Context, doc *render.Doc) int {
	if doc.Text == "" {
		return http.StatusOK
	}
	recs, err := s.x.ExtractContext(ctx, doc.Text)
	var ie *citat.InputError
	switch {
	case err == nil:
		doc.Records = recs
		if len(recs) == 0 {
			doc.Message = "Ingen citater fundet."
		}
		return http.StatusOK
	case errors.As(err, &ie) && errors.Is(err, citat.ErrInvalidUTF8):
		doc.Message = fmt.Sprintf("Teksten er ikke gyldig UTF-8 (byte %d).", ie.Offset)
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
		return http.StatusUnprocessableEntity
	case errors.Is(err, citat.ErrTooLarge):
		doc.Message = "Teksten er for lang."
		doc.Text = ""
		return http.StatusRequestEntityTooLarge
	default:
		doc.Message = "Fejl: " + err.Error()
		return http.StatusServiceUnavailable
	}
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError writes {"error": msg, "code": status} plus extra fields.
func writeError(w http.ResponseWriter, status int, msg string, extra map[string]any) {
	body := map[string]any{"error": msg, "code": status}
	for k, v := range extra {
		body[k] = v
	}
	writeJSON(w, status, body)
}

// Step 6. serve runs an http.Server with the timeouts of the config on ln
// until ctx is done, then shuts it down gracefully: it stops accepting
// connections and waits up to ShutdownTimeout for the requests in flight.
func (s *server) serve(ctx context.Context, ln net.Listener, stdout io.Writer) error {
	srv := &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		<-errc
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}

// Step 7. Putting it together: flags, the listener, and the signals that
// stop the server.
func run(args []string, stdout io.Writer) error {
	cfg := defaultConfig()
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "address to listen on")
	fs.StringVar(&cfg.Dir, "dir", "", "folder of bundled .txt articles for /?example=NAME (default: testdata/articles, found from the working directory upwards)")
	fs.Int64Var(&cfg.MaxBody, "max-bytes", cfg.MaxBody, "largest request body in bytes")
	fs.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", cfg.ReadHeaderTimeout, "time to read request headers")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", cfg.ReadTimeout, "time to read a whole request")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "time to write a response")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "keep-alive idle time")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", cfg.ShutdownTimeout, "grace period on shutdown")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if cfg.MaxBody <= 0 {
		return fmt.Errorf("-max-bytes must be positive")
	}
	if cfg.Dir == "" {
		// Without a bundled folder the server runs without examples.
		cfg.Dir, _ = corpus.Dir("")
	}

	s, err := newServer(cfg)
	if err != nil {
		return err
	}

	// Stop on SIGINT (Ctrl-C) or SIGTERM: the context is cancelled and
	// serve shuts the server down gracefully.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "citat server listening on http://%s/\n", ln.Addr())
	fmt.Fprintf(stdout, "  POST /v1/extract (text/plain or JSON {\"text\": ...}, up to %d bytes)\n", cfg.MaxBody)
	if len(s.examples) > 0 {
		fmt.Fprintf(stdout, "  GET  /?example=%s (%d bundled articles in %s)\n", s.examples[0], len(s.examples), cfg.Dir)
	}
	return s.serve(ctx, ln, stdout)
}
