package editdist

import "testing"

func TestWithin(t *testing.T) {
	tests := []struct {
		a, b   string
		limit  int
		want   int
		wantOK bool
	}{
		{"has:medias", "has:media", 2, 1, true},
		{"media", "media", 0, 0, true},
		{"kitten", "sitting", 3, 3, true},
		{"kitten", "sitting", 2, 0, false},
		{"", "abc", 3, 3, true},
		{"abc", "", 2, 0, false},
		{"max_result", "max_results", 1, 1, true},
		{"abc", "abd", -1, 0, false},
		{"tga", "tag", 1, 1, true},
		{"has:meida", "has:media", 1, 1, true},
		{"ab", "ba", 1, 1, true},
	}
	for _, tt := range tests {
		got, ok := Within(tt.a, tt.b, tt.limit)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Within(%q, %q, %d) = %d, %v; want %d, %v", tt.a, tt.b, tt.limit, got, ok, tt.want, tt.wantOK)
		}
	}
}
