package query

// lookupKey builds the catalogue key of op ("from", "has:media") in buf,
// lower-cased, without allocating.
func lookupKey(buf []byte, op *Operator) []byte {
	buf = append(buf[:0], op.Key...)
	if op.Key == "is" || op.Key == "has" {
		buf = append(buf, ':')
		for i := 0; i < len(op.Value); i++ {
			c := op.Value[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
	}
	return buf
}

func (c *checker) operator(op *Operator, negated bool) {
	var buf [48]byte
	key := lookupKey(buf[:0], op)
	ref, found := findOperator(key)
	if !found {
		c.countAtom(negated, Standalone) // already an error; don't pile on
		if op.Arg == ArgNone && op.Key != "is" && op.Key != "has" {
			// "Warning: fire" — a word ending in a colon more likely than an
			// operator; X's reading of it is undocumented.
			c.warnAt(CodeColonInKeyword, op.Colon, op.Colon+1,
				"'"+c.src[op.Start:op.End()]+"' ends in a colon: X may read it as an operator named '"+op.Key+"', which does not exist",
				"drop the colon or double-quote the word")
			return
		}
		c.unknownOperator(op)
		return
	}
	info := &catalogue[ref.index]
	c.countAtom(negated, info.Kind)
	if !c.availableQuietly(info, ref.streamDocsOnly) { // the common case skips a call
		c.checkAvailability(info, op, ref.streamDocsOnly)
	}
	if info.Name == "sample:" && c.sample == nil {
		c.sample = op
	}
	c.operatorChecks(op, info, negated)
}

// operatorChecks is operator after the lookup and the availability check.
// It never keeps or boxes op, so the flat path (flat.go) can hand it an
// operator on its stack.
func (c *checker) operatorChecks(op *Operator, info *OperatorInfo, negated bool) {
	if negated && !info.Negatable {
		c.errorAt(CodeNotNegatable, op.Start, op.End(),
			"'"+info.Name+"' cannot be negated", "remove the '-' in front of it")
	}
	switch info.Name {
	case "is:nullcast":
		if !negated {
			c.errorAt(CodeNullcastNotNegated, op.Start, op.End(),
				"is:nullcast must always be negated: only -is:nullcast is valid", "write -is:nullcast")
		}
	case "list:":
		if c.lists++; c.lists == 2 {
			c.errorAt(CodeOneList, op.Start, op.End(),
				"Only one list: operator is allowed per query", "split the query, one List each")
		}
	case "entity:":
		// X's docs say "You can only pass a single entity: operator" and
		// then give entity:"Michael Jordan" OR entity:"Barcelona" as the
		// example, so a second one is only a warning.
		if c.entities++; c.entities == 2 && c.opts.Endpoint != StreamRule {
			c.warnAt(CodeOneEntity, op.Start, op.End(),
				"X's search docs say you can only pass a single entity: operator (yet show two joined by OR)", "if X rejects the query, keep one entity: per query")
		}
	}
	if info.Arg == ArgTypeNone || !op.Closed {
		return // no argument, or a syntax error already reported
	}
	if op.Arg == ArgNone {
		c.warnAt(CodeMissingValue, op.Start, op.End(),
			info.Name+" has no value: write it without a space, e.g. "+example(info)+" (no source records X's answer)", "")
		return
	}
	c.checkArg(op, info)
}

// example shows how an operator's argument is written.
func example(info *OperatorInfo) string {
	switch info.Arg {
	case ArgTypeUser:
		return info.Name + "XDevelopers"
	case ArgTypePostID, ArgTypeListID:
		return info.Name + "1234567890"
	case ArgTypeContext:
		return info.Name + "10.799022225751871488"
	case ArgTypeQuotedText, ArgTypePlace:
		return info.Name + `"new york city"`
	case ArgTypeURL:
		return info.Name + `"https://developer.x.com"`
	case ArgTypeCountry:
		return info.Name + "US"
	case ArgTypeLang:
		return info.Name + "en"
	case ArgTypePointRadius:
		return info.Name + "[2.355128 48.861118 16km]"
	case ArgTypeBoundingBox:
		return info.Name + "[-105.301758 39.964069 -105.126810 40.09445]"
	case ArgTypeCount:
		return info.Name + "100"
	case ArgTypeCountRange:
		return info.Name + "100..500"
	case ArgTypeSample:
		return info.Name + "10"
	case ArgTypeThreshold:
		return info.Name + "0.5"
	}
	return info.Name + "word"
}

func (c *checker) unknownOperator(op *Operator) {
	if len(c.diags) >= collectLimit { // dropped anyway: skip building it
		c.dropped++
		c.droppedErr = true
		return
	}
	label := c.label(op)
	hint := webSearchHint(op)
	if c.suggested++; hint == "" && c.suggested <= maxSuggestions {
		if m := nearestOperator(op); m != "" {
			hint = "did you mean " + m + "?"
		}
	}
	if hint == "" && (op.Key == "is" || op.Key == "has") {
		hint = op.Key + ": takes one of " + isHasValues(op.Key)
	}
	if hint == "" && (op.Key == "http" || op.Key == "https") {
		u := c.src[op.Start:op.End()]
		hint = `quote URLs: url:"` + u + `" or "` + u + `"`
	}
	c.errorAt(CodeUnknownOperator, op.Start, op.End(), "Reference to invalid operator "+label, hint)
}
