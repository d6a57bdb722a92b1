package wire

import "github.com/xpreflight/xpreflight/core/post"

// validatePost is in every build, the query-only one too: core/post is
// plain code and static tables (no init work), and a post's counter is as
// live as the query linter.
func init() { ops["validatePost"] = validatePost }

type validatePostInput struct {
	Text      *string `json:"text"`
	Config    string  `json:"config"`
	LongPosts *bool   `json:"longPosts"`
}

// PostResult is validatePost's answer. Ranges and spans are half-open in
// UTF-16 code units; Diagnostic also carries byteSpan (UTF-8).
type PostResult struct {
	Valid          bool             `json:"valid"`
	WeightedLength int              `json:"weightedLength"`
	MaxLength      int              `json:"maxLength"`
	Permillage     int              `json:"permillage"`
	ValidRange     post.Span        `json:"validRange"`
	DisplayRange   post.Span        `json:"displayRange"`
	Config         string           `json:"config"`
	Entities       PostEntities     `json:"entities"`
	Diagnostics    []PostDiagnostic `json:"diagnostics"`
}

// PostEntities groups a post's entities by kind, each in text order.
type PostEntities struct {
	URLs     []PostURL     `json:"urls"`
	Mentions []PostMention `json:"mentions"`
	Hashtags []PostTag     `json:"hashtags"`
	Cashtags []PostTag     `json:"cashtags"`
}

type PostURL struct {
	URL  string    `json:"url"`
	Span post.Span `json:"span"`
}

type PostMention struct {
	Username string    `json:"username"`
	ListSlug string    `json:"listSlug,omitempty"`
	Span     post.Span `json:"span"`
}

type PostTag struct {
	Tag  string    `json:"tag"`
	Span post.Span `json:"span"`
}

// PostDiagnostic has the contract's Diagnostic shape.
type PostDiagnostic struct {
	Code     string    `json:"code"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	Span     post.Span `json:"span"`
	ByteSpan post.Span `json:"byteSpan"`
}

func validatePost(request []byte) (any, error) {
	var in validatePostInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	if in.Text == nil {
		return nil, badInput(`missing field "text"`)
	}
	cfg, ok := post.ConfigByName(in.Config)
	if !ok {
		return nil, badInput(`field "config": unknown config %q; expected "v2" or "v3"`, in.Config)
	}
	opts := post.Options{Config: cfg}
	if in.LongPosts != nil {
		opts.LongPosts = post.LongPostsDenied
		if *in.LongPosts {
			opts.LongPosts = post.LongPostsAllowed
		}
	}
	return postResult(post.Check(*in.Text, opts), cfg), nil
}

func postResult(r post.Report, cfg post.Config) PostResult {
	out := PostResult{
		Valid: r.Valid, WeightedLength: r.WeightedLength, MaxLength: r.MaxLength, Permillage: r.Permillage,
		ValidRange: r.ValidRange, DisplayRange: r.DisplayRange, Config: "v3",
		Entities:    PostEntities{URLs: []PostURL{}, Mentions: []PostMention{}, Hashtags: []PostTag{}, Cashtags: []PostTag{}},
		Diagnostics: make([]PostDiagnostic, 0, len(r.Diagnostics)),
	}
	if cfg.Version == 2 {
		out.Config = "v2"
	}
	for _, e := range r.Entities {
		switch e.Kind {
		case post.KindURL:
			out.Entities.URLs = append(out.Entities.URLs, PostURL{URL: e.Text, Span: e.Span})
		case post.KindMention:
			out.Entities.Mentions = append(out.Entities.Mentions, PostMention{Username: e.Text, ListSlug: e.ListSlug, Span: e.Span})
		case post.KindHashtag:
			out.Entities.Hashtags = append(out.Entities.Hashtags, PostTag{Tag: e.Text, Span: e.Span})
		case post.KindCashtag:
			out.Entities.Cashtags = append(out.Entities.Cashtags, PostTag{Tag: e.Text, Span: e.Span})
		}
	}
	for _, d := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, PostDiagnostic{Code: d.Code, Severity: d.Severity, Message: d.Message, Span: d.Span, ByteSpan: d.ByteSpan})
	}
	return out
}
