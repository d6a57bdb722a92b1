package proxy

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/params"
)

func TestNewGateTier(t *testing.T) {
	tests := []struct {
		tier, want, inErr string
	}{
		{"", "pay-per-use", ""},
		{"pay-per-use", "pay-per-use", ""},
		{"free", "free", ""},
		{"basic", "basic", ""},
		{"pro", "pro", ""},
		{"enterprise", "enterprise", ""},
		{"Enterprise", "", `X_API_TIER "Enterprise" is not an access level`},
		{"elevated", "", "use one of pay-per-use, free, basic, pro, enterprise"},
		{"enterprise ", "", "X_API_TIER"},
	}
	for _, tt := range tests {
		g, err := NewGate(Config{Tier: tt.tier})
		switch {
		case tt.inErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.inErr) {
				t.Errorf("NewGate(tier %q) err = %v, want one containing %q", tt.tier, err, tt.inErr)
			}
		case err != nil:
			t.Errorf("NewGate(tier %q): %v", tt.tier, err)
		case string(g.Tier()) != tt.want:
			t.Errorf("NewGate(tier %q).Tier() = %q, want %q", tt.tier, g.Tier(), tt.want)
		}
	}
}

func search(q string) string { return "/2/tweets/search/recent?query=" + url.QueryEscape(q) }

// TestDecideNeverBlocksWhatXMayAccept: the cases of issue 12, end to end
// through Decide.
func TestDecideNeverBlocksWhatXMayAccept(t *testing.T) {
	long := strings.Repeat("cat ", 149) + "cat" // 599 characters
	tests := []struct {
		name, tier string
		in         Inbound
		forward    bool
		status     int
		validator  string
		warnings   string
	}{
		{"advanced operator on the default level", "", Inbound{Method: "GET", Target: search("place_country:US cat")},
			true, 0, ValidatorValid, "operator-tier-unclear"},
		{"599 characters on enterprise", "enterprise", Inbound{Method: "GET", Target: search(long)},
			true, 0, ValidatorValid, ""},
		{"599 characters on pay-per-use is X's documented limit", "", Inbound{Method: "GET", Target: search(long)},
			false, 400, ValidatorInvalid, ""},
		{"599 characters, enterprise by header", "", Inbound{Method: "GET", Target: search(long), Headers: Headers{"x-preflight-tier": "enterprise"}},
			true, 0, ValidatorValid, ""},
		{"the header only picks a level: pay-per-use's limit still holds", "enterprise", Inbound{Method: "GET", Target: search(long), Headers: Headers{"x-preflight-tier": "pay-per-use"}},
			false, 400, ValidatorInvalid, ""},
		{"an unknown header level is ignored, with a warning", "enterprise", Inbound{Method: "GET", Target: search(long), Headers: Headers{"x-preflight-tier": "platinum"}},
			true, 0, ValidatorValid, "unknown-tier-header"},
		{"unknown route", "", Inbound{Method: "GET", Target: "/2/powertrack/rules?x=1"},
			true, 0, ValidatorUnknownRoute, "unknown-route"},
		{"unknown method", "", Inbound{Method: "PATCH", Target: "/2/tweets/20"},
			true, 0, ValidatorUnknownRoute, "method-not-allowed"},
		{"empty optional list", "", Inbound{Method: "GET", Target: "/2/tweets?ids=20&expansions="},
			true, 0, ValidatorValid, "empty-parameter"},
		{"mixed rules batch answered as X does", "", Inbound{Method: "POST", Target: "/2/tweets/search/stream/rules",
			Headers: Headers{"content-type": "application/json"}, Body: `{"add":[{"value":"cat"},{"value":"-dog"}]}`},
			false, 200, ValidatorInvalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := NewGate(Config{Tier: tt.tier})
			if err != nil {
				t.Fatal(err)
			}
			tt.in.Now = 1_764_860_400_000
			d := g.Decide(tt.in)
			if d.Forward != tt.forward || d.Status != tt.status || d.Validator != tt.validator || d.Warnings != tt.warnings {
				t.Errorf("Decide = forward %v status %d validator %q warnings %q; want %v %d %q %q (%s)",
					d.Forward, d.Status, d.Validator, d.Warnings, tt.forward, tt.status, tt.validator, tt.warnings, d.Problem)
			}
		})
	}
}

func TestDecideRulesAnswerBody(t *testing.T) {
	g, _ := NewGate(Config{})
	d := g.Decide(Inbound{Method: "POST", Target: "/2/tweets/search/stream/rules?dry_run=true", Now: 1_764_860_400_000,
		Headers: Headers{"content-type": "application/json"}, Body: `{"add":[{"value":"cat has:images"},{"value":"has:media"}]}`})
	var body params.RulesBody
	if err := json.Unmarshal(d.Problem, &body); err != nil {
		t.Fatal(err)
	}
	want := params.RulesSummary{Created: 0, NotCreated: 2, Valid: 1, Invalid: 1}
	if d.Status != 200 || body.Meta.Summary != want || len(body.Errors) != 1 || body.Errors[0].Value != "has:media" ||
		body.Errors[0].Type != params.RuleErrorType || body.Meta.Sent != "2025-12-04T15:00:00.000Z" {
		t.Errorf("status %d body %s", d.Status, d.Problem)
	}
}
