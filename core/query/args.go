package query

import (
	"math"
	"strconv"
	"strings"
)

// milesPerDegree is one degree of latitude (or of longitude at the equator)
// on a sphere of the mean Earth radius, 6,371.0088 km.
const milesPerDegree = 2 * math.Pi * 6371.0088 / 360 / 1.609344

// maxGeoMiles: X requires radius, box width and box height under 25 miles.
const maxGeoMiles = 25.0

// atGeoBound reports a distance at 25 mi itself, within a hundredth of a
// mile (40.23km is 25 mi as written): the docs say "less than", but no
// source shows X rejecting the bound, so it is only warned about.
func atGeoBound(miles float64) bool { return math.Abs(miles-maxGeoMiles) < 0.01 }

// checkArg validates op's argument against its grammar. op.Arg is not
// ArgNone here.
func (c *checker) checkArg(op *Operator, info *OperatorInfo) {
	geo := info.Arg == ArgTypePointRadius || info.Arg == ArgTypeBoundingBox
	if op.Arg == ArgBracket && !geo {
		c.errorAt(CodeUnexpectedBracket, op.ValueStart(), op.End(),
			"no viable alternative at input '[': brackets are only valid after point_radius: or bounding_box:, not "+info.Name,
			"write it as "+example(info))
		return
	}
	v := op.Value
	if op.Arg == ArgQuoted {
		v = op.Unquoted()
		switch info.Arg {
		case ArgTypeUser, ArgTypePostID, ArgTypeListID, ArgTypeContext, ArgTypeCountry, ArgTypeLang,
			ArgTypeCount, ArgTypeCountRange, ArgTypeSample, ArgTypeThreshold:
			c.warnAt(CodeQuotedArgument, op.ValueStart(), op.End(),
				info.Name+" takes a plain value; X documents no quoted form for it", "write it as "+example(info))
		}
	}
	switch info.Arg {
	case ArgTypeUser:
		c.checkUser(op, info, v)
	case ArgTypePostID, ArgTypeListID:
		if !isDigits(v, 19) {
			c.warnAt(CodeInvalidID, op.ValueStart(), op.End(),
				info.Name+" takes a numeric ID, not "+snippet(v)+" (no source records X rejecting it; it likely matches nothing)", "write it as "+example(info))
		}
	case ArgTypeContext:
		c.checkContext(op, v)
	case ArgTypeQuotedText:
		if op.Arg != ArgQuoted {
			c.warnAt(CodeUnquotedArgument, op.ValueStart(), op.End(),
				info.Name+" takes a double-quoted string", "write it as "+info.Name+"\""+v+"\"")
		}
	case ArgTypeURL:
		if op.Arg == ArgBare && strings.ContainsAny(v, ":/.?=&%#-") {
			c.warnAt(CodeUnquotedArgument, op.ValueStart(), op.End(),
				"X says "+info.Name+" values with punctuation or a protocol must be quoted: "+snippet(v),
				"write it as "+info.Name+"\""+v+"\"")
		}
	case ArgTypeCountry:
		c.checkCountry(op, v)
	case ArgTypeLang:
		c.checkLang(op, v)
	case ArgTypePointRadius:
		c.checkPointRadius(op)
	case ArgTypeBoundingBox:
		c.checkBoundingBox(op)
	case ArgTypeCount:
		if !isDigits(v, 18) {
			c.warnAt(CodeInvalidNumber, op.ValueStart(), op.End(),
				info.Name+" takes a non-negative whole number, not "+snippet(v)+" (no source records X rejecting it)", "write it as "+example(info))
		}
	case ArgTypeCountRange:
		c.checkCountRange(op, info, v)
	case ArgTypeSample:
		if n, err := strconv.Atoi(v); !isDigits(v, 3) || err != nil || n < 1 || n > 100 {
			c.errorAt(CodeSampleRange, op.ValueStart(), op.End(),
				"sample: takes a whole percentage from 1 to 100, not "+snippet(v), "e.g. sample:10")
		}
	case ArgTypeThreshold:
		if f, err := strconv.ParseFloat(v, 64); err != nil || !(f >= 0 && f <= 1) {
			c.errorAt(CodeThresholdRange, op.ValueStart(), op.End(),
				"embedding_threshold: takes a decimal from 0.0 to 1.0, not "+snippet(v), "e.g. embedding_threshold:0.5")
		}
	}
}

