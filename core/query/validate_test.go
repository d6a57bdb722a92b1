package query

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	recentPPU     = Options{}
	recentEnt     = Options{Tier: Enterprise}
	streamPPU     = Options{Endpoint: StreamRule}
	streamEnt     = Options{Endpoint: StreamRule, Tier: Enterprise}
	fullArchivePP = Options{Endpoint: SearchAll}
)

// docExamples are queries X's own docs show as working: the search
// build-a-query page (xdevplatform/docs x-api/posts/search/integrate/
// build-a-query.mdx @ 8211bdeb, 2025-05-09) and the fact sheet's §3. None may
// get an error — that would be a false rejection. They also seed FuzzParse.
var docExamples = []struct {
	q    string
	opts Options
}{
	{`#xapiv2`, recentPPU},
	{`"X data" has:mentions (has:media OR has:links)`, recentPPU},
	{`snow day #NoSchool`, recentPPU},
	{`grumpy OR cat OR #meme`, recentPPU},
	{`cat #meme -grumpy`, recentPPU},
	{`(grumpy cat) OR (#meme has:images)`, recentPPU},
	{`skiing -snow -day -noschool`, recentPPU},
	{`apple OR iphone ipad`, recentPPU},
	{`ipad iphone OR android`, recentPPU},
	{`(apple OR iphone) ipad`, recentPPU},
	{`iphone (ipad OR android)`, recentPPU},
	{`Diacrítica #cumpleaños`, recentPPU},
	{`(happy OR happiness) place_country:GB -birthday -is:retweet`, recentEnt},
	{`(happy OR happiness OR excited OR elated) lang:en -birthday -is:retweet -holidays`, recentPPU},
	{`cat has:media -grumpy`, recentPPU},
	{`has:geo (from:NWSNHC OR from:NHC_Atlantic OR from:NWSHouston OR from:NWSSanAntonio OR from:USGS_TexasRain OR from:USGS_TexasFlood OR from:JeffLindner1) -is:retweet`, recentEnt},
	{`#nowplaying (happy OR exciting OR excited OR favorite OR fav OR amazing OR lovely OR incredible) (place_country:US OR place_country:MX OR place_country:CA) -horrible -worst -sucks -bad -disappointing`, recentEnt},
	{`context:65.852262932607926273 -context:66.852262932607926273 -is:retweet has:images lang:ja`, recentPPU},
	{`pepsi OR cola OR "coca cola"`, recentPPU},
	{`(😃 OR 😡) 😬`, recentPPU},
	{`("X API" OR #v2) -"recent search"`, recentPPU},
	{`#thankunext #fanart OR @arianagrande`, recentPPU},
	{`(@XDevelopers OR @API) -@X`, recentPPU},
	{`$twtr OR @XDevelopers -$fb`, recentEnt},
	{`from:XDevelopers OR from:API -from:X`, recentPPU},
	{`to:XDevelopers OR to:API -to:X`, recentPPU},
	{`from:XDevelopers url:"https://developer.twitter.com"`, recentPPU},
	{`from:XDevelopers url:"https://t.co"`, recentPPU},
	{`retweets_of:twitterdev OR retweets_of:twitterapi`, recentPPU},
	{`in_reply_to_tweet_id:1539382664746020864`, recentPPU},
	{`retweets_of_tweet_id:1539382664746020864`, recentPPU},
	{`quotes_of_tweet_id:1539382664746020864`, recentPPU},
	{`(context:47.1139229372198469633 OR context:11.1088514520308342784)`, recentPPU},
	{`context:10.799022225751871488`, recentPPU},
	{`entity:"Michael Jordan" OR entity:"Barcelona"`, recentPPU},
	{`conversation_id:1334987486343299072 (from:XDevelopers OR from:api)`, recentPPU},
	{`list:123`, recentEnt},
	{`place:"new york city" OR place:seattle OR place:fd70c22040963ac7`, recentEnt},
	{`place_country:US OR place_country:MX OR place_country:CA`, recentEnt},
	{`point_radius:[2.355128 48.861118 16km]`, recentEnt},
	{`bounding_box:[-105.301758 39.964069 -105.178505 40.09455]`, recentEnt},
	{`data @XDevelopers -is:retweet`, recentPPU},
	{`from:XDevelopers is:reply`, recentPPU},
	{`"sentiment analysis" is:quote`, recentPPU},
	{`#nowplaying is:verified`, recentPPU},
	{`"mobile games" -is:nullcast`, recentEnt},
	{`from:XDevelopers -has:hashtags`, recentPPU},
	{`#stonks has:cashtags`, recentEnt},
	{`from:XDevelopers announcement has:links`, recentPPU},
	{`#nowplaying has:mentions`, recentPPU},
	{`(kittens OR puppies) has:media`, recentPPU},
	{`#meme has:images`, recentPPU},
	{`#icebucketchallenge has:video_link`, recentPPU},
	{`recommend #paris has:geo -bakery`, recentEnt},
	{`recommend #paris lang:en`, recentPPU},
	{`python lang:en -is:retweet`, recentPPU},
	{`"Toys \"R\" Us"`, recentPPU},
	{`url:"/developer" cat`, recentPPU},
	{`from:twitterdev from:twitterapi has:links`, streamPPU},
	{`"social media"~3 cat`, streamPPU},
	{`bio:developer (cat OR dog) sample:10`, streamPPU},
	{`followers_count:100..500 cat`, streamPPU},
	{`embedding:"cats playing piano" embedding_threshold:0.4`, streamEnt},
	{`min_likes:100 cat`, fullArchivePP},
}

