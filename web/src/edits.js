// Fix edits as the wire contract gives them: UTF-16 spans into the text that was judged.

/** applyEdits applies a fix's sorted, non-overlapping edits to text. */
export function applyEdits(text, edits) {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}