// isDigits reports whether s is 1 to max ASCII digits.
func isDigits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isUsernameByte(c byte) bool { return isNameByte(c) }

func (c *checker) checkUser(op *Operator, info *OperatorInfo, v string) {
	if strings.HasPrefix(v, "@") {
		c.warnAt(CodeUsernameAt, op.ValueStart(), op.ValueStart()+1,
			info.Name+" takes the username without @", "write "+info.Name+v[1:])
		v = v[1:]
	}
	if isDigits(v, 20) {
		return // a numeric user ID
	}
	for i := 0; i < len(v); i++ {
		if !isUsernameByte(v[i]) {
			c.warnAt(CodeInvalidUsername, op.ValueStart(), op.End(),
				"No X account can be named "+snippet(v)+": usernames use only letters, digits and _ (X may accept the query and match nothing)",
				"give one username or numeric user ID per operator, e.g. "+example(info))
			return
		}
	}
	if v == "" {
		c.warnAt(CodeInvalidUsername, op.ValueStart(), op.End(), info.Name+" needs a username after the @", "")
	} else if len(v) > 15 {
		c.warnAt(CodeLongUsername, op.ValueStart(), op.End(),
			"Username "+snippet(v)+" is longer than X's 15-character limit for usernames, so it likely matches no account", "")
	}
}

func (c *checker) checkContext(op *Operator, v string) {
	domain, entity, ok := strings.Cut(v, ".")
	switch {
	case ok && isDigits(domain, 20) && isDigits(entity, 20):
		return
	case ok && (isDigits(domain, 20) && entity == "*" || domain == "*" && isDigits(entity, 20)):
		if c.opts.Endpoint != StreamRule {
			c.warnAt(CodeContextWildcard, op.ValueStart(), op.End(),
				"context: wildcards ("+snippet(v)+") are documented for filtered-stream rules only", "give domain_id.entity_id")
		}
		return
	}
	c.warnAt(CodeInvalidContext, op.ValueStart(), op.End(),
		"context: takes domain_id.entity_id (two numbers joined by a dot), not "+snippet(v)+" (no source records X rejecting it)", "e.g. context:10.799022225751871488")
}

// countryHints corrects common non-ISO country codes.
var countryHints = map[string]string{"uk": "GB", "en": "GB", "el": "GR", "eu": "a country code; X has no code for the EU"}

func (c *checker) checkCountry(op *Operator, v string) {
	var buf [8]byte
	if len(v) == 2 && countryCodes[string(lowerInto(buf[:0], v))] {
		return
	}
	hint := "use an ISO 3166-1 alpha-2 code such as US, GB or JP"
	if h, ok := countryHints[toLowerASCII(v)]; ok {
		hint = "use " + h
	}
	c.warnAt(CodeInvalidCountry, op.ValueStart(), op.End(),
		"place_country: takes an ISO 3166-1 alpha-2 country code, and "+snippet(v)+" is not one (no source records X rejecting it; it likely matches nothing)", hint)
}

// langHints maps codes people write to the ones in X's list.
var langHints = map[string]string{
	"he": "iw", "id": "in", "zh": "zh-CN", "zh-hans": "zh-CN", "zh-hant": "zh-TW", "nb": "no", "nn": "no",
	"fil": "tl", "jp": "ja", "kr": "ko", "cn": "zh-CN", "gr": "el", "ua": "uk", "dk": "da", "se": "sv", "cz": "cs",
}

