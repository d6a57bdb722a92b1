package post

import "unicode/utf8"

// asciiLabelLength is the length of a host label's ASCII form as
// twitter-text computes it (punycode.js toASCII, RFC 3492): the label is
// split further at the ideographic and full-width full stops, and each part
// with a character outside printable ASCII becomes "xn--" and its punycode
// encoding. It stops counting past maxLabelLength (the answer is then only
// known to be too long).
func asciiLabelLength(label string) int {
	total, start := 0, 0
	for i, r := range label {
		if r == '.' || r == 0x3002 || r == 0xFF0E || r == 0xFF61 {
			total += punycodeLength(label[start:i]) + 1
			start = i + utf8.RuneLen(r)
			if total > maxLabelLength {
				return total
			}
		}
	}
	return total + punycodeLength(label[start:])
}

// punycodeLength: the length of part in its ASCII form (itself when all its
// characters are printable ASCII).
func punycodeLength(part string) int {
	ascii := true
	for i := 0; i < len(part); i++ {
		if part[i] < 0x20 || part[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		return len(part)
	}
	return 4 + punycodeEncodedLength(part)
}

// RFC 3492 parameters.
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
)

// punycodeEncodedLength counts the characters RFC 3492's encoder would
// write for s, stopping once the count passes maxLabelLength.
func punycodeEncodedLength(s string) int {
	total, basic := 0, 0
	for _, r := range s {
		total++
		if r < 0x80 {
			basic++
		}
	}
	out := basic
	if basic > 0 {
		out++
	}
	n, delta, bias := rune(pcInitialN), 0, pcInitialBias
	for h := basic; h < total; {
		if out > maxLabelLength {
			return out
		}
		m := rune(utf8.MaxRune + 1)
		for _, r := range s {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range s {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := pcBase; ; k += pcBase {
				t := k - bias
				if t < pcTMin {
					t = pcTMin
				} else if t > pcTMax {
					t = pcTMax
				}
				if q < t {
					break
				}
				out++
				q = (q - t) / (pcBase - t)
			}
			out++
			bias = punycodeAdapt(delta, h+1, h == basic)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return out
}

func punycodeAdapt(delta, points int, first bool) int {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / points
	k := 0
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}

// utf16Len is the length of s in UTF-16 code units (what JavaScript's
// String.length and every span of the wire contract count).
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if j := asciiEnd(s, i, len(s)); j > i {
			n += j - i
			i = j
			continue
		}
		r, w := decode(s, i)
		n++
		if r >= 0x10000 {
			n++
		}
		i += w
	}
	return n
}
