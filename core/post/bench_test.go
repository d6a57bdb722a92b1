package post

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// benchPost is a 280-character mixed post: Latin text, two URLs (one
// without protocol), a mention, a hashtag, emoji (one ZWJ sequence, one
// flag) and CJK.
const benchPost = "Launch day 🚀 read the notes at https://example.com/blog/2026/12/launch?ref=x and docs.example.org/start — " +
	"ありがとうございます、皆さん！新しい機能を試してください。 @xpreflight #buildinpublic 👩‍💻🇯🇵 " +
	"Questions? Reply here or open an issue; we read everything. Thanks for the feedback so far, it shaped this one🙏"

func TestBenchPostIs280Characters(t *testing.T) {
	if n := utf8.RuneCountInString(benchPost); n != 280 {
		t.Fatalf("benchPost has %d code points, want 280", n)
	}
	r := Parse(benchPost, V3())
	if len(r.Entities) != 4 {
		t.Fatalf("benchPost entities: %+v", r.Entities)
	}
}

func BenchmarkParse280Mixed(b *testing.B) {
	cfg := V3()
	b.SetBytes(int64(len(benchPost)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Parse(benchPost, cfg)
	}
}

func BenchmarkCheck280Mixed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(benchPost, Options{})
	}
}

// The benchmarks below run the current code and the reference (the code of
// before the 2026-12-04 speed-ups, reference_test.go) side by side; compare
// each pair as a ratio from one interleaved run:
//
//	go test -run '^$' -bench 'Parse280|Piece' -count 6 ./core/post/
func BenchmarkParse280MixedReference(b *testing.B) {
	cfg := V3()
	b.SetBytes(int64(len(benchPost)))
	b.ReportAllocs()
	for b.Loop() {
		_ = parseRef(benchPost, cfg)
	}
}

// benchPieces times fn (a current piece) and ref (its reference) in
// alternating batches of eight calls, so both see the same machine load, and
// reports new/ref (below 1: faster) and each one's time per call.
func benchPieces(b *testing.B, fn, ref func()) {
	const batch = 8
	var tn, tr time.Duration
	for b.Loop() {
		t0 := time.Now()
		for range batch {
			fn()
		}
		t1 := time.Now()
		for range batch {
			ref()
		}
		tr += time.Since(t1)
		tn += t1.Sub(t0)
	}
	b.ReportMetric(float64(tn)/float64(tr), "new/ref")
	b.ReportMetric(float64(tn.Nanoseconds())/float64(b.N*batch), "new-ns/op")
	b.ReportMetric(float64(tr.Nanoseconds())/float64(b.N*batch), "ref-ns/op")
}

var sinkInt int
var sinkBool bool

// ASCII runs weighed word by word (asciiEnd) and weights above every
// range's end in one comparison.
func BenchmarkPieceMeasure(b *testing.B) {
	cfg := V3()
	urls, urlsRef := extractURLs(benchPost, nil), extractURLsRef(benchPost, nil)
	benchPieces(b,
		func() { sinkInt += measure(benchPost, cfg, urls).WeightedLength },
		func() { sinkInt += measureRef(benchPost, cfg, urlsRef).WeightedLength })
}

// The NFC pre-check skips ASCII word by word.
func BenchmarkPieceNFCStable(b *testing.B) {
	benchPieces(b,
		func() { sinkBool = nfcStable(benchPost) },
		func() { sinkBool = nfcStableRef(benchPost) })
}

// UTF-16 length skips ASCII word by word.
func BenchmarkPieceUTF16Len(b *testing.B) {
	benchPieces(b,
		func() { sinkInt += utf16Len(benchPost) },
		func() { sinkInt += utf16LenRef(benchPost) })
}

// UTF-16 length of valid UTF-8 by byte classes, a word at a time (what
// measure and the entities' spans use), against the reference's decoding.
func BenchmarkPieceUTF16LenValid(b *testing.B) {
	benchPieces(b,
		func() { sinkInt += utf16LenValid(benchPost) },
		func() { sinkInt += utf16LenRef(benchPost) })
}

