package strtab

import "testing"

func TestFind(t *testing.T) {
	names := []string{"query", "max_results", "tweet.fields", "post.fields", "query", "", "a"}
	tab := New(names)
	for want, n := range names {
		if want == 4 {
			want = 0 // duplicates keep the first position
		}
		if got := tab.Find(n); got != want {
			t.Errorf("Find(%q) = %d, want %d", n, got, want)
		}
		if got := tab.FindBytes([]byte(n)); got != want {
			t.Errorf("FindBytes(%q) = %d, want %d", n, got, want)
		}
	}
	for _, n := range []string{"queries", "max_result", "b", "tweet_fields"} {
		if got := tab.Find(n); got != -1 {
			t.Errorf("Find(%q) = %d, want -1", n, got)
		}
	}
	var zero Table
	if zero.Find("x") != -1 || zero.Len() != 0 {
		t.Error("the zero Table must find nothing")
	}
}

func TestFindWithCollisions(t *testing.T) {
	// Byte 3 of a 5-byte name is not hashed, so these share a hash and
	// must be told apart by comparison.
	if Hash("abcXe") != Hash("abcYe") {
		t.Fatal("Hash no longer ignores byte 3 of a 5-byte name; pick new collision cases")
	}
	tab := New([]string{"abcXe", "abcYe", "abcZe"})
	for i, n := range []string{"abcXe", "abcYe", "abcZe"} {
		if got := tab.Find(n); got != i {
			t.Errorf("Find(%q) = %d, want %d", n, got, i)
		}
	}
	if tab.Find("abcWe") != -1 {
		t.Error("Find of a colliding absent name must be -1")
	}
}

func TestFindDoesNotAllocate(t *testing.T) {
	tab := New([]string{"has:", "is:", "lang:", "point_radius:"})
	key := []byte("lang:")
	if n := testing.AllocsPerRun(100, func() { tab.FindBytes(key); tab.Find("is:") }); n != 0 {
		t.Fatalf("lookups allocate %v times per run; they sit on the hot path of every query", n)
	}
}
