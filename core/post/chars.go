package post

// Character classes of twitter-text's extraction rules (its regular
// expressions in the JS, Java, Ruby and ObjC libraries agree on them; the
// conformance suite in ../shared/ref/twitter-text pins their behaviour).

// isSpace: twitter-text's Unicode white space set.
func isSpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0D, r == 0x20, r == 0x85, r == 0xA0, r == 0x1680, r == 0x180E,
		r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// isJSSpace: what JavaScript's \s matches (cashtags end at one).
func isJSSpace(r rune) bool {
	return isSpace(r) && r != 0x85 && r != 0x180E || r == 0xFEFF
}

// isInvalidChar: code points X refuses in a post.
func isInvalidChar(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

// isDirectional: bidirectional marks and isolates, allowed before a URL.
func isDirectional(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x2066 && r <= 0x2069
}

// isASCIIPunct: the ASCII punctuation twitter-text excludes from domain
// labels. Its set lists the apostrophe twice and omits '"' and '`'; those two
// are therefore label characters, as in every twitter-text library.
func isASCIIPunct(r rune) bool {
	switch r {
	case '!', '\'', '#', '%', '&', '(', ')', '*', '+', ',', '\\', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@', '[', ']', '^', '_', '{', '|', '}', '~', '$':
		return true
	}
	return false
}

// isDomainChar: a character a domain label may be made of.
func isDomainChar(r rune) bool {
	if r < 0x80 {
		return !isASCIIPunct(r) && !isSpace(r)
	}
	return !isSpace(r) && !isInvalidChar(r) && !isDirectional(r)
}

// isLatinAccent: the accented Latin letters twitter-text treats like ASCII
// letters in URLs and after mentions.
func isLatinAccent(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x24F,
		r == 0x253, r == 0x254, r == 0x256, r == 0x257, r == 0x259, r == 0x25B, r == 0x263, r == 0x268,
		r == 0x26F, r == 0x272, r == 0x289, r == 0x28B, r == 0x2BB, r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	return false
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
