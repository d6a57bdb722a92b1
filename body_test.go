package xpreflight

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestReadBody: bounded reads, whatever the declared length says.
func TestReadBody(t *testing.T) {
	const max = 16
	tests := []struct {
		name     string
		body     string
		length   int64
		wantBuf  string
		wantRest bool
		wantErr  bool
	}{
		{"known length", "0123456789", 10, "0123456789", false, false},
		{"unknown length", "0123456789", -1, "0123456789", false, false},
		{"length 0 means unknown for requests", "0123", 0, "0123", false, false},
		{"declared short: the rest is read too", "0123456789", 4, "0123456789", false, false},
		{"over the bound", strings.Repeat("x", 20), -1, strings.Repeat("x", 17), true, false},
		{"declared short and over the bound", strings.Repeat("x", 40), 4, strings.Repeat("x", 17), true, false},
		{"declared long: broke off", "0123", 10, "", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf, rest, err := readBody(io.NopCloser(strings.NewReader(tc.body)), tc.length, max)
			if (err != nil) != tc.wantErr || string(buf) != tc.wantBuf || (rest != nil) != tc.wantRest {
				t.Fatalf("buf %q rest %v err %v", buf, rest != nil, err)
			}
			if rest != nil { // what was read plus the rest is the whole body
				more, _ := io.ReadAll(rest)
				if !bytes.Equal(append(buf, more...), []byte(tc.body)) {
					t.Fatal("bytes lost")
				}
			}
		})
	}
}
