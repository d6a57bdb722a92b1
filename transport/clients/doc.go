// Package clients proves xpreflight.Transport under X's own Go clients:
// michimani/gotwi and g8rswimmer/go-twitter/v2 make their usual calls
// through it against a loopback stand-in for X, in this package's tests.
// It is its own module, so the main module never depends on the clients.
//
// Each client is shown three things (clients_test.go):
//
//	a query X rejects          refused before any network call; the client reads xpreflight's
//	                           400 (X's invalid-request problem) as its own API error
//	429, remaining > 0         X's per-second limit: retried after about a second, not the
//	                           15-minute window; the client sees only the 200
//	partial-error 200          the client gets its data; OnResult sees class partial and the
//	                           problem's slug (resource-not-found)
package clients
