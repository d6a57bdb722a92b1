package query

import (
	"sort"
	"strconv"
)

// Error is a syntax error found by Parse: a stable code, the byte span of
// the offending text and a message naming it.
type Error struct {
	Pos, End int // byte offsets, half-open
	Code     string
	Msg      string
	Hint     string
}

// Error formats the error with its byte offset and code.
func (e *Error) Error() string {
	return "byte " + strconv.Itoa(e.Pos) + ": " + e.Code + ": " + e.Msg
}

// ErrorList is the list of syntax errors of one query, in source order once
// sorted. Like go/scanner.ErrorList, a nil list means no error.
type ErrorList []*Error

func (l *ErrorList) add(pos, end int, code, msg, hint string) {
	*l = append(*l, &Error{Pos: pos, End: end, Code: code, Msg: msg, Hint: hint})
}

// Len, Swap and Less sort the list by position (sort.Interface).
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	if l[i].Pos != l[j].Pos {
		return l[i].Pos < l[j].Pos
	}
	return l[i].End < l[j].End
}

// Sort orders the list by position.
func (l ErrorList) Sort() {
	if len(l) > 1 { // most queries have no syntax error: skip the interface conversion
		sort.Stable(l)
	}
}

// Error describes the first error and how many follow.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return l[0].Error() + " (and " + strconv.Itoa(len(l)-1) + " more errors)"
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
