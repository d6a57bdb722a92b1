package apierr

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"io"
	"strconv"
	"testing"
	"time"
)

// partialBody builds a ~50 KB partial-error answer in the shape of
// testdata/bodies/200-partial-not-found.json (GET /2/tweets?ids=…): the
// recorded data item repeated with fresh ids, includes, and the recorded
// error items.
func partialBody(tb testing.TB, size int) []byte {
	var rec struct {
		Data   []map[string]any `json:"data"`
		Errors []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(readFixture(tb, "200-partial-not-found.json"), &rec); err != nil {
		tb.Fatal(err)
	}
	var page struct {
		Data     []map[string]any `json:"data"`
		Includes map[string]any   `json:"includes"`
		Errors   []map[string]any `json:"errors"`
		Meta     map[string]any   `json:"meta"`
	}
	page.Includes = map[string]any{"users": []any{map[string]any{"id": "2244994945", "name": "Developers", "username": "XDevelopers"}}}
	page.Meta = map[string]any{"result_count": 0}
	for i := 0; i < 5; i++ {
		e := map[string]any{}
		for k, v := range rec.Errors[0] {
			e[k] = v
		}
		page.Errors = append(page.Errors, e)
	}
	for id := 1721704226525466834; ; id++ {
		item := map[string]any{}
		for k, v := range rec.Data[0] {
			item[k] = v
		}
		item["id"] = strconv.Itoa(id)
		item["author_id"] = "2244994945"
		item["created_at"] = "2023-11-07T00:00:00.000Z"
		item["public_metrics"] = map[string]int{"retweet_count": 1, "reply_count": 2, "like_count": 3, "quote_count": 0}
		page.Data = append(page.Data, item)
		b, err := json.Marshal(page)
		if err != nil {
			tb.Fatal(err)
		}
		if len(b) >= size {
			return b
		}
	}
}

func BenchmarkParse(b *testing.B) {
	body := partialBody(b, 50*1024)
	if r := Parse(Response{Status: 200, Body: body}); r.Class != Partial || len(r.PartialErrors) != 5 || !r.Schema.Valid {
		b.Fatalf("benchmark body parses as %s with %d partial errors, schema %+v", r.Class, len(r.PartialErrors), r.Schema)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(Response{Status: 200, Body: body})
	}
}

// BenchmarkDecodeAny is the baseline of the ≤ 2x budget: encoding/json
// decoding the same bytes into any.
func BenchmarkDecodeAny(b *testing.B) {
	body := partialBody(b, 50*1024)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchBodyIsRealShape(t *testing.T) {
	body := partialBody(t, 50*1024)
	if len(body) < 50*1024 || len(body) > 52*1024 || !bytes.Contains(body, []byte(`"type":"https://api.twitter.com/2/problems/resource-not-found"`)) {
		t.Fatalf("bench body is %d bytes", len(body))
	}
}

// BenchmarkParseRatio runs Parse and the baseline (encoding/json decoding
// the same 50 KB body into any) alternately in one loop, so both see the
// same machine load, and reports Parse's time as a multiple of the
// baseline's: DESIGN.md's budget is ≤ 2.
func BenchmarkParseRatio(b *testing.B) {
	body := partialBody(b, 50*1024)
	var tp, tb time.Duration
	for b.Loop() {
		t0 := time.Now()
		Parse(Response{Status: 200, Body: body})
		t1 := time.Now()
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
		tb += time.Since(t1)
		tp += t1.Sub(t0)
	}
	b.ReportMetric(float64(tp)/float64(tb), "parse/decode-any")
	b.ReportMetric(float64(tp.Nanoseconds())/float64(b.N), "parse-ns/op")
}

// BenchmarkParseRateLimit: the rate-limit reading of every answer, on the
// headers of X's search answer (one window of three sent).
func BenchmarkParseRateLimit(b *testing.B) {
	h := map[string]string{
		"api-version": "2.167", "connection": "keep-alive", "content-type": "application/json; charset=utf-8",
		"date": "Tue, 14 Nov 2023 22:13:20 GMT", "keep-alive": "timeout=5", "set-cookie": "guest_id=v1%3A1; Path=/",
		"transfer-encoding": "chunked", "x-access-level": "read", "x-rate-limit-limit": "450",
		"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1900000900", "x-transaction-id": "a1b2c3d4e5",
	}
	for b.Loop() {
		if rl, _ := ParseRateLimit(h); rl == nil || rl.Reset == nil {
			b.Fatal("no window")
		}
	}
}

// BenchmarkDecodeBody: DecodeBody (pooled readers) against the baseline of
// readers made afresh for every body, side by side, for a recorded answer
// (~2 KiB) and a 50 KB page, gzip and deflate. Compare ns/op and B/op
// within each size.
func BenchmarkDecodeBody(b *testing.B) {
	for _, size := range []struct {
		name string
		body []byte
	}{{"recorded", readFixture(b, "200-partial-not-found.json")}, {"50KB", partialBody(b, 50_000)}} {
		for _, c := range []struct {
			name  string
			code  func(testing.TB, []byte) []byte
			fresh func([]byte) (io.ReadCloser, error)
		}{
			{"gzip", gzipped, func(p []byte) (io.ReadCloser, error) { return gzip.NewReader(bytes.NewReader(p)) }},
			{"deflate", zlibbed, func(p []byte) (io.ReadCloser, error) { return zlib.NewReader(bytes.NewReader(p)) }},
		} {
			coded := c.code(b, size.body)
			b.Run(size.name+"/"+c.name+"/fresh-readers", func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					r, err := c.fresh(coded)
					if err != nil {
						b.Fatal(err)
					}
					if out, err := io.ReadAll(io.LimitReader(r, 1<<20+1)); err != nil || len(out) != len(size.body) {
						b.Fatal(err)
					}
				}
			})
			b.Run(size.name+"/"+c.name+"/DecodeBody", func(b *testing.B) {
				b.ReportAllocs()
				ce := []string{c.name}
				for i := 0; i < b.N; i++ {
					if out, why := DecodeBody(ce, coded, 1<<20); why != 0 || len(out) != len(size.body) {
						b.Fatal(why)
					}
				}
			})
		}
	}
}
