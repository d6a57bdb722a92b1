package query

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// benchQuery is a realistic search_all query on Enterprise, padded to
// exactly 512 bytes: groups, ORs, negations, phrases, entities and
// operators with arguments.
var benchQuery = func() string {
	q := `(from:XDevelopers OR from:XData OR to:XDevelopers OR @XDevelopers) ("api v2" OR "filtered stream" OR #buildinpublic OR $TWTR) ` +
		`(lang:en OR lang:es OR lang:zh-CN) -is:retweet -is:nullcast has:links context:131.1007360414114435072 ` +
		`(url:"https://developer.x.com" OR url_contains_not_used) place_country:US point_radius:[-122.41 37.77 10mi] ` +
		`-"giveaway" -spam conversation_id:1334987486343299072 min_likes:10 (rate OR limits OR quota) -scam `
	for len(q) < 512 {
		q += "x"
	}
	return q[:512]
}()

var benchOpts = Options{Endpoint: SearchAll, Tier: Enterprise}

func TestBenchQueryIsRealistic(t *testing.T) {
	if len(benchQuery) != 512 {
		t.Fatalf("bench query is %d bytes", len(benchQuery))
	}
	r := Validate(benchQuery, benchOpts)
	if !r.Valid || len(r.Diagnostics) != 0 {
		t.Errorf("bench query should be clean, got %+v", r.Diagnostics)
	}
}

func BenchmarkValidate(b *testing.B) {
	b.SetBytes(int64(len(benchQuery)))
	b.ReportAllocs()
	for b.Loop() {
		Validate(benchQuery, benchOpts)
	}
}

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(benchQuery)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(benchQuery)
	}
}

// BenchmarkValidateRatio runs Validate and the baseline alternately in one
// loop, so both see the same machine load, and reports Validate's time as a
// multiple of the baseline's (the figure ./build.sh bench shows as
// validate/baseline) and Validate's own ns per call.
func BenchmarkValidateRatio(b *testing.B) {
	var tv, tb time.Duration
	for b.Loop() {
		t0 := time.Now()
		Validate(benchQuery, benchOpts)
		t1 := time.Now()
		baseline(benchQuery)
		tb += time.Since(t1)
		tv += t1.Sub(t0)
	}
	b.ReportMetric(float64(tv)/float64(tb), "validate/baseline")
	b.ReportMetric(float64(tv.Nanoseconds())/float64(b.N), "validate-ns/op")
}

var sink int

// baseline splits the query into words and counts its characters: the
// least any linter must do with it.
func baseline(q string) {
	sink += len(strings.Fields(q)) + utf8.RuneCountInString(q)
}

// BenchmarkBaselineFields is the yardstick for the ratio: splitting the same
// query into words and counting its characters, the least any linter must do.
func BenchmarkBaselineFields(b *testing.B) {
	b.SetBytes(int64(len(benchQuery)))
	b.ReportAllocs()
	for b.Loop() {
		baseline(benchQuery)
	}
}

// shortQueries are the queries a search request typically carries; for
// them the fixed cost per call (setup, pooling, tables) dominates.
var shortQueries = []struct{ name, q string }{
	{"one-word", "a"},
	{"brief", "from:XDevelopers -is:retweet"},
	{"grouped", "(from:XDevelopers OR from:API) has:media -is:retweet lang:en"},
}

func BenchmarkValidateShort(b *testing.B) {
	for _, sq := range shortQueries {
		b.Run(sq.name, func(b *testing.B) {
			if r := Validate(sq.q, Options{}); !r.Valid || len(r.Diagnostics) != 0 {
				b.Fatalf("%q should be clean: %+v", sq.q, r.Diagnostics)
			}
			b.ReportAllocs()
			for b.Loop() {
				Validate(sq.q, Options{})
			}
		})
	}
}

// BenchmarkDiagnoseShort is BenchmarkValidateShort through Diagnose, the
// path the request validator takes (no formatting).
func BenchmarkDiagnoseShort(b *testing.B) {
	for _, sq := range shortQueries {
		b.Run(sq.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Diagnose(sq.q, Options{Endpoint: SearchRecent, Tier: PayPerUse})
			}
		})
	}
}
