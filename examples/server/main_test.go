package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/citat-go/citat"
	"github.com/citat-go/citat/examples/internal/corpus"
)

// checkLeaks fails the test if it ends with more goroutines than it
// started with. Call it first, so that its cleanup runs last.
func checkLeaks(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(3 * time.Second)
		for {
			n := runtime.NumGoroutine()
			if n <= before {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				buf = buf[:runtime.Stack(buf, true)]
				t.Errorf("leaked goroutines: %d before, %d after\n%s", before, n, buf)
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// startServer runs the server on a real listener on 127.0.0.1:0 and
// returns its base URL and a client with its own transport. Cleanup shuts
// the server down gracefully and checks serve returned cleanly.
func startServer(t *testing.T, mod func(*config)) (string, *http.Client) {
	t.Helper()
	cfg := defaultConfig()
	cfg.Dir = articlesDir(t)
	cfg.ShutdownTimeout = 5 * time.Second
	if mod != nil {
		mod(&cfg)
	}
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln, io.Discard) }()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return "http://" + ln.Addr().String(), &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

func articlesDir(t *testing.T) string {
	t.Helper()
	dir, err := corpus.Dir("")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func article(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(articlesDir(t), name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type apiResponse struct {
	Status  int            `json:"-"`
	Header  http.Header    `json:"-"`
	Records []citat.Record `json:"records"`
	Error   string         `json:"error"`
	Code    int            `json:"code"`
	Offset  *int           `json:"offset"`
	Limit   int64          `json:"limit"`
	Raw     string         `json:"-"`
}

func post(t *testing.T, c *http.Client, u, contentType string, body io.Reader) apiResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return do(t, c, req)
}

func do(t *testing.T, c *http.Client, req *http.Request) apiResponse {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := apiResponse{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("response is not JSON: %v\n%s", err, raw)
		}
	}
	return out
}

func TestExtractAPI(t *testing.T) {
	checkLeaks(t)
	base, c := startServer(t, nil)
	api := base + "/v1/extract"
	text := article(t, "erhverv-vindmoeller")
	want, err := citat.Extract(text)
	if err != nil {
		t.Fatal(err)
	}

	// Plain text and JSON give the same records as the library.
	plain := post(t, c, api, "text/plain; charset=utf-8", strings.NewReader(text))
	body, _ := json.Marshal(map[string]string{"text": text})
	js := post(t, c, api, "application/json", bytes.NewReader(body))
	for name, r := range map[string]apiResponse{"text/plain": plain, "JSON": js} {
		if r.Status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", name, r.Status, r.Raw)
		}
		if len(r.Records) != len(want) {
			t.Fatalf("%s: %d records, want %d", name, len(r.Records), len(want))
		}
		found := false
		for i, rec := range r.Records {
			if rec.Text != want[i].Text || rec.SpeakerName() != want[i].SpeakerName() || rec.Kind != want[i].Kind {
				t.Errorf("%s: record %d = %q by %q, want %q by %q", name, i, rec.Text, rec.SpeakerName(), want[i].Text, want[i].SpeakerName())
			}
			if text[rec.Start:rec.End] != rec.Text {
				t.Errorf("%s: record %d offsets do not match its text", name, i)
			}
			found = found || (rec.SpeakerName() == "Karina Dalsgaard" && rec.SourceName() == "Børsen")
		}
		if !found {
			t.Errorf("%s: no quote by Karina Dalsgaard via Børsen", name)
		}
	}
	if ct := plain.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}

	// Empty text: an empty list, not null.
	empty := post(t, c, api, "application/json", strings.NewReader(`{"text": ""}`))
	if empty.Status != 200 || !strings.Contains(empty.Raw, `"records":[]`) {
		t.Errorf("empty text: %d %s", empty.Status, empty.Raw)
	}

	// Errors: status, the same code in the body, and a message.
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		msg               string
		offset            int // -1: no offset expected
	}{
		{"truncated JSON", "application/json", `{"text": "abc`, 400, "malformed JSON", -1},
		{"not an object", "application/json", `["text"]`, 400, "malformed JSON", -1},
		{"wrong type", "application/json", `{"text": 5}`, 400, "malformed JSON", -1},
		{"unknown field", "application/json", `{"text": "a", "lang": "da"}`, 400, "malformed JSON", -1},
		{"missing text", "application/json", `{}`, 400, `want {"text"`, -1},
		{"trailing data", "application/json", `{"text": "a"} {}`, 400, "data after", -1},
		{"HTML", "text/html", "<p>hej</p>", 415, "unsupported Content-Type", -1},
		{"no content type", "", "hej", 415, "unsupported Content-Type", -1},
		{"latin-1", "text/plain; charset=iso-8859-1", "hej", 415, "charset", -1},
		{"form", "application/x-www-form-urlencoded", "text=hej", 415, "unsupported Content-Type", -1},
		{"invalid UTF-8 text", "text/plain", "Hun siger: »Det er \xff godt«", 422, "not valid UTF-8 at byte 20", 20},
		{"invalid UTF-8 JSON", "application/json", "{\"text\": \"Hej \xc3\x28\"}", 422, "not valid UTF-8 at byte 14", 14},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, c, api, tc.ctype, strings.NewReader(tc.body))
			if r.Status != tc.status || r.Code != tc.status || !strings.Contains(r.Error, tc.msg) {
				t.Errorf("got %d %s, want %d with %q", r.Status, r.Raw, tc.status, tc.msg)
			}
			switch {
			case tc.offset < 0 && r.Offset != nil:
				t.Errorf("unexpected offset %d", *r.Offset)
			case tc.offset >= 0 && (r.Offset == nil || *r.Offset != tc.offset):
				t.Errorf("offset %v, want %d", r.Offset, tc.offset)
			}
		})
	}

	// Wrong methods and paths.
	for _, tc := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/v1/extract", 405, "POST"},
		{"PUT", "/v1/extract", 405, "POST"},
		{"POST", "/healthz", 405, "GET, HEAD"},
		{"DELETE", "/", 405, "GET, HEAD, POST"},
		{"GET", "/v1/nothing", 404, ""},
	} {
		req, _ := http.NewRequest(tc.method, base+tc.path, nil)
		r := do(t, c, req)
		if r.Status != tc.status || r.Code != tc.status || r.Error == "" || r.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow=%q %s", tc.method, tc.path, r.Status, r.Header.Get("Allow"), r.Raw)
		}
	}

	// Health.
	req, _ := http.NewRequest("GET", base+"/healthz", nil)
	if r := do(t, c, req); r.Status != 200 || !strings.Contains(r.Raw, `"status":"ok"`) {
		t.Errorf("healthz: %d %s", r.Status, r.Raw)
	}
}

