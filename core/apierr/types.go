package apierr

import (
	"sort"
	"strings"
)

// specType is one entry of a spec's Problem discriminator (spectypes_gen.go).
type specType struct {
	Version, URI, Def string
}

// Schema files of the problem types (schemas/response/).
const (
	schema166  = "response/problems-2.166.json"
	schema167  = "response/problems-2.167.json"
	schemaDocs = "response/problems-docs.json"
	envelope   = "response/envelope.json"
)

// typeSchemas maps a slug to its schema in each source, for dispatch.
type typeSchemas struct{ v166, v167, docs string }

// knownTypes holds every problem type of specs 2.166 and 2.167 (generated
// table) and of the docs (facts §2.2, "Problem types as listed in the docs").
var knownTypes = buildKnownTypes()

func buildKnownTypes() map[string]typeSchemas {
	m := map[string]typeSchemas{}
	for _, t := range specTypes {
		slug := slugOfType(t.URI)
		ts := m[slug]
		switch t.Version {
		case "2.166":
			ts.v166 = schema166 + "#/$defs/" + t.Def
		case "2.167":
			ts.v167 = schema167 + "#/$defs/" + t.Def
		}
		m[slug] = ts
	}
	for slug, def := range map[string]string{
		"rule-length":         "RuleLengthProblem",
		"rate-limit-exceeded": "RateLimitExceededProblem",
		"oauth1-permissions":  "Oauth1PermissionsProblem",
	} {
		ts := m[slug]
		ts.docs = schemaDocs + "#/$defs/" + def
		m[slug] = ts
	}
	return m
}

// KnownSlugs lists every problem slug xpreflight knows, sorted.
func KnownSlugs() []string {
	slugs := make([]string, 0, len(knownTypes))
	for s := range knownTypes {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	return slugs
}

// schemaFor picks the schema a problem object is checked against: the
// type's own schema, preferring the spec version of the URI's host
// (api.x.com → 2.167, api.twitter.com → 2.166); the base Problem for an
// unknown type; the legacy Error item for {"code":…}; ErrorItem otherwise.
func schemaFor(slug, typ string) string {
	switch {
	case strings.HasPrefix(slug, "legacy-"):
		return schema167 + "#/$defs/Error"
	case slug == "unknown" && typ == "":
		return envelope + "#/$defs/ErrorItem"
	}
	ts, ok := knownTypes[slug]
	if !ok {
		return schema166 + "#/$defs/Problem"
	}
	order := []string{ts.v166, ts.v167, ts.docs}
	if hostOfType(typ) == "api.x.com" {
		order = []string{ts.v167, ts.v166, ts.docs}
	}
	for _, s := range order {
		if s != "" {
			return s
		}
	}
	return schema166 + "#/$defs/Problem"
}

// typeClass is the class a problem type implies on its own; Unknown when
// the type leaves it to the status (about:blank, unknown types).
func typeClass(p Problem) Class {
	switch p.Slug {
	case "invalid-request", "invalid-rules", "duplicate-rules", "rule-cap", "rule-length", "noncompliant-rules":
		return InvalidRequest
	case "client-forbidden", "unsupported-authentication", "oauth1-permissions",
		"not-authorized-for-resource", "not-authorized-for-field", "field-unauthorized",
		"disallowed-resource", "resource-unavailable":
		return Forbidden
	case "resource-not-found":
		return NotFound
	case "conflict":
		return Conflict
	case "usage-capped":
		return UsageCapped
	case "rate-limit-exceeded", "legacy-88":
		return RateLimited
	case "internal-error", "operational-disconnect", "field-hydration-failure", "legacy-130", "legacy-131":
		return ServerError
	case "streaming-connection":
		return connectionIssueClass(p.String("connection_issue"))
	}
	return Unknown
}

// connectionIssueClass follows facts §2.2/§5.3: too many connections lifts
// when a connection closes; provisioning "try again in a minute"; rule
// problems need the caller to fix the rules.
func connectionIssueClass(issue string) Class {
	switch issue {
	case "TooManyConnections":
		return RateLimited
	case "ProvisioningSubscription":
		return ServerError
	case "RuleConfigurationIssue", "RulesInvalidIssue":
		return Conflict
	}
	return Unknown
}

// streamTerminal reports a type that ends a stream rather than marking one
// missing item: in a 2xx errors array without data it is the answer's
// problem, not a partial error.
func streamTerminal(slug string) bool {
	switch slug {
	case "operational-disconnect", "client-disconnected", "streaming-connection":
		return true
	}
	return false
}
