package xpreflight

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"
)

type callerKey struct{}

// TestAnswerContext: the answer's Request carries the Result, and its
// context is the caller's in every other respect: values, deadline,
// cancellation and its cause, also through a context derived from it.
func TestAnswerContext(t *testing.T) {
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte(okBody))),
			ContentLength: int64(len(okBody)), Request: r}, nil
	})
	tr, err := New(base)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Hour)
	timed, stopTimer := context.WithDeadline(context.WithValue(context.Background(), callerKey{}, "mine"), deadline)
	defer stopTimer()
	parent, cancel := context.WithCancelCause(timed)
	req, _ := http.NewRequestWithContext(parent, "GET", "https://api.x.com"+searchPath, nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	ctx := resp.Request.Context()
	if ResultOf(resp) == nil || ResultOf(resp).Attempts != 1 {
		t.Fatalf("ResultOf = %+v", ResultOf(resp))
	}
	if v := ctx.Value(callerKey{}); v != "mine" {
		t.Fatalf("the caller's value: %v", v)
	}
	if d, ok := ctx.Deadline(); !ok || !d.Equal(deadline) {
		t.Fatalf("deadline %v %v", d, ok)
	}
	if ctx.Done() != parent.Done() || ctx.Err() != nil {
		t.Fatal("Done or Err is not the caller's")
	}
	child, stop := context.WithCancel(ctx)
	defer stop()
	cause := errors.New("the caller gave up")
	cancel(cause)
	select {
	case <-child.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a context derived from the answer's was not cancelled with the caller's")
	}
	if ctx.Err() != context.Canceled || child.Err() != context.Canceled || context.Cause(ctx) != cause || context.Cause(child) != cause {
		t.Fatalf("Err %v, child %v, causes %v, %v", ctx.Err(), child.Err(), context.Cause(ctx), context.Cause(child))
	}
}

// TestAnswerBodyMethods: the body handed on has the methods
// io.NopCloser(bytes.NewReader(b)) has, and no others a reader of it could
// take up (io.Copy uses WriteTo; no Seek or ReadAt appear).
func TestAnswerBodyMethods(t *testing.T) {
	var ours io.ReadCloser = &answerBody{}
	nop := io.NopCloser(bytes.NewReader(nil))
	for _, iface := range []reflect.Type{
		reflect.TypeFor[io.WriterTo](), reflect.TypeFor[io.Seeker](), reflect.TypeFor[io.ReaderAt](),
		reflect.TypeFor[io.ByteReader](), reflect.TypeFor[io.RuneReader](), reflect.TypeFor[interface{ Len() int }](),
	} {
		if got, want := reflect.TypeOf(ours).Implements(iface), reflect.TypeOf(nop).Implements(iface); got != want {
			t.Errorf("implements %v: %v, io.NopCloser's body %v", iface, got, want)
		}
	}
}