func (c *checker) checkLang(op *Operator, v string) {
	var buf [16]byte
	entry, ok := langCodes[string(lowerInto(buf[:0], v))]
	switch {
	case ok && entry.status == langCurrent:
		return
	case ok:
		c.warnAt(CodeLegacyLang, op.ValueStart(), op.End(),
			"lang:"+entry.code+" was in X's language list until 2026 but is not in the current one", "check that Posts are still classified as "+entry.code)
		return
	}
	hint := "use a code from X's list, e.g. en, es, ja, zh-CN; und for unclassified Posts"
	lower := toLowerASCII(v)
	if h, ok := langHints[lower]; ok {
		hint = "X uses lang:" + h
	} else if base, _, cut := strings.Cut(lower, "-"); cut {
		if e, ok := langCodes[base]; ok {
			hint = "X uses lang:" + e.code
		}
	}
	c.warnAt(CodeInvalidLang, op.ValueStart(), op.End(),
		"lang: takes a language code from X's list, and "+snippet(v)+" is not in it (X's list changes and no source records X rejecting other codes; it likely matches nothing)", hint)
}

func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		buf = append(buf, ch)
	}
	return buf
}

func (c *checker) checkCountRange(op *Operator, info *OperatorInfo, v string) {
	lo, hi, isRange := strings.Cut(v, "..")
	if !isDigits(lo, 18) || isRange && !isDigits(hi, 18) {
		c.warnAt(CodeInvalidNumber, op.ValueStart(), op.End(),
			info.Name+" takes N or N..M (whole numbers), not "+snippet(v)+" (no source records X rejecting it)", "e.g. "+example(info))
		return
	}
	if isRange {
		l, _ := strconv.Atoi(lo)
		h, _ := strconv.Atoi(hi)
		if h < l {
			c.warnAt(CodeEmptyRange, op.ValueStart(), op.End(),
				"Range "+v+" is empty: its upper bound is below its lower bound", "write "+info.Name+hi+".."+lo)
		}
	}
}

// bracketFields splits the inside of [a b c] on ASCII whitespace into at
// most len(out) fields; n is the real count.
func bracketFields(value string, out []string) (n int) {
	inner := strings.TrimPrefix(value, "[")
	inner = strings.TrimSuffix(inner, "]")
	for i := 0; i < len(inner); {
		for i < len(inner) && isSpace(inner[i]) {
			i++
		}
		j := i
		for j < len(inner) && !isSpace(inner[j]) {
			j++
		}
		if j > i {
			if n < len(out) {
				out[n] = inner[i:j]
			}
			n++
		}
		i = j
	}
	return n
}

func (c *checker) geoShapeError(op *Operator, want string) {
	c.warnAt(CodeInvalidGeo, op.ValueStart(), op.End(),
		op.Key+": takes "+want+", not "+snippet(op.Value)+" (no source records X's answer to other shapes)", "e.g. "+example(&catalogue[operatorIndex[op.Key].index]))
}

func (c *checker) checkPointRadius(op *Operator) {
	const want = "[longitude latitude radius] with the radius in mi or km"
	var f [3]string
	if op.Arg != ArgBracket || bracketFields(op.Value, f[:]) != 3 {
		c.geoShapeError(op, want)
		return
	}
	lon, err1 := strconv.ParseFloat(f[0], 64)
	lat, err2 := strconv.ParseFloat(f[1], 64)
	miles, ok := parseRadius(f[2])
	if err1 != nil || err2 != nil || !ok {
		c.geoShapeError(op, want)
		return
	}
	if !c.coordinatesInRange(op, lon, lat) {
		return
	}
	switch {
	case atGeoBound(miles):
		c.warnAt(CodeRadiusTooLarge, op.ValueStart(), op.End(),
			"point_radius: radius "+f[2]+" is exactly 25 mi; X's docs say less than 25 mi, and no source shows X rejecting the bound itself", "use 24mi or 40km to be safe")
	case miles > maxGeoMiles:
		c.errorAt(CodeRadiusTooLarge, op.ValueStart(), op.End(),
			"point_radius: radius "+f[2]+" is "+strconv.FormatFloat(miles, 'f', 1, 64)+" mi; X requires less than 25 mi", "use at most 24mi or 40km")
	}
}

