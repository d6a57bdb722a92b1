package post

import (
	"testing"
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