func TestOversizedBodies(t *testing.T) {
	checkLeaks(t)

	// The default limit: 8 MiB plus one byte is refused with 413.
	base, c := startServer(t, nil)
	big := bytes.Repeat([]byte("a"), 8<<20+1)
	for _, ctype := range []string{"text/plain", "application/json"} {
		r := post(t, c, base+"/v1/extract", ctype, bytes.NewReader(big))
		if r.Status != 413 || r.Code != 413 || r.Limit != 8<<20 || !strings.Contains(r.Error, "larger than 8388608 bytes") {
			t.Errorf("%s, 8 MiB + 1: %d %s", ctype, r.Status, r.Raw)
		}
	}

	// A small limit: exactly at it is fine, one byte over is not, also for
	// the HTML form.
	base, c = startServer(t, func(c *config) { c.MaxBody = 1024 })
	text := "- Det er godt, siger Ib Holm.\n"
	text += strings.Repeat(" ", 1024-len(text))
	if r := post(t, c, base+"/v1/extract", "text/plain", strings.NewReader(text)); r.Status != 200 || len(r.Records) != 1 {
		t.Errorf("at the limit: %d %s", r.Status, r.Raw)
	}
	if r := post(t, c, base+"/v1/extract", "text/plain", strings.NewReader(text+" ")); r.Status != 413 || r.Limit != 1024 {
		t.Errorf("over the limit: %d %s", r.Status, r.Raw)
	}
	form := url.Values{"text": {strings.Repeat("x", 2000)}}.Encode()
	if r := post(t, c, base+"/", "application/x-www-form-urlencoded", strings.NewReader(form)); r.Status != 413 || !strings.Contains(r.Raw, "for lang") {
		t.Errorf("form over the limit: %d %.300s", r.Status, r.Raw)
	}
}

// TestSlowClients checks the server's timeouts with raw connections: a
// client that sends its headers and then stalls in the body gets a 408 and
// is disconnected; one that stalls in the headers is disconnected.
func TestSlowClients(t *testing.T) {
	checkLeaks(t)
	base, _ := startServer(t, func(c *config) {
		c.ReadHeaderTimeout = 200 * time.Millisecond
		c.ReadTimeout = 400 * time.Millisecond
		c.WriteTimeout = 2 * time.Second
	})
	addr := strings.TrimPrefix(base, "http://")

	slow := func(t *testing.T, send string) (string, time.Duration) {
		t.Helper()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		if _, err := io.WriteString(conn, send); err != nil {
			t.Fatal(err)
		}
		// Stall: send nothing more, and read until the server hangs up.
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		got, err := io.ReadAll(conn)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatalf("the server kept the stalled connection open for 5s; got %q", got)
		}
		return string(got), time.Since(start)
	}

	t.Run("stalled body", func(t *testing.T) {
		got, took := slow(t, "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n- Det er")
		if !strings.HasPrefix(got, "HTTP/1.1 408 ") || !strings.Contains(got, `"code":408`) {
			t.Errorf("want a 408 JSON response, got %q", got)
		}
		if took < 300*time.Millisecond || took > 3*time.Second {
			t.Errorf("disconnected after %v, want about the 400ms read timeout", took)
		}
	})
	t.Run("stalled headers", func(t *testing.T) {
		got, took := slow(t, "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Ty")
		if strings.Contains(got, "200 OK") {
			t.Errorf("got a response to half a request: %q", got)
		}
		if took > 3*time.Second {
			t.Errorf("disconnected after %v, want about the 200ms header timeout", took)
		}
	})
}