// parseRadius reads "16km" or "10mi" (unit case-insensitive) as miles.
func parseRadius(s string) (float64, bool) {
	if len(s) < 3 {
		return 0, false
	}
	num, unit := s[:len(s)-2], toLowerASCII(s[len(s)-2:])
	r, err := strconv.ParseFloat(num, 64)
	if err != nil || !(r > 0) || math.IsInf(r, 0) {
		return 0, false
	}
	switch unit {
	case "mi":
		return r, true
	case "km":
		return r / 1.609344, true
	}
	return 0, false
}

// coordinatesInRange checks point_radius's [lon lat] or bounding_box's
// [west south east north]: longitudes within ±180, latitudes within ±90.
func (c *checker) coordinatesInRange(op *Operator, coords ...float64) bool {
	for i, x := range coords {
		limit, what := 180.0, "longitude"
		if op.Key == "point_radius" && i == 1 || op.Key != "point_radius" && i%2 == 1 {
			limit, what = 90, "latitude"
		}
		if !(x >= -limit && x <= limit) {
			c.errorAt(CodeCoordinateRange, op.ValueStart(), op.End(),
				op.Key+": "+what+" "+strconv.FormatFloat(x, 'g', -1, 64)+" is outside ±"+strconv.Itoa(int(limit)),
				"coordinates are decimal degrees, longitude first")
			return false
		}
	}
	return true
}

func (c *checker) checkBoundingBox(op *Operator) {
	const want = "[west_long south_lat east_long north_lat]"
	var f [4]string
	if op.Arg != ArgBracket || bracketFields(op.Value, f[:]) != 4 {
		c.geoShapeError(op, want)
		return
	}
	var v [4]float64
	for i := range f {
		x, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			c.geoShapeError(op, want)
			return
		}
		v[i] = x
	}
	west, south, east, north := v[0], v[1], v[2], v[3]
	if !c.coordinatesInRange(op, west, south, east, north) {
		return
	}
	if south > north || west > east {
		c.warnAt(CodeBoxOrder, op.ValueStart(), op.End(),
			"bounding_box: expects [west south east north]; here south > north or west > east", "check the order of the corners")
		south, north = min(south, north), max(south, north)
	}
	// A west edge east of the east edge may be a box across the
	// antimeridian: take the narrower reading, which never rejects.
	span := math.Abs(east - west)
	span = math.Min(span, 360-span)
	height := (north - south) * milesPerDegree
	// The box is narrowest at its edge farthest from the equator; judging
	// width there never rejects a box X could measure as narrower.
	farLat := math.Max(math.Abs(south), math.Abs(north)) * math.Pi / 180
	nearLat := 0.0
	if south > 0 || north < 0 {
		nearLat = math.Min(math.Abs(south), math.Abs(north)) * math.Pi / 180
	}
	minWidth := span * milesPerDegree * math.Cos(farLat)
	maxWidth := span * milesPerDegree * math.Cos(nearLat)
	switch {
	case (height > maxGeoMiles && !atGeoBound(height)) || (minWidth > maxGeoMiles && !atGeoBound(minWidth)):
		c.errorAt(CodeBoxTooLarge, op.ValueStart(), op.End(),
			"bounding_box: is "+strconv.FormatFloat(maxWidth, 'f', 1, 64)+" mi wide and "+strconv.FormatFloat(height, 'f', 1, 64)+
				" mi high; X requires width and height each under 25 mi", "split it into smaller boxes joined by OR")
	case maxWidth >= maxGeoMiles || height >= maxGeoMiles || atGeoBound(maxWidth):
		c.warnAt(CodeBoxTooLarge, op.ValueStart(), op.End(),
			"bounding_box: is "+strconv.FormatFloat(maxWidth, 'f', 1, 64)+" mi wide at its widest and "+strconv.FormatFloat(height, 'f', 1, 64)+
				" mi high; X requires under 25 mi, does not say where it measures, and no source shows it rejecting 25 mi itself",
			"narrow the box a little")
	}
}
