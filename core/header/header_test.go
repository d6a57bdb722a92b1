package header

import "testing"

func TestGet(t *testing.T) {
	for _, tc := range []struct {
		name    string
		headers map[string]string
		lookup  string
		want    string
		wantOK  bool
	}{
		{"exact", map[string]string{"date": "d"}, "date", "d", true},
		{"other case", map[string]string{"Content-Type": "application/json"}, "content-type", "application/json", true},
		{"lookup in upper case", map[string]string{"x-rate-limit-reset": "1"}, "X-RATE-LIMIT-RESET", "1", true},
		{"two spellings: the one sorting first", map[string]string{"x-rate-limit-reset": "1", "X-Rate-Limit-Reset": "2"}, "x-rate-limit-reset", "2", true},
		{"three spellings", map[string]string{"date": "c", "DATE": "a", "Date": "b"}, "Date", "a", true},
		{"empty value is present", map[string]string{"origin": ""}, "origin", "", true},
		{"absent", map[string]string{"date": "d"}, "retry-after", "", false},
		{"nil map", nil, "date", "", false},
		{"prefix is not a match", map[string]string{"x-rate-limit": "1"}, "x-rate-limit-reset", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 20 { // map order varies between iterations
				got, ok := Get(tc.headers, tc.lookup)
				if got != tc.want || ok != tc.wantOK {
					t.Fatalf("Get(%v, %q) = %q, %v; want %q, %v", tc.headers, tc.lookup, got, ok, tc.want, tc.wantOK)
				}
			}
		})
	}
}
