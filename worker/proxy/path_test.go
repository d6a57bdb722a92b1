package proxy

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheckTarget(t *testing.T) {
	tests := []struct {
		target  string
		wantErr string // substring of the error; "" means accepted
		pos     int
	}{
		{"/2/tweets/search/recent?query=from%3Ax%20-is%3Aretweet&max_results=10", "", 0},
		{"/2/users/by/username/XDevelopers", "", 0},
		{"/2/tweets/search/stream/rules", "", 0},
		{"/2/users/%31%32", "", 0}, // encoded unreserved characters are harmless
		{"/2/tweets?ids=1,2,3", "", 0},
		{"/2/", "empty path segment", 3},
		{"/2", "only paths under /2/", 0},
		{"/1.1/statuses", "only paths under /2/", 0},
		{"//evil.example/2/tweets", "only paths under /2/", 0},
		{"/2//evil.example/x", "empty path segment", 3},
		{"/2/tweets/../../admin", "dot segment", 10},
		{"/2/tweets/./x", "dot segment", 10},
		{"/2/tweets/%2e%2e/x", "dot segment", 10},
		{"/2/tweets/%2E%2e/x", "dot segment", 10},
		{"/2/tweets/.%2e/x", "dot segment", 10},
		{"/2/tweets/%2e/x", "dot segment", 10},
		{"/2/tweets/..;/x", "dot segment", 10}, // servers that strip ";params" see ".."
		{"/2/tweets/.;x=1/y", "dot segment", 10},
		{"/2/tweets/%2e%2e;/x", "dot segment", 10},
		{"/2/tweets/a..;/x", "", 0},
		{"/2/tweets/..a;/x", "", 0},
		{"/2/tweets/..%2fadmin", "percent-encoded '/'", 12},
		{"/2/tweets/%2F", "percent-encoded '/'", 10},
		{"/2/tweets/%5c..", "percent-encoded '\\\\'", 10},
		{"/2/tweets/%252e%252e", "percent-encoded '%'", 10},
		{"/2/tweets\\..\\admin", "byte '\\\\'", 9},
		{"/2/a%09b", "percent-encoded '\\t'", 4},
		{"/2/a\tb", "byte '\\t'", 4},
		{"/2/a%zz", "malformed percent-encoding", 4},
		{"/2/a%2", "malformed percent-encoding", 4},
		{"/2/é", "byte", 3},
		{"/2/tweets?q=a b", "byte 0x20", 13},
		{"/2/tweets?q=a#frag", "byte 0x23", 13},
		{"/2/tweets/;/x", "", 0}, // nothing before the parameter: not a dot segment
		{"/2/tweets/...", "", 0}, // three dots are a name
		{"/2/tweets/.;..", "dot segment", 10},
		{"/2/tweets/..;;", "dot segment", 10},
		{"/2/tweets/%2e%2e%2e;", "", 0},
		{"/2/tweets/x/%2E", "dot segment", 12},
		{"/2/tweets/a%3b..", "percent-encoded ';'", 11},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			path, query, err := CheckTarget(tt.target)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("CheckTarget(%q) = %v, want accepted", tt.target, err)
				}
				if got := path + map[bool]string{true: "?" + query, false: ""}[strings.Contains(tt.target, "?")]; got != tt.target {
					t.Errorf("path+query = %q, want the target unchanged", got)
				}
				return
			}
			if err == nil {
				t.Fatalf("CheckTarget(%q) accepted (path %q), want %q", tt.target, path, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q, want it to mention %q", err, tt.wantErr)
			}
			if pe := err.(*PathError); pe.Pos != tt.pos {
				t.Errorf("error at byte %d, want %d (%v)", pe.Pos, tt.pos, err)
			}
		})
	}
}

// FuzzCheckTarget: whatever is accepted stays under /2/ after any amount of
// percent-decoding and dot-segment resolution, so the forwarded URL cannot
// leave /2/ on X's host nor name another host.
func FuzzCheckTarget(f *testing.F) {
	for _, s := range []string{"/2/tweets", "/2/../x", "/2/%2e%2e/x", "//h/2/", "/2/a%2fb", "/2/a\\b", "/2/x?y=../z", "/2/%%32e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		path, _, err := CheckTarget(target)
		if err != nil {
			return
		}
		if !strings.HasPrefix(path, "/2/") {
			t.Fatalf("accepted %q outside /2/", target)
		}
		for _, decoded := range []string{path, percentDecode(path), percentDecode(percentDecode(path))} {
			for _, seg := range strings.Split(decoded, "/")[1:] {
				if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "\\?#") {
					t.Fatalf("accepted %q: decodes to %q with segment %q", target, decoded, seg)
				}
			}
		}
	})
}

// referenceCheckTarget is CheckTarget's segment check as first written,
// plainly (strings.Split, the decoded segment built): the allocation-free
// CheckTarget must give the same answer, error and position included.
func referenceCheckTarget(target string) (string, string, error) {
	path, query, _ := strings.Cut(target, "?")
	if !strings.HasPrefix(path, "/2/") {
		return CheckTarget(target) // the prefix and query checks are unchanged
	}
	for i := 0; i < len(query); i++ {
		if c := query[i]; c <= 0x20 || c == 0x7f || c == '#' {
			return CheckTarget(target)
		}
	}
	start := 1
	for _, seg := range strings.Split(path[1:], "/") {
		if seg == "" {
			return "", "", &PathError{start, "empty path segment (\"//\")"}
		}
		var decoded strings.Builder
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			switch {
			case c == '%':
				d, ok := unhex(seg, i)
				if !ok {
					return "", "", &PathError{start + i, "malformed percent-encoding"}
				}
				if !isUnreserved(d) {
					return "", "", &PathError{start + i, fmt.Sprintf("percent-encoded %q is not allowed in a path", rune(d))}
				}
				decoded.WriteByte(d)
				i += 2
			case isUnreserved(c) || strings.IndexByte("!$&'()*+,;=:@", c) >= 0:
				decoded.WriteByte(c)
			default:
				return "", "", &PathError{start + i, fmt.Sprintf("byte %q is not allowed in a path", rune(c))}
			}
		}
		if d, _, _ := strings.Cut(decoded.String(), ";"); d == "." || d == ".." {
			return "", "", &PathError{start, fmt.Sprintf("dot segment %q", seg)}
		}
		start += len(seg) + 1
	}
	return path, query, nil
}

// FuzzCheckTargetReference: CheckTarget answers as referenceCheckTarget.
func FuzzCheckTargetReference(f *testing.F) {
	for _, s := range []string{"/2/tweets", "/2/../x", "/2/%2e%2e;x/y", "/2/.;..", "/2/;", "/2/a%zz", "/2/%41%2E.", "/2/x?y=../z", "/2/%%32e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		path, query, err := CheckTarget(target)
		rpath, rquery, rerr := referenceCheckTarget(target)
		if path != rpath || query != rquery || fmt.Sprint(err) != fmt.Sprint(rerr) {
			t.Fatalf("CheckTarget(%q) = %q, %q, %v; reference %q, %q, %v", target, path, query, err, rpath, rquery, rerr)
		}
	})
}

func BenchmarkCheckTarget(b *testing.B) {
	b.Run("CheckTarget", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			CheckTarget(benchTarget)
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			referenceCheckTarget(benchTarget)
		}
	})
}

func percentDecode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			if d, ok := unhex(s, i); ok {
				b.WriteByte(d)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
