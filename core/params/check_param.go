package params

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xpreflight/xpreflight/core/query"
)

const (
	sevError   = query.SeverityError
	sevWarning = query.SeverityWarning
)

// verdict turns the spec versions that reject a value into a severity: an
// error when every version declaring the parameter rejects it, a warning
// when only some do (the specs disagree, and X may accept it).
func verdict(p *Param, rejecting Version) (query.Severity, string) {
	if rejecting&p.Versions == p.Versions {
		return sevError, ""
	}
	return sevWarning, " (only spec " + (rejecting & p.Versions).String() + " states this; spec " + (p.Versions &^ rejecting).String() + " does not)"
}

// paramChecker checks one value of one parameter and collects findings.
// Constraints are read through pointers, never copied (faster in
// BenchmarkValidate; the reason is in this comment's commit message).
type paramChecker struct {
	p     *Param
	value string
	diags []Diagnostic
	// dialects seen, for the mixed-vocabulary warning
	sawTweet, sawPost string
}

func (c *paramChecker) add(code string, rejecting Version, item, msg, hint string) {
	sev, suffix := verdict(c.p, rejecting)
	c.diags = append(c.diags, Diagnostic{Code: code, Severity: sev, Message: msg + suffix,
		Parameter: c.p.Name, Value: item, Hint: hint})
}

// label is how X names a parameter in messages: "The `id` path parameter".
func (c *paramChecker) label() string {
	return "The `" + c.p.Name + "` " + c.p.In.String() + " parameter"
}

func (c *paramChecker) check() {
	switch c.p.Kind {
	case KindList:
		c.checkList()
	case KindInteger:
		c.checkInteger()
	case KindBoolean:
		if !strings.EqualFold(c.value, "true") && !strings.EqualFold(c.value, "false") {
			c.add(CodeNotBoolean, c.p.Versions, c.value, c.label()+" value ["+c.value+"] is not one of [true,false]", "")
		}
	case KindDateTime:
		c.checkDateTime()
	default:
		c.checkString(c.value)
	}
}

func (c *paramChecker) checkInteger() {
	n, err := parseInt(c.value)
	if err != nil {
		c.add(CodeNotInteger, c.p.Versions, c.value, c.label()+" value ["+c.value+"] is not a valid integer", "")
		return
	}
	var rejecting Version
	var lo, hi *Constraint
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		switch {
		case k.Op == Minimum && n < k.N, k.Op == Maximum && n > k.N:
			rejecting |= k.Versions
		}
		if k.Op == Minimum && (lo == nil || n < k.N) {
			lo = k
		}
		if k.Op == Maximum && (hi == nil || n > k.N) {
			hi = k
		}
	}
	if rejecting == 0 {
		return
	}
	v := strconv.FormatInt(n, 10)
	var msg string
	switch {
	case lo != nil && hi != nil:
		msg = c.label() + " value [" + v + "] is not between " + strconv.FormatInt(lo.N, 10) + " and " + strconv.FormatInt(hi.N, 10)
	case lo != nil:
		msg = c.label() + " value [" + v + "] is less than the minimum " + strconv.FormatInt(lo.N, 10)
	default:
		msg = c.label() + " value [" + v + "] is greater than the maximum " + strconv.FormatInt(hi.N, 10)
	}
	c.add(CodeOutOfRange, rejecting, c.value, msg, "")
}

// parseInt is strconv.ParseInt(s, 10, 64), with the usual page size or
// ID of up to 18 plain digits (which cannot overflow) read directly.
func parseInt(s string) (int64, error) {
	if len(s) == 0 || len(s) > 18 {
		return strconv.ParseInt(s, 10, 64)
	}
	var n int64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return strconv.ParseInt(s, 10, 64)
		}
		n = n*10 + int64(d)
	}
	return n, nil
}

// dateTimeLayouts are accepted with a warning: X documents
// YYYY-MM-DDTHH:mm:ssZ (RFC 3339), and an observed message echoes
// minute precision ("2006-01-01T00:00Z").
var dateTimeLayouts = []string{"2006-01-02T15:04Z07:00", "2006-01-02T15:04"}

func parseDateTime(s string) (time.Time, bool, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true, true
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, false
		}
	}
	return time.Time{}, false, false
}

func (c *paramChecker) checkDateTime() {
	t, ok, strict := parseDateTime(c.value)
	if !ok {
		c.add(CodeBadDateTime, c.p.Versions, c.value, "Invalid '"+c.p.Name+"':'"+c.value+"'. '"+c.p.Name+"' must be a date-time in the form YYYY-MM-DDTHH:mm:ssZ (RFC 3339)", "")
		return
	}
	if !strict {
		c.diags = append(c.diags, Diagnostic{Code: CodeBadDateTime, Severity: sevWarning, Parameter: c.p.Name, Value: c.value,
			Message: "'" + c.p.Name + "':'" + c.value + "' is not RFC 3339; X documents YYYY-MM-DDTHH:mm:ssZ"})
	}
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		if k.Op != NotBefore {
			continue
		}
		bound, err := time.Parse(time.RFC3339, k.Pattern)
		if err == nil && t.Before(bound) {
			c.add(CodeTooEarly, k.Versions, c.value, "Invalid '"+c.p.Name+"':'"+c.value+"'. '"+c.p.Name+"' must be on or after "+bound.Format("2006-01-02T15:04Z"), "")
		}
	}
}

