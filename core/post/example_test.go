package post_test

import (
	"fmt"
	"strings"

	"github.com/xpreflight/xpreflight/core/post"
)

func ExampleParse() {
	r := post.Parse("Hi http://test.co 👋🏽 #hello", post.V3())
	fmt.Println(r.WeightedLength, r.MaxLength, r.Permillage, r.Valid, r.ValidRange, r.DisplayRange)
	for _, e := range r.Entities {
		fmt.Println(e.Kind, e.Text, e.Span)
	}
	// Output:
	// 36 280 128 true {0 29} {0 29}
	// url http://test.co {3 17}
	// hashtag hello {23 29}
}

func ExampleV2() {
	// Config v2 weighs each code point of an emoji sequence on its own.
	family := "👨‍👩‍👧‍👦"
	fmt.Println(post.Parse(family, post.V2()).WeightedLength, post.Parse(family, post.V3()).WeightedLength)
	// Output: 11 2
}

func ExampleConfigByName() {
	c, ok := post.ConfigByName("v2")
	fmt.Println(c.Version, c.MaxWeightedLength, c.EmojiParsing, ok)
	_, ok = post.ConfigByName("v4")
	fmt.Println(ok)
	// Output:
	// 2 280 false true
	// false
}

func ExampleCheck() {
	// 140 CJK characters weigh 280; two more letters pass the limit.
	text := strings.Repeat("語", 140) + "ab"
	r := post.Check(text, post.Options{LongPosts: post.LongPostsDenied})
	fmt.Println(r.WeightedLength, r.Valid, r.ValidRange)
	for _, d := range r.Diagnostics {
		fmt.Println(d.Severity, d.Code, d.Span, d.ByteSpan)
	}
	// Unknown account: long posts may be allowed, so only a warning.
	r = post.Check(text, post.Options{})
	fmt.Println(r.Valid, r.Diagnostics[0].Severity, r.Diagnostics[0].Code)
	// Output:
	// 282 false {0 140}
	// error post-too-long {140 142} {420 422}
	// true warning post-long-form
}
