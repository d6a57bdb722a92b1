package xpreflight

import "github.com/xpreflight/xpreflight/core/apierr"

// BodyUnread is why an answer was classed by its status alone
// (Result.StatusOnly): its body was not read (longer than the bound), or
// could not be read as the JSON X sends. The rule and its reasons live in
// core/apierr (apierr.DecodeBody), which the Worker uses too; this is its
// name here.
type BodyUnread = apierr.BodyUnread

// The reasons, as apierr names them.
const (
	BodyTooLong       = apierr.BodyTooLong
	BodyUnknownCoding = apierr.BodyUnknownCoding
	BodyBadCoding     = apierr.BodyBadCoding
)

// Go's http.Transport decodes only the gzip it asked for itself: when the
// caller sets Accept-Encoding, the answer comes back as X coded it, with its
// Content-Encoding header. The Transport classes a copy decoded by
// apierr.DecodeBody; the caller still gets the coded bytes.