func TestDocExamplesAreValid(t *testing.T) {
	for _, ex := range docExamples {
		r := Validate(ex.q, ex.opts)
		if !r.Valid {
			t.Errorf("docs example %q (%+v) rejected: %+v", ex.q, ex.opts, r.Diagnostics)
		}
	}
}

// TestDocExampleWithSwappedCoordinates pins a known conflict: X's operator
// table shows point_radius:[-41.287336 174.761070 20mi] (Wellington with
// latitude and longitude swapped), while the same row says latitude must be
// within ±90. The linter follows the stated rule.
func TestDocExampleWithSwappedCoordinates(t *testing.T) {
	r := Validate(`point_radius:[2.355128 48.861118 16km] OR point_radius:[-41.287336 174.761070 20mi]`, recentEnt)
	if r.Valid || len(r.Diagnostics) != 1 || r.Diagnostics[0].Code != CodeCoordinateRange {
		t.Errorf("want one coordinate-out-of-range error, got %+v", r.Diagnostics)
	}
}

func TestValidateVerdicts(t *testing.T) {
	tests := []struct {
		q     string
		opts  Options
		valid bool
		codes string // every diagnostic code, in order
	}{
		{"cat", recentPPU, true, ""},
		{"has:media", recentPPU, false, CodeConjunctionOnly},
		{"has:media cat", recentPPU, true, ""},
		{"-has:media cat", recentPPU, true, ""},
		{"cat -has:media", recentPPU, true, ""},
		{"(has:media OR is:reply) cat", recentPPU, true, ""},
		{"-cat has:media", recentPPU, false, CodeConjunctionOnly},
		{"-cat", recentPPU, false, CodeOnlyNegations},
		{"apple OR -ipad", recentPPU, false, CodeNegatedOrBranch},
		{"(apple OR -ipad)", recentPPU, false, CodeNegatedOrBranch},
		{"apple (banana OR -ipad)", recentPPU, true, CodeNegatedOrBranch},
		{"rock AND roll", recentPPU, false, CodeExplicitAnd},
		{`rock "and" roll`, recentPPU, true, ""},
		{"rock -and roll", recentPPU, true, ""},
		{"AND", recentPPU, true, CodeExplicitAnd},
		{"cat OR dog", recentPPU, true, ""},
		{"cat Or dog", recentPPU, true, CodeLowercaseOr},
		{"-is:nullcast cat", recentEnt, true, ""},
		{"is:nullcast cat", recentEnt, false, CodeNullcastNotNegated},
		{"cat -sample:10", streamPPU, false, CodeNotNegatable},
		{"cat sample:10", streamPPU, true, ""},
		{"cat sample:10", recentPPU, true, CodeWrongEndpoint},
		{"cat list:1", streamEnt, true, CodeWrongEndpoint},
		// issue 12: no source says pay-per-use lacks advanced operators
		{"cat has:geo", recentPPU, true, CodeTierUnclear},
		{"place_country:US cat", recentPPU, true, CodeTierUnclear},
		{"place_country:US cat", Options{Tier: Pro}, true, CodeTierUnclear},
		{`embedding:"cats" cat`, Options{Endpoint: StreamRule, Tier: Basic}, false, CodeWrongTier},
		{"cat has:geo", recentEnt, true, ""},
		{"$AAPL cat", recentPPU, true, CodeTierUnclear},
		{"$100 cat", recentPPU, true, ""},
		{"cat has:medias", recentPPU, false, CodeUnknownOperator},
		{"cat HAS:MEDIA", recentPPU, true, ""},
		{"(cat", recentPPU, false, CodeUnclosedParen},
		{"cat)", recentPPU, false, CodeUnmatchedParen},
		{`"cat`, recentPPU, true, CodeUnterminatedQuote},
		{"skiing -(snow OR day)", recentPPU, true, CodeNegatedGroup},
		{"from:jack", recentPPU, true, ""},
		{"from:1234567890", recentPPU, true, ""},
		{"from:jack.x", recentPPU, true, CodeInvalidUsername},
		{"lang:EN cat", recentPPU, true, ""},
		{"lang:zh-cn cat", recentPPU, true, ""},
		{"lang:und cat", recentPPU, true, ""},
		{"place_country:us cat", recentEnt, true, ""},
		{"point_radius:[0 0 24.9mi] cat", recentEnt, true, ""},
		{"point_radius:[0 0 40.2km] cat", recentEnt, true, ""},
		{"point_radius:[0 0 40.3km] cat", recentEnt, false, CodeRadiusTooLarge},
		{"point_radius:[0 0 25MI] cat", recentEnt, true, CodeRadiusTooLarge}, // exactly at "less than 25mi": a warning
		{"point_radius:[0 0 25.1mi] cat", recentEnt, false, CodeRadiusTooLarge},
		{"bounding_box:[-180 -90 180 90] cat", recentEnt, false, CodeBoxTooLarge},
		// 0.5° of longitude at 70°N is about 11.8 mi: valid however X measures.
		{"bounding_box:[10 70 10.5 70.1] cat", recentEnt, true, ""},
		{`"a b"~6 cat`, streamPPU, true, ""},
		{`"a b"~7 cat`, streamPPU, false, CodeProximityDistance},
		{strings.Repeat("a ", 256)[:511], recentPPU, true, ""},
		{strings.Repeat("a ", 257)[:513], recentPPU, false, CodeTooLong},
		{strings.Repeat("a ", 257)[:513], recentEnt, true, ""},
		{strings.Repeat("a ", 300), Options{Endpoint: CountsAll}, true, CodeCountsAllLength},
	}
	for _, tt := range tests {
		r := Validate(tt.q, tt.opts)
		var codes []string
		for _, d := range r.Diagnostics {
			codes = append(codes, d.Code)
		}
		if got := strings.Join(codes, ","); r.Valid != tt.valid || got != tt.codes {
			t.Errorf("Validate(%.40q, %+v) = valid %v, codes %q; want valid %v, codes %q\n%+v",
				tt.q, tt.opts, r.Valid, got, tt.valid, tt.codes, r.Diagnostics)
		}
	}
}

