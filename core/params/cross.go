package params

import (
	"strconv"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight/core/query"
)

// Time rules of the search and counts endpoints (x-api-facts.md §4.1).
var (
	// archiveStart is the earliest start_time of full-archive search, from
	// X's observed message "'start_time' must be on or after 2006-03-21T00:00Z".
	archiveStart = time.Date(2006, 3, 21, 0, 0, 0, 0, time.UTC)
)

const (
	recentWindow = 7 * 24 * time.Hour
	endTimeLag   = 10 * time.Second
	// windowGrace keeps a start_time within a minute of the 7-day edge a
	// warning: X states the bound to the minute, and clocks drift.
	windowGrace = time.Minute
	// snowflakeEpochMs turns a post ID into its creation time: ID>>22 is
	// milliseconds since this epoch. Checked against X's observed message
	// pairing 2026-06-22T16:35Z with ID 2069097036665323520.
	snowflakeEpochMs = 1288834974657
)

// crossName reports whether a time, ID-bound or rules parameter that the
// rules below read is named; requests without one skip them.
func crossName(name string) bool {
	switch name {
	case "start_time", "end_time", "since_id", "until_id", "delete_all":
		return true
	}
	return false
}

func (v *validation) checkCross() {
	v.checkAtMostOne()
	if !v.crossRelevant {
		return
	}
	v.checkIDTimeMix()
	v.checkTimeOrder()
	v.checkIDOrder()
	v.checkWindows()
	v.checkDeleteAll()
}

// checkAtMostOne applies "At most one of `a`, `b` may be provided." from
// the spec's prose. A rule in the newest spec describes the live server,
// so it is an error even though spec 2.166 is silent.
func (v *validation) checkAtMostOne() {
	for gi, g := range v.op.AtMostOne {
		if set := v.op.index.atMostOne[gi]; set != 0 {
			if (v.present & set).count() < 2 {
				continue
			}
		} else if v.countPresent(g.Names) < 2 {
			continue
		}
		var present []string
		params := map[string][]string{}
		for _, name := range g.Names {
			if val, ok := v.get(name); ok {
				present = append(present, name)
				params[name] = []string{val}
			}
		}
		d := Diagnostic{Code: CodeExclusive, Severity: sevError, Parameter: present[1], problemParams: params,
			Message: "At most one of " + quoteList(g.Names, "") + " may be provided"}
		if isIDTimePair(present) {
			d.Code = CodeIDTimeMix
			d.Message = idTimeMixMessage
		}
		v.add(d)
	}
}

func (v *validation) countPresent(names []string) int {
	n := 0
	for _, name := range names {
		if _, ok := v.get(name); ok {
			n++
		}
	}
	return n
}

// idTimeMixMessage is X's observed wording (x-api-facts.md §2).
const idTimeMixMessage = "Invalid use of 'since_id' or 'until_id' in conjunction with 'start_time' or 'end_time'."

func isIDTimePair(names []string) bool {
	id, tm := false, false
	for _, n := range names {
		id = id || n == "since_id" || n == "until_id"
		tm = tm || n == "start_time" || n == "end_time"
	}
	return id && tm
}

// checkIDTimeMix: on search, X was observed (2021–22) to reject any mix of
// an ID bound with a time bound, while spec 2.167 forbids only the pairs
// start_time+since_id and end_time+until_id. The other mixes are warnings.
func (v *validation) checkIDTimeMix() {
	if v.op.search == notSearch {
		return
	}
	for _, pair := range [][2]string{{"start_time", "until_id"}, {"end_time", "since_id"}} {
		_, a := v.get(pair[0])
		_, b := v.get(pair[1])
		if a && b && !v.reported(CodeIDTimeMix) {
			v.add(Diagnostic{Code: CodeIDTimeMix, Severity: sevWarning, Parameter: pair[1],
				Message: idTimeMixMessage + " (X rejected every such mix in 2021–22; spec 2.167 forbids only start_time with since_id and end_time with until_id)"})
		}
	}
}

func (v *validation) reported(code string) bool {
	for _, d := range v.diags {
		if d.Code == code && d.Severity == sevError {
			return true
		}
	}
	return false
}

func (v *validation) timeParam(name string) (time.Time, string, bool) {
	s, ok := v.get(name)
	if !ok {
		return time.Time{}, "", false
	}
	t, ok, _ := parseDateTime(s)
	return t, s, ok
}

// checkTimeOrder: start_time must be earlier than end_time wherever an
// operation takes both.
func (v *validation) checkTimeOrder() {
	if v.op.Param("start_time", InQuery) == nil || v.op.Param("end_time", InQuery) == nil {
		return
	}
	start, s, ok1 := v.timeParam("start_time")
	end, e, ok2 := v.timeParam("end_time")
	if ok1 && ok2 && !start.Before(end) {
		// An empty window (start == end) is what the spec's own examples
		// send, so it is only a warning; a reversed window is an error.
		// Spec 2.167 states the order for some operations only; where
		// it does not, no source records X's answer: a warning.
		sev := sevWarning
		if !start.Equal(end) && v.statesOrder("start_time", "end_time") {
			sev = sevError
		}
		v.add(Diagnostic{Code: CodeTimeOrder, Severity: sev, Parameter: "end_time", Value: e,
			problemParams: map[string][]string{"start_time": {s}, "end_time": {e}},
			Message:       "Invalid 'end_time':'" + e + "'. 'end_time' must be later than 'start_time':'" + s + "'"})
	}
}