func (c *paramChecker) checkString(v string) {
	if len(c.p.Enum) > 0 {
		c.checkEnum(v)
	}
	var rejecting Version
	var msg string
	n := -1
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		switch k.Op {
		case MinLength, MaxLength:
			if c.p.Name == "query" && k.Op == MaxLength {
				continue // the query linter applies the tier's limit
			}
			if lengthWithin(k, v) {
				continue // decided by the byte length, without counting characters
			}
			if n < 0 {
				n = utf8.RuneCountInString(v)
			}
			if (k.Op == MinLength && int64(n) < k.N) || (k.Op == MaxLength && int64(n) > k.N) {
				rejecting |= k.Versions
				msg = c.label() + " value [" + v + "] is not between " + strconv.FormatInt(c.bound(MinLength, 0), 10) + " and " + strconv.FormatInt(c.bound(MaxLength, -1), 10) + " characters long"
				if c.bound(MaxLength, -1) < 0 {
					msg = c.label() + " value [" + v + "] is shorter than " + strconv.FormatInt(k.N, 10) + " characters"
				}
			}
		case Pattern:
			if !matchPattern(k.Pattern, v) {
				c.add(CodePatternMismatch, k.Versions, v, c.label()+" value ["+v+"] does not match "+k.Pattern, "")
			}
		}
	}
	if rejecting != 0 {
		c.add(CodeBadLength, rejecting, v, msg, "")
	}
}

// lengthWithin reports whether v's byte length alone shows that it meets
// the length constraint k: a value has at most one character per byte,
// and at least one per four (an invalid byte counts as one character).
func lengthWithin(k *Constraint, v string) bool {
	if k.Op == MaxLength {
		return int64(len(v)) <= k.N
	}
	return int64(len(v)) >= 4*k.N
}

func (c *paramChecker) bound(op ConstraintOp, def int64) int64 {
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		if k.Op == op {
			return k.N
		}
	}
	return def
}

// checkEnum looks item up in the merged enumeration. A value of either
// spec version is accepted (both vocabularies are valid); its dialect is
// noted for the mixed-vocabulary check.
func (c *paramChecker) checkEnum(item string) int {
	if i, ok := enumIndex(c.p, item); ok {
		e := &c.p.Enum[i]
		switch e.Dialect {
		case DialectTweet:
			if c.sawTweet == "" {
				c.sawTweet = item
			}
		case DialectPost:
			if c.sawPost == "" {
				c.sawPost = item
			}
		}
		return i
	}
	names := make([]string, len(c.p.Enum))
	for i, e := range c.p.Enum {
		names[i] = e.Value
	}
	hint := ""
	if s := suggest(item, names); s != "" {
		hint = "did you mean `" + s + "`?"
	}
	c.add(CodeNotInEnum, c.p.EnumVersions, item, c.label()+" value ["+item+"] is not one of ["+strings.Join(names, ",")+"]", hint)
	return -1
}

func (c *paramChecker) checkList() {
	n := -1 // items, counted only for a maxItems bound (field lists have none)
	var minItems, maxItems int64 = 0, -1
	var countVersions, uniqueVersions Version
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		switch k.Op {
		case MinItems:
			minItems = k.N
		case MaxItems:
			if n < 0 {
				n = strings.Count(c.value, ",") + 1
			}
			if int64(n) > k.N {
				countVersions |= k.Versions
			}
			maxItems = k.N
		case UniqueItems:
			uniqueVersions |= k.Versions
		}
	}
	if countVersions != 0 {
		c.add(CodeTooManyItems, countVersions, c.value, "The number of values in the `"+c.p.Name+"` query parameter list ["+strconv.Itoa(n)+"] is not between "+strconv.FormatInt(max(minItems, 1), 10)+" and "+strconv.FormatInt(maxItems, 10), "")
	}
	// Items are walked in place: this runs for every field list of every
	// request, so it does not allocate a slice of items.
	// Enum items are found by index, so duplicates of them are a bit set;
	// other items are compared with the items before them.
	var seen, reported [2]uint64
	rest := c.value
	for start := 0; ; {
		item, tail, more := strings.Cut(rest, ",")
		idx := c.checkItem(item)
		dup := false
		switch {
		case uniqueVersions == 0 || item == "":
		case idx >= 0 && idx < 128:
			w, bit := idx/64, uint64(1)<<(idx%64)
			dup = seen[w]&bit != 0 && reported[w]&bit == 0
			if dup {
				reported[w] |= bit
			}
			seen[w] |= bit
		default:
			dup = countItem(c.value[:start], item) == 1
		}
		if dup {
			c.add(CodeDuplicateItem, uniqueVersions, item, c.label()+" value ["+c.value+"] contains ["+item+"] more than once", "")
		}
		if !more {
			break
		}
		start += len(item) + 1
		rest = tail
	}
}

// checkItem checks one list item and returns its enum index, or -1.
func (c *paramChecker) checkItem(item string) int {
	if item == "" {
		// No source records X's answer to "a,,b": a warning.
		c.diags = append(c.diags, Diagnostic{Code: CodeEmptyParameter, Severity: sevWarning, Parameter: c.p.Name, Value: c.value,
			Message: c.label() + " value [" + c.value + "] contains an empty item"})
		return -1
	}
	idx := -1
	if len(c.p.Enum) > 0 {
		idx = c.checkEnum(item)
	}
	if c.p.noItemPattern {
		return idx // the usual field list: no per-item pattern to try
	}
	for i := range c.p.Constraints {
		k := &c.p.Constraints[i]
		if k.Op == ItemPattern && !matchPattern(k.Pattern, item) {
			c.add(CodePatternMismatch, k.Versions, item, c.label()+" value ["+item+"] does not match "+k.Pattern, "")
		}
	}
	return idx
}

// countItem counts the items of the comma list equal to item.
func countItem(list, item string) int {
	n := 0
	for list != "" {
		var x string
		x, list, _ = strings.Cut(list, ",")
		if x == item {
			n++
		}
	}
	return n
}
