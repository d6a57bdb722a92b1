package xpreflight

import "net/http"

// flatten gives core/ the headers as it takes them: one value per name (the
// first; X sends each rate-limit header once).
func flatten(h http.Header) map[string]string {
	m := make(map[string]string, len(h))
	for k, v := range h {
		if len(v) > 0 {
			m[k] = v[0]
		}
	}
	return m
}
