package params

import (
	"strconv"
	"unicode/utf8"

	posttext "github.com/xpreflight/xpreflight/core/post"
)

// Text fields whose limits the JSON Schemas cannot express: a post's text is
// measured by X's weighted count (core/post), a Direct Message's by its
// characters. Fields with an OpenAPI maxLength (poll options, list names
// and descriptions, bookmark folder names, …) are checked by the body
// schema already; see the table in doc.go.

// Codes of post-text findings (the same words core/post uses).
const (
	CodePostTooLong     = posttext.CodeTooLong
	CodePostLongForm    = posttext.CodeLongPost
	CodePostInvalidChar = posttext.CodeInvalidChar
	CodeDMTooLong       = "dm-too-long"
)

// dmMaxLength is the Direct Message text limit of X's v1.1 DM docs
// (message_data.text, 10,000 characters); X API v2's spec states none, and
// X answers error 354 "The text of your direct message is over the max
// character limit." (x-api-facts.md) — so it is a warning.
const dmMaxLength = 10000

// checkTexts is the hook checkBody calls after the schema checks.
func (v *validation) checkTexts(doc any) {
	obj, _ := doc.(map[string]any)
	if obj == nil || v.op.Method != "POST" {
		return
	}
	switch v.op.Path {
	case "/2/tweets":
		if text, ok := obj["text"].(string); ok && text != "" {
			v.checkPostText("#/text", text)
		}
	case "/2/dm_conversations/with/{participant_id}/messages", "/2/dm_conversations/{dm_conversation_id}/messages":
		if text, ok := obj["text"].(string); ok {
			v.checkDMText("#/text", text)
		}
	case "/2/dm_conversations":
		msg, _ := obj["message"].(map[string]any)
		if text, ok := msg["text"].(string); ok {
			v.checkDMText("#/message/text", text)
		}
	}
}

// checkPostText applies core/post's decision table to a post's text
// (new posts, replies and quote posts share the field).
func (v *validation) checkPostText(at, text string) {
	r := posttext.Check(text, posttext.Options{LongPosts: v.req.LongPosts})
	for _, d := range r.Diagnostics {
		if d.Code == posttext.CodeEmpty {
			continue // the schema and "Required unless media is provided" own this
		}
		sev := sevWarning
		if d.Severity == posttext.SeverityError {
			sev = sevError
		}
		v.add(Diagnostic{Code: d.Code, Severity: sev, Parameter: at, Value: clip(text),
			Message: d.Message + " (from UTF-16 offset " + strconv.Itoa(d.Span.Start) + ")"})
	}
}

func (v *validation) checkDMText(at, text string) {
	if n := utf8.RuneCountInString(text); n > dmMaxLength {
		v.add(Diagnostic{Code: CodeDMTooLong, Severity: sevWarning, Parameter: at, Value: clip(text),
			Message: "The Direct Message text has " + strconv.Itoa(n) + " characters; X's DM limit was " + strconv.Itoa(dmMaxLength) +
				" (v1.1 docs) and X answers \"The text of your direct message is over the max character limit.\" past it"})
	}
}

// clip keeps a long text readable in a diagnostic and a problem body.
func clip(s string) string {
	const keep = 200
	if utf8.RuneCountInString(s) <= keep {
		return s
	}
	i, n := 0, 0
	for n < keep {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n++
	}
	return s[:i] + "…"
}
