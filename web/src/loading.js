// What the request and response panels show while only the query-only module
// is loaded: its ops other than validateQuery throw XPreflightError
// 'query-only', which is a wait, not a failure.
import { h } from './dom.js';

/** loadingNote is the note to show for err when the full checker is still loading, else null. */
export function loadingNote(err, what) {
  if (err?.code !== 'query-only') return null;
  return h('p', { class: 'loading-box', role: 'status', dataset: { loading: what } }, `Loading the ${what} checker… this updates by itself when it is ready.`);
}
