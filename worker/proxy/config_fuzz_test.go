package proxy

import (
	"errors"
	"strings"
	"testing"
)

// FuzzConfigCheck: any settings either check or fail with a ConfigError whose
// message is bounded, names only known settings and never shows a secret.
func FuzzConfigCheck(f *testing.F) {
	f.Add("https://api.x.com", "30000", "https://app.example", "k3y-0123456789abcdef", "TOKEN", "enterprise")
	f.Add("http://[::1]:80", "1000", "*", "short", "Bearer x", "gold")
	f.Add("http://127.0.0.1.", "-1", "https://a:0", "k e y", "t\n", "")
	f.Fuzz(func(t *testing.T, origin, timeout, origins, key, token, tier string) {
		s, err := Config{APIOrigin: origin, TimeoutMs: timeout, AllowedOrigins: origins, Key: key, Token: token, Tier: tier}.Check()
		if err == nil {
			if s == nil || !strings.HasPrefix(s.APIOrigin, "http") || s.TimeoutMs < MinTimeoutMs || s.TimeoutMs > MaxTimeoutMs {
				t.Fatalf("accepted settings out of range: %+v", s)
			}
			return
		}
		var ce ConfigError
		if !errors.As(err, &ce) || len(ce) == 0 {
			t.Fatalf("error %v is not a non-empty ConfigError", err)
		}
		for _, e := range ce {
			if len(e.Error()) > 400 {
				t.Errorf("message of %d bytes for %s", len(e.Error()), e.Setting)
			}
		}
		// A secret's message must not depend on its letters: the same secret
		// with some letters and digits swapped gets the very same message.
		_, err2 := Config{APIOrigin: origin, TimeoutMs: timeout, AllowedOrigins: origins, Key: swap(key), Token: swap(token), Tier: tier}.Check()
		if err2 == nil || err2.Error() != err.Error() {
			t.Errorf("messages differ when only the secrets' letters change:\n%v\n%v", err, err2)
		}
	})
}

// swap exchanges k↔q, K↔Q, z↔x and 2↔3: letters that spell no word the
// messages use and keep every byte's class (visible ASCII, length).
var swap = strings.NewReplacer("k", "q", "q", "k", "K", "Q", "Q", "K", "z", "x", "x", "z", "2", "3", "3", "2").Replace
