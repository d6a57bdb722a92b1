//go:build js && wasm

package main

import (
	"net/http"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"
)

func main() {
	origin := cloudflare.Getenv("X_API_ORIGIN")
	if origin == "" || origin == "undefined" {
		origin = "https://api.x.com"
	}
	// syumai's fetch client is the base: Transport judges, classes and
	// retries; workerd's fetch() sends.
	base := fetch.NewClient().HTTPClient(fetch.RedirectModeManual).Transport
	var h http.Handler
	p, err := newProxy(origin, base)
	if err != nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			problem(w, http.StatusInternalServerError, "Internal Server Error", err.Error())
		})
	} else {
		h = p
	}
	workers.Serve(h)
}