func TestConcurrentRequests(t *testing.T) {
	checkLeaks(t)
	base, c := startServer(t, nil)
	names := []string{"erhverv-vindmoeller", "krimi-indbrud", "politik-skolereform", "sport-haandbold", "udland-eu-topmoede"}
	texts := make([]string, len(names))
	want := make([]int, len(names))
	for i, n := range names {
		texts[i] = article(t, n)
		recs, err := citat.Extract(texts[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = len(recs)
	}
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			k := i % len(names)
			ctype, body := "text/plain", texts[k]
			if i%2 == 1 {
				b, _ := json.Marshal(map[string]string{"text": texts[k]})
				ctype, body = "application/json", string(b)
			}
			resp, err := c.Post(base+"/v1/extract", ctype, strings.NewReader(body))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var out struct{ Records []citat.Record }
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
				errs <- fmt.Errorf("request %d: %v", i, err)
				return
			}
			if resp.StatusCode != 200 || len(out.Records) != want[k] {
				errs <- fmt.Errorf("request %d (%s): status %d, %d records, want %d", i, names[k], resp.StatusCode, len(out.Records), want[k])
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPages(t *testing.T) {
	checkLeaks(t)
	base, c := startServer(t, nil)
	get := func(path string) apiResponse {
		req, _ := http.NewRequest("GET", base+path, nil)
		return do(t, c, req)
	}

	// The empty page: a form that posts the text field, and example links.
	r := get("/")
	if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	for _, want := range []string{"<form", `method="post"`, `name="text"`, "<textarea", `href="/?example=krimi-indbrud"`} {
		if !strings.Contains(r.Raw, want) {
			t.Errorf("GET / lacks %q", want)
		}
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if strings.Contains(r.Raw, "<script") || strings.Contains(r.Raw, "http://") || strings.Contains(r.Raw, "https://") {
		t.Error("the page loads scripts or external assets")
	}

	// A bundled article, rendered server-side with its quotes marked.
	r = get("/?example=erhverv-vindmoeller")
	if r.Status != 200 {
		t.Fatalf("example: %d", r.Status)
	}
	for _, want := range []string{"<mark", `id="q1"`, "Karina Dalsgaard", "Ib Kronborg", "Børsen", "Lem er hjertet i vores produktion"} {
		if !strings.Contains(r.Raw, want) {
			t.Errorf("example page lacks %q", want)
		}
	}
	if r = get("/?example=../../go.mod"); r.Status != 404 {
		t.Errorf("path in example name: %d", r.Status)
	}

	// The form.
	form := url.Values{"text": {"- Det er en god dag, siger borgmester Ib Holm."}}.Encode()
	r = post(t, c, base+"/", "application/x-www-form-urlencoded", strings.NewReader(form))
	if r.Status != 200 || !strings.Contains(r.Raw, "<mark") || !strings.Contains(r.Raw, "Ib Holm") {
		t.Errorf("form POST: %d %.500s", r.Status, r.Raw)
	}
	form = url.Values{"text": {"Hej \xff"}}.Encode()
	r = post(t, c, base+"/", "application/x-www-form-urlencoded", strings.NewReader(form))
	if r.Status != 422 || !strings.Contains(r.Raw, "byte 4") {
		t.Errorf("form with invalid UTF-8: %d", r.Status)
	}
}

// TestGracefulShutdown cancels the server while a request is still sending
// its body: the request completes, then serve returns.
func TestGracefulShutdown(t *testing.T) {
	checkLeaks(t)
	cfg := defaultConfig()
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln, io.Discard) }()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "- Vi lukker ikke, siger direktør Ib Holm."
	fmt.Fprintf(conn, "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	time.Sleep(100 * time.Millisecond) // the handler is now reading the body
	cancel()
	select {
	case err := <-done:
		t.Fatalf("serve returned with a request in flight: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	io.WriteString(conn, body[10:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ Records []citat.Record }
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(out.Records) != 1 || out.Records[0].SpeakerName() != "Ib Holm" {
		t.Errorf("in-flight request: %d %+v", resp.StatusCode, out.Records)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return after the last request")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunStopsOnSignal runs the program as main does and stops it with
// SIGINT, which signal.NotifyContext turns into a graceful shutdown.
func TestRunStopsOnSignal(t *testing.T) {
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- run([]string{"-addr", "127.0.0.1:0"}, &out) }()
	var addr string
	for deadline := time.Now().Add(5 * time.Second); addr == ""; {
		if _, rest, ok := strings.Cut(out.String(), "listening on http://"); ok {
			addr, _, _ = strings.Cut(rest, "/")
			break
		}
		select {
		case err := <-done:
			t.Fatalf("run: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after SIGINT")
	}
	for _, want := range []string{"/v1/extract", "/?example=", "shutting down", "stopped"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunFlagErrors(t *testing.T) {
	var out bytes.Buffer
	for _, args := range [][]string{
		{"-max-bytes", "0"},
		{"-addr", "127.0.0.1:notaport"},
		{"stray"},
		{"-no-such-flag"},
	} {
		if err := run(args, &out); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}