// TLD lookups by hash set against the reference's binary search.
func BenchmarkPieceIsTLD(b *testing.B) {
	names := []string{"com", "org", "example", "blog", "jp", "COM", "みんな", "xn--p1ai", "start"}
	benchPieces(b,
		func() {
			for _, n := range names {
				sinkBool = isTLD(n)
			}
		},
		func() {
			for _, n := range names {
				sinkBool = isTLDRef(n)
			}
		})
}

// BenchmarkParseRatio alternates Parse and the reference call by call, so
// both see the same machine load: new/ref is the figure to quote (below 1:
// faster), new-ns/op the current code's time in this run.
func BenchmarkParseRatio(b *testing.B) {
	cfg := V3()
	var tn, tr time.Duration
	for b.Loop() {
		t0 := time.Now()
		_ = Parse(benchPost, cfg)
		t1 := time.Now()
		_ = parseRef(benchPost, cfg)
		tr += time.Since(t1)
		tn += t1.Sub(t0)
	}
	b.ReportMetric(float64(tn)/float64(tr), "new/ref")
	b.ReportMetric(float64(tn.Nanoseconds())/float64(b.N), "new-ns/op")
	b.ReportMetric(float64(tr.Nanoseconds())/float64(b.N), "ref-ns/op")
}

// The tables the fast paths build at start-up (a cost every wasm instance
// pays once, before its first call): compare with one Parse.
func BenchmarkStartupTables(b *testing.B) {
	b.Run("nfcStable3", func(b *testing.B) {
		for b.Loop() {
			t := buildNFCStable3()
			sinkInt += int(t[0x3F])
		}
	})
	b.Run("pictoBits", func(b *testing.B) {
		for b.Loop() {
			t := pictoBits(emojiRanges[:])
			sinkInt += int(t[3])
		}
	})
	b.Run("tldIndex", func(b *testing.B) {
		for b.Loop() {
			t := buildTLDIndex()
			sinkInt += int(t[7])
		}
	})
}

// URL search: ASCII inline in the scanning loops, the matches by value (no
// escaping buffer), short URLs' length checked without a count, TLDs by
// bucket.
func BenchmarkPieceExtractURLs(b *testing.B) {
	var buf [8]urlMatch
	var bufRef [8]urlMatchRef
	benchPieces(b,
		func() { sinkInt += len(extractURLs(benchPost, buf[:0])) },
		func() { sinkInt += len(extractURLsRef(benchPost, bufRef[:0])) })
}

// Entities: their UTF-16 spans counted by byte classes on a stable text.
func BenchmarkPieceEntities(b *testing.B) {
	urls, urlsRef := extractURLs(benchPost, nil), extractURLsRef(benchPost, nil)
	benchPieces(b,
		func() { sinkInt += len(entities(benchPost, urls, true)) },
		func() { sinkInt += len(entitiesRef(benchPost, urlsRef)) })
}

// Canonical ordering of a long run of combining marks (hostile text, 2,000
// marks of alternating classes): counting sort against the reference's
// insertion sort, quadratic there.
func BenchmarkPieceNFCStringMarks(b *testing.B) {
	s := "a" + strings.Repeat("\u0301\u0316", 1000)
	benchPieces(b,
		func() { sinkInt += len(nfcString(s)) },
		func() { sinkInt += len(nfcStringRef(s)) })
}

// Emoji properties of the post's pictographs by bitmap against the
// reference's range searches.
func BenchmarkPieceEmojiProperties(b *testing.B) {
	runes := []rune("🚀👩💻🇯🇵🙏🏽⌚©")
	benchPieces(b,
		func() {
			for _, r := range runes {
				sinkBool = isEmojiRune(r) && isPresentationRune(r)
			}
		},
		func() {
			for _, r := range runes {
				sinkBool = isEmojiRuneRef(r) && inRangesRef(emojiPresentationRanges[:], r)
			}
		})
}

// Emoji sequences measured from each character start: bitmaps, decodeAt
// and the tag fast path against the reference.
func BenchmarkPieceEmojiLen(b *testing.B) {
	s := "🚀 👩‍💻 🇯🇵 🙏🏽 1️⃣ 🏴󠁧󠁢󠁥󠁮󠁧󠁿"
	benchPieces(b,
		func() {
			for i := range s {
				sinkInt += emojiLen(s, i)
			}
		},
		func() {
			for i := range s {
				sinkInt += emojiLenRef(s, i)
			}
		})
}
