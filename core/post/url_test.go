package post

import (
	"fmt"
	"testing"
)

// TestURLRegressions: cases the differential runs caught, with the URLs the
// twitter-text npm package 3.1.0 extracts from them.
func TestURLRegressions(t *testing.T) {
	cases := map[string]string{
		// a multi-byte character right before the protocol
		"👍🏽」http://example.com/path?q=1&r=2&rt_….x": "[http://example.com/path?q=1&r=2&rt_]",
		"t.co。https://example.com/?q=a!」":           "[t.co https://example.com/?q=a]",
		// a parenthesised group ends a path only where the path could end before it
		"twitter.com/jack:(paren)。": "[twitter.com/jack]",
		"http://x.com/a:(b)c":       "[http://x.com/a:(b)c]",
		"http://x.com/a-(b)":        "[http://x.com/a-(b)]",
		// hostile: long label chains and dash runs stay linear (and find nothing or the right host)
		"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.com": "[a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.com]",
	}
	for in, want := range cases {
		var got []string
		for _, u := range extractURLs(in, nil) {
			got = append(got, u.Text)
		}
		if fmt.Sprint(got) != want {
			t.Errorf("%q: got %v, want %s", in, got, want)
		}
	}
}