// checkIDOrder applies "`since_id` must be less than `until_id`" where the
// spec states it.
func (v *validation) checkIDOrder() {
	for _, o := range v.op.Orders {
		if o.Low != "since_id" || o.High != "until_id" {
			continue
		}
		lo, ls, ok1 := v.idParam(o.Low)
		hi, hs, ok2 := v.idParam(o.High)
		if ok1 && ok2 && lo >= hi {
			v.add(Diagnostic{Code: CodeIDOrder, Severity: sevError, Parameter: o.High, Value: hs,
				problemParams: map[string][]string{o.Low: {ls}, o.High: {hs}},
				Message:       "Invalid '" + o.High + "':'" + hs + "'. '" + o.Low + "' must be less than '" + o.High + "'"})
		}
	}
}

// statesOrder reports whether the operation's spec prose says low must be
// earlier or less than high.
func (v *validation) statesOrder(low, high string) bool {
	for _, o := range v.op.Orders {
		if o.Low == low && o.High == high {
			return true
		}
	}
	return false
}

func (v *validation) idParam(name string) (uint64, string, bool) {
	s, ok := v.get(name)
	if !ok || !isID(s) {
		return 0, s, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return n, s, err == nil
}

func (v *validation) checkWindows() {
	if v.op.search == searchArchive {
		if start, s, ok := v.timeParam("start_time"); ok && start.Before(archiveStart) {
			v.add(Diagnostic{Code: CodeStartTooOld, Severity: sevError, Parameter: "start_time", Value: s,
				Message: "Invalid 'start_time':'" + s + "'. 'start_time' must be on or after 2006-03-21T00:00Z"})
		}
	}
	if v.req.Now.IsZero() || v.op.search == notSearch {
		return
	}
	now := v.req.Now.UTC()
	if end, e, ok := v.timeParam("end_time"); ok && end.After(now.Add(-endTimeLag)) {
		v.add(Diagnostic{Code: CodeEndTooRecent, Severity: sevError, Parameter: "end_time", Value: e,
			Message: "Invalid 'end_time':'" + e + "'. 'end_time' must be a minimum of 10 seconds prior to the request time."})
	}
	start, s, ok := v.timeParam("start_time")
	if ok && start.After(now.Add(-endTimeLag)) {
		v.add(Diagnostic{Code: CodeStartTooRecent, Severity: sevWarning, Parameter: "start_time", Value: s,
			Message: "'start_time':'" + s + "' is less than 10 seconds before the request time; X is reported to reject that (third-party report, x-api-facts.md §4.1)"})
	}
	if v.op.search != searchRecent {
		return
	}
	edge := now.Add(-recentWindow)
	if ok && start.Before(edge) {
		sev := sevWarning
		if start.Before(edge.Add(-windowGrace)) {
			sev = sevError
		}
		v.add(Diagnostic{Code: CodeStartTooOld, Severity: sev, Parameter: "start_time", Value: s,
			Message: "Invalid 'start_time':'" + s + "'. 'start_time' must be on or after " + edge.Format("2006-01-02T15:04Z")})
	}
	if v.op.endpoint == query.SearchRecent {
		v.checkStaleSinceID(edge)
	}
}

// checkStaleSinceID: recent search rejects a since_id older than its
// 7-day window, in X's observed wording.
func (v *validation) checkStaleSinceID(edge time.Time) {
	id, s, ok := v.idParam("since_id")
	if !ok {
		return
	}
	created := time.UnixMilli(int64(id>>22) + snowflakeEpochMs)
	if !created.Before(edge.Add(-windowGrace)) {
		return
	}
	minID := uint64(edge.UnixMilli()-snowflakeEpochMs) << 22
	v.add(Diagnostic{Code: CodeSinceIDTooOld, Severity: sevError, Parameter: "since_id", Value: s,
		Message: "'since_id' must be a tweet id created after " + edge.Format("2006-01-02T15:04Z") + ". Please use a 'since_id' that is larger than " + strconv.FormatUint(minID, 10)})
}

// checkDeleteAll: spec 2.166 says delete_all "should be specified with no
// other parameters" — "should", so a warning.
func (v *validation) checkDeleteAll() {
	val, ok := v.get("delete_all")
	if !ok || !strings.EqualFold(val, "true") || v.op.Param("delete_all", InQuery) == nil {
		return
	}
	for i := range v.query.len() {
		if p := v.query.at(i); p.name != "delete_all" {
			v.add(Diagnostic{Code: CodeDeleteAllAlone, Severity: sevWarning, Parameter: p.name, Value: p.value,
				Message: "delete_all should be specified with no other parameters (spec 2.166)"})
			return
		}
	}
}

// quoteList renders names as "`a`, `b`" (with "or" before the last when
// conj is "or").
func quoteList(names []string, conj string) string {
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case conj != "" && len(names) == 2:
			b.WriteString(" " + conj + " ")
		case conj != "" && i == len(names)-1:
			b.WriteString(", " + conj + " ")
		default:
			b.WriteString(", ")
		}
		b.WriteString("`" + n + "`")
	}
	return b.String()
}
