package main

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcFile derives core/post's canonical composition tables from the Unicode
// data in golang.org/x/text/unicode/norm (Unicode 15.0), so that the wasm
// build carries only what NFC needs: combining classes, full canonical
// decompositions and the primary composites (Hangul is algorithmic).
func nfcFile() ([]byte, error) {
	type cccRange struct{ lo, hi, ccc int }
	var cccs []cccRange
	type decomp struct {
		r   rune
		seq []rune
	}
	var decomps []decomp
	type pair struct{ a, b, c rune }
	var pairs []pair
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if c := int(norm.NFC.PropertiesString(s).CCC()); c != 0 {
			if n := len(cccs); n > 0 && cccs[n-1].hi == int(r)-1 && cccs[n-1].ccc == c {
				cccs[n-1].hi = int(r)
			} else {
				cccs = append(cccs, cccRange{int(r), int(r), c})
			}
		}
		if r >= 0xAC00 && r <= 0xD7A3 {
			continue // Hangul syllables decompose and compose algorithmically
		}
		d := norm.NFD.String(s)
		if d == s {
			continue
		}
		seq := []rune(d)
		decomps = append(decomps, decomp{r, seq})
		if norm.NFC.String(s) != s || len(seq) < 2 {
			continue // a singleton or a composition exclusion: never composed
		}
		first := []rune(norm.NFC.String(string(seq[:len(seq)-1])))
		if len(first) != 1 || norm.NFC.String(string(first)+string(seq[len(seq)-1])) != s {
			return nil, fmt.Errorf("nfc: U+%04X: no primary pair found", r)
		}
		pairs = append(pairs, pair{first[0], seq[len(seq)-1], r})
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	var b bytes.Buffer
	fmt.Fprintf(&b, header, "golang.org/x/text/unicode/norm (Unicode 15.0 canonical data)")
	b.WriteString("// cccRanges: code points with a non-zero canonical combining class.\nvar cccRanges = [...]cccRange{\n")
	for _, c := range cccs {
		fmt.Fprintf(&b, "\t{%#04x, %#04x, %d},\n", c.lo, c.hi, c.ccc)
	}
	b.WriteString("}\n\n// decompKeys are the code points with a canonical decomposition (Hangul\n// syllables aside), sorted; decompIndex[i]..decompIndex[i+1] is its full\n// decomposition in decompRunes.\nvar decompKeys = [...]uint32{\n")
	var pool []rune
	idx := []int{0}
	for i, d := range decomps {
		fmt.Fprintf(&b, "%#x,", d.r)
		if i%8 == 7 {
			b.WriteString("\n")
		}
		pool = append(pool, d.seq...)
		idx = append(idx, len(pool))
	}
	b.WriteString("}\n\nvar decompIndex = [...]uint16{\n")
	for i, x := range idx {
		fmt.Fprintf(&b, "%d,", x)
		if i%16 == 15 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\nvar decompRunes = [...]uint32{\n")
	for i, x := range pool {
		fmt.Fprintf(&b, "%#x,", x)
		if i%8 == 7 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\n// composePairs: first<<32 | second of every primary composite, sorted;\n// composeRunes[i] is the composite of composePairs[i].\nvar composePairs = [...]uint64{\n")
	for i, p := range pairs {
		fmt.Fprintf(&b, "%#x,", uint64(p.a)<<32|uint64(p.b))
		if i%6 == 5 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\nvar composeRunes = [...]uint32{\n")
	for i, p := range pairs {
		fmt.Fprintf(&b, "%#x,", p.c)
		if i%8 == 7 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
