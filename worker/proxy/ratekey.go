package proxy

import (
	"crypto/sha256"
	"encoding/hex"
)

// RateKey names one rate-limit budget: X counts per credential and endpoint.
// Only the hash leaves this function, so the Durable Object (and its storage)
// never holds a credential in clear.
func RateKey(credential, route string) string {
	h := sha256.New()
	h.Write([]byte(credential))
	h.Write([]byte{0}) // a separator no header value contains
	h.Write([]byte(route))
	return hex.EncodeToString(h.Sum(nil))
}