func TestReportShape(t *testing.T) {
	r := Validate("cat", Options{})
	if r.Diagnostics == nil {
		t.Fatal("Diagnostics is nil; the wire contract needs []")
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"valid":true,"length":3,"maxLength":512,"diagnostics":[],"formatted":"cat"}`
	if string(out) != want {
		t.Errorf("got %s\nwant %s", out, want)
	}
	if got := MaxLength(Options{Endpoint: StreamRule, Tier: Enterprise}); got != 2048 {
		t.Errorf("stream_rule enterprise max = %d", got)
	}
	if got := MaxLength(Options{Endpoint: CountsAll}); got != 1024 {
		t.Errorf("counts_all pay-per-use max = %d (the non-rejecting reading is 1,024)", got)
	}
}

// TestSpansAreUTF16 checks Span against what JavaScript would index: the
// UTF-16 encoding of the query, with emoji (surrogate pairs) and CJK before
// the offending text.
func TestSpansAreUTF16(t *testing.T) {
	q := "😀 猫 has:medias 🐈‍⬛ lang:xx"
	r := Validate(q, Options{})
	units := utf16.Encode([]rune(q))
	want := map[string]string{CodeUnknownOperator: "has:medias", CodeEmojiVariant: "🐈‍⬛", CodeInvalidLang: "xx"}
	if len(r.Diagnostics) != len(want) {
		t.Fatalf("diagnostics %+v", r.Diagnostics)
	}
	for _, d := range r.Diagnostics {
		if got := string(utf16.Decode(units[d.Span.Start:d.Span.End])); got != want[d.Code] {
			t.Errorf("%s: UTF-16 span %v selects %q, want %q", d.Code, d.Span, got, want[d.Code])
		}
		if got := q[d.ByteSpan.Start:d.ByteSpan.End]; got != want[d.Code] {
			t.Errorf("%s: byte span %v selects %q", d.Code, d.ByteSpan, got)
		}
	}
	if n, u := Length(q); n != utf8.RuneCountInString(q) || u != len(units) {
		t.Errorf("Length = %d, %d; want %d, %d", n, u, utf8.RuneCountInString(q), len(units))
	}
}

func TestValidateRobustness(t *testing.T) {
	inputs := map[string]string{
		"1 MB of words":          strings.Repeat("cat ", 1<<18),
		"1 MB of one word":       strings.Repeat("a", 1<<20),
		"10,000 nested":          strings.Repeat("(", 10_000) + "cat" + strings.Repeat(")", 10_000),
		"10,000 open":            strings.Repeat("(", 10_000),
		"10,000 close":           strings.Repeat(")", 10_000),
		"spaced closes":          strings.Repeat(") ", 50_000),
		"1 MB of minus":          strings.Repeat("-", 1<<20) + "cat",
		"invalid UTF-8":          "cat \xff\xfe\xfd (dog \xc3",
		"NUL and controls":       "cat\x00dog\x01 (\x7f)",
		"1 MB of quotes":         strings.Repeat(`"`, 1<<20),
		"1 MB of ORs":            strings.Repeat("OR ", 1<<18),
		"deep negated groups":    strings.Repeat("-(", 5000) + "a",
		"operators without args": strings.Repeat("from: ", 10_000),
		"unclosed bracket":       "point_radius:[" + strings.Repeat("1 ", 1<<16),
	}
	for name, q := range inputs {
		start := time.Now()
		r := Validate(q, Options{})
		t.Logf("%s: %d diagnostics in %v", name, len(r.Diagnostics), time.Since(start))
		if r.Diagnostics == nil {
			t.Errorf("%s: nil diagnostics", name)
		}
		if len(r.Diagnostics) > maxDiagnostics {
			t.Errorf("%s: %d diagnostics, over the cap", name, len(r.Diagnostics))
		}
		hasError := false
		for _, d := range r.Diagnostics {
			hasError = hasError || d.Severity == SeverityError
			if d.ByteSpan.Start < 0 || d.ByteSpan.End > len(q) || d.ByteSpan.Start > d.ByteSpan.End ||
				d.Span.Start > d.Span.End {
				t.Errorf("%s: bad span %+v", name, d)
			}
		}
		if hasError == r.Valid {
			t.Errorf("%s: valid=%v disagrees with the diagnostics", name, r.Valid)
		}
	}
}
