package params

import (
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// RulesBody is X's answer to a filtered-stream rules POST whose rule values
// it rejects: HTTP 200 with meta.summary and one invalid-rules item per
// rejected rule, never an invalid-request problem (x-api-facts.md §2.2,
// "rule add: invalid"; §3.6). Fields are in the order X sends them.
//
// X treats an add batch as all or nothing: the summary has a "valid" count
// beside "created" because valid rules of a failing batch are not created
// (recorded bodies carry created 0 with every rejection; the x-streams gem
// documents "The API may add none of the rules it is given alongside one it
// rejects"). So the answer is complete without asking X: created is 0 and
// every rule of the batch is not_created. With ?dry_run=true nothing is
// created either way, so the same answer holds.
type RulesBody struct {
	Meta   RulesMeta   `json:"meta"`
	Errors []RuleError `json:"errors"`
}

// RulesMeta is the rules answer's meta; Sent is omitted without a clock.
type RulesMeta struct {
	Sent    string       `json:"sent,omitempty"`
	Summary RulesSummary `json:"summary"`
}

// RulesSummary counts the batch as X does.
type RulesSummary struct {
	Created    int `json:"created"`
	NotCreated int `json:"not_created"`
	Valid      int `json:"valid"`
	Invalid    int `json:"invalid"`
}

// RuleError is one rejected rule: its value and X's messages for it.
type RuleError struct {
	Value   string   `json:"value"`
	Details []string `json:"details"`
	Title   string   `json:"title"`
	Type    string   `json:"type"`
}

// The invalid-rules item's fixed fields, as recorded (spec 2.166's URI;
// spec 2.167 has no invalid-rules type).
const (
	RuleErrorTitle = "UnprocessableEntity"
	RuleErrorType  = "https://api.twitter.com/2/problems/invalid-rules"
	// RulesStatus is the status X answers a batch with rejected rules with.
	RulesStatus = 200
)

// rulesAnswer returns X's rules answer when the only errors are rule
// values the query linter rejects, or nil (then X answers invalid-request).
func (v *validation) rulesAnswer() *RulesBody {
	if v.op == nil || v.rules == 0 {
		return nil
	}
	var errs []RuleError
	for _, d := range v.diags {
		if d.Severity != sevError {
			continue
		}
		if d.Code != CodeInvalidRule {
			return nil
		}
		errs = append(errs, RuleError{Value: d.Value, Details: ruleDetails(d.Query), Title: RuleErrorTitle, Type: RuleErrorType})
	}
	if len(errs) == 0 {
		return nil
	}
	b := &RulesBody{Errors: errs, Meta: RulesMeta{Summary: RulesSummary{
		NotCreated: v.rules, Valid: v.rules - len(errs), Invalid: len(errs)}}}
	if !v.req.Now.IsZero() {
		b.Meta.Sent = v.req.Now.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	return b
}

// ruleDetails is X's details[] for one rule: each error finding, with the
// position X appends ("… (at position 1)").
func ruleDetails(diags []query.Diagnostic) []string {
	out := []string{}
	for _, d := range diags {
		if d.Severity == query.SeverityError {
			out = append(out, positioned(d))
		}
	}
	return out
}

// positioned is a finding's message with X's 1-based "(at position N)".
func positioned(d query.Diagnostic) string {
	if strings.Contains(d.Message, "(at position") {
		return d.Message
	}
	return d.Message + " (at position " + strconv.Itoa(d.Span.Start+1) + ")"
}
