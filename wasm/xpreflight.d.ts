// Types of xpreflight's JS package: the wire contract of core/wire (see DESIGN.md), written by hand; the
// literal unions of codes, classes, slugs and reasons are generated from the Go tables into codes.d.ts.
// wasm/contract_test.go fails when an op or a JSON field name of the contract is missing here.
// No DOM or Node types are needed: what the API takes from the platform (fetch, Response, URL, AbortSignal,
// WebAssembly.Module) is declared below as the few members it uses, so both lib setups accept these files.

import type { QueryDiagnosticCode, RequestDiagnosticCode, ResponseClass, KnownProblemSlug, RetryReason, WireErrorCode } from './codes.js';

export * from './codes.js';

// ---- what the platform provides (structural, so DOM, Node and Workers types all fit) -----------------

/** A URL object (WHATWG URL): only `href` is read. */
export interface URLLike {
  readonly href: string;
  toString(): string;
}

/** HTTP headers as fetch() answers them (a Headers object). */
export interface HeadersLike {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/** A fetch() Response: what init() reads a .wasm from. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly url: string;
  readonly headers: HeadersLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A fetch() Response as createClient reads it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
}

/** An AbortSignal. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * A compiled `WebAssembly.Module` (what a Worker gets from `import wasm from 'xpreflight/xpreflight.wasm'`).
 * TypeScript declares WebAssembly.Module with no members, so any object type is as precise as it can say.
 */
export type WasmModule = object;

// ---- shared ----------------------------------------------------------------------------------------

/** Where a query is sent; decides length limits and which operators exist. Default `search_recent`. */
export type Endpoint = 'search_recent' | 'search_all' | 'counts_recent' | 'counts_all' | 'stream_rule';

/**
 * The customer's access level, as X sells them in 2026: `pay-per-use` (the default), the legacy self-serve
 * `free`, `basic` and `pro` subscriptions, and `enterprise`. It picks the length limits X documents for the
 * level; where X documents nothing for a level (advanced operators below Enterprise, some legacy limits)
 * the finding is a warning, never an error.
 */
export type Tier = 'pay-per-use' | 'free' | 'basic' | 'pro' | 'enterprise';

/** `error`: X would reject it. `warning`: probably not what you meant, or the rules are uncertain. */
export type Severity = 'error' | 'warning';

/** A half-open interval [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** HTTP header names and values (names are matched case-insensitively). */
export type HeaderMap = Record<string, string>;

// ---- validateQuery ---------------------------------------------------------------------------------

export interface ValidateQueryInput {
  query: string;
  endpoint?: Endpoint;
  tier?: Tier;
}

/** One finding about a query. */
export interface Diagnostic {
  /** Stable kebab-case identifier, e.g. `explicit-and`; the full list is QueryDiagnosticCode. */
  code: QueryDiagnosticCode;
  severity: Severity;
  /** Names the offending text; follows X's own wording where X has a message. */
  message: string;
  /** In UTF-16 code units: `query.slice(span.start, span.end)` is the offending text. */
  span: Range;
  /** The same text in UTF-8 bytes. */
  byteSpan: Range;
  hint?: string;
  /** Repairs on offer, as edits of the query; each leaves no more errors than the query has. */
  fixes?: Fix[];
}

/** One repair. `safe`: keeps what X would match or do; otherwise a guess at intent. */
export interface Fix {
  title: string;
  safe: boolean;
  edits: Edit[];
}

/** Replace the text at `span` (UTF-16 units; `byteSpan` in bytes) with `newText`. A fix's edits are sorted and never overlap. */
export interface Edit {
  span: Range;
  byteSpan: Range;
  newText: string;
}

/** A request repair's edit: of the URL, or of the body (with the JSON pointer of the value edited). */
export interface RequestEdit extends Edit {
  in: 'url' | 'body';
  pointer?: string;
}

export interface RequestFix {
  title: string;
  safe: boolean;
  edits: RequestEdit[];
}

/** A fix that fixQuery / fixRequest applied. */
export interface AppliedFix {
  code: string;
  title: string;
}

export interface FixQueryInput extends ValidateQueryInput {
  /** Default `safe`. */
  apply?: 'safe' | 'all';
}

export interface FixQueryResult {
  query: string;
  applied: AppliedFix[];
  /** validateQuery's answer for the repaired query. */
  report: ValidateQueryResult;
}

/** A diagnostic X would not reject the query for. */
export interface WarningDiagnostic extends Diagnostic {
  severity: 'warning';
}

interface ValidateQueryResultBase {
  /** The query's length as X counts it. */
  length: number;
  /** The limit for this endpoint and tier. */
  maxLength: number;
  diagnostics: Diagnostic[];
  /** The query in canonical form. */
  formatted: string;
}

/** `valid` is false exactly when some diagnostic has severity `error`. */
export type ValidateQueryResult =
  | (ValidateQueryResultBase & { valid: true; diagnostics: WarningDiagnostic[] })
  | (ValidateQueryResultBase & { valid: false; diagnostics: Diagnostic[] });

// ---- validateRequest -------------------------------------------------------------------------------

export interface ValidateRequestInput {
  method: string;
  /** A path with query (`/2/tweets/search/recent?query=…`) or an absolute https://api.x.com/… or https://api.twitter.com/… URL. */
  url: string;
  headers?: HeaderMap;
  body?: string;
  tier?: Tier;
  /** Unix milliseconds; without it, rules relative to the current time are skipped. */
  now?: number;
}

export interface RequestDiagnostic {
  /** Stable kebab-case identifier; the full list is RequestDiagnosticCode. */
  code: RequestDiagnosticCode;
  severity: Severity;
  message: string;
  /** The parameter concerned, e.g. `max_results`. */
  parameter?: string;
  /** The offending value as sent. */
  value?: string;
  /** For a `query` parameter: the query linter's diagnostics, spans relative to the decoded query. */
  query?: Diagnostic[];
  /** Repairs on offer, as edits of the URL or body sent; each leaves no more errors than the request has. */
  fixes?: RequestFix[];
}

export interface FixRequestInput extends ValidateRequestInput {
  /** Default `safe`. */
  apply?: 'safe' | 'all';
}

export interface FixRequestResult {
  url: string;
  body: string | null;
  applied: AppliedFix[];
  /** validateRequest's answer for the repaired request. */
  result: ValidateRequestResult;
}

/** One item of an invalid-request problem's `errors`. */
export interface InvalidRequestError {
  parameters: Record<string, string[]>;
  message: string;
}

/** The body X itself would answer a rejected request with. */
export interface InvalidRequestProblem {
  /** `https://api.x.com/2/problems/invalid-request` */
  type: string;
  /** `Invalid Request` */
  title: string;
  /** `One or more parameters to your request was invalid.` */
  detail: string;
  errors: InvalidRequestError[];
  [field: string]: unknown;
}

interface ValidateRequestResultBase {
  /** The matched operation, e.g. `GET /2/tweets/search/recent`; null when no operation matches. */
  route: string | null;
  diagnostics: RequestDiagnostic[];
}

/** X's answer to a rules POST with rejected rules: all or nothing, so `created` is 0. */
export interface RulesAnswer {
  meta: {
    /** The request's time, when validateRequest was given `now`. */
    sent?: string;
    summary: {
      created: number;
      not_created: number;
      valid: number;
      invalid: number;
    };
  };
  errors: RuleError[];
}

/** One rejected rule of a rules answer: its value and X's messages about it. */
export interface RuleError {
  value: string;
  details: string[];
  title: 'UnprocessableEntity';
  type: 'https://api.twitter.com/2/problems/invalid-rules';
}

/**
 * Invalid (X would reject it) exactly when some diagnostic has severity `error`; then `problem` is the body X itself
 * answers with — an invalid-request problem, or for a filtered-stream rules POST whose only errors are rule values,
 * X's rules answer (`errors[]` of type invalid-rules, `meta.summary`) — and `status` the HTTP status (400; 200 for
 * the rules answer).
 */
export type ValidateRequestResult =
  | (ValidateRequestResultBase & { valid: true; problem: null; status?: undefined })
  | (ValidateRequestResultBase & { valid: false; problem: InvalidRequestProblem | RulesAnswer; status: number });

// ---- parseResponse ---------------------------------------------------------------------------------

export interface ParseResponseInput {
  status: number;
  headers?: HeaderMap;
  /** The body exactly as received; it is never altered. */
  body: string;
  method?: string;
  url?: string;
}

/**
 * A problem's slug: a known type's, `legacy-<code>` for `{"code":88,…}` items, `unknown` for an item with
 * neither type nor code, or (open on purpose: X adds types) the type URI itself when it is not under /2/problems/.
 */
export type ProblemSlug = KnownProblemSlug | `legacy-${number}` | 'unknown' | (string & {});

/**
 * A problem as X sent it (all of the body's own fields are kept) plus `slug`. Both api.twitter.com and
 * api.x.com problem URIs, every type of specs 2.166 and 2.167, and legacy `{code, message}` items.
 */
export interface Problem {
  /** The part after `/2/problems/`, or `about:blank`, or `legacy-<code>` for `{"code":88,…}` items. */
  slug: ProblemSlug;
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  /** Legacy v1.1-style items. */
  code?: number;
  message?: string;
  /** Fields X puts on particular problem types. */
  errors?: InvalidRequestError[];
  parameter?: string;
  value?: unknown;
  resource_id?: string;
  resource_type?: string;
  section?: string;
  field?: string;
  reason?: string;
  scope?: string;
  period?: string;
  registration_url?: string;
  connection_issue?: string;
  disconnect_type?: string;
  id?: string;
  [field: string]: unknown;
}

/** A 24-hour cap from `x-app-limit-24hour-*` or `x-user-limit-24hour-*`. Null: header absent. */
export interface RateLimitWindow {
  limit: number | null;
  remaining: number | null;
  /** Unix seconds. */
  reset: number | null;
}

/** From `x-rate-limit-*`; a field is null when its header is absent. */
export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** Unix seconds. */
  reset: number | null;
  appDay?: RateLimitWindow;
  userDay?: RateLimitWindow;
}

/** A rate-limit header that was present but unreadable (reported, not dropped). */
export interface HeaderIssue {
  header: string;
  value: string;
  message: string;
}

/** What the body turned out to be. */
export type BodyShape = 'empty' | 'not-json' | 'not-object' | 'too-deep' | 'problem' | 'errors' | 'envelope' | 'stream-line' | 'object';

export interface SchemaViolation {
  instanceLocation: string;
  keywordLocation: string;
  message: string;
}

export interface SchemaCheck {
  valid: boolean;
  violations: SchemaViolation[];
}

export interface ParseResponseResult {
  class: ResponseClass;
  status: number;
  shape: BodyShape;
  /** Top-level problems (HTTP ≥ 400). */
  problems: Problem[];
  /** `errors[]` of a 200 answer. */
  partialErrors: Problem[];
  rateLimit: RateLimit | null;
  /** Present when some rate-limit header could not be read. */
  headerIssues?: HeaderIssue[];
  schema: SchemaCheck;
  retryable: boolean;
}

// ---- adviseRetry -----------------------------------------------------------------------------------

export interface AdviseRetryInput {
  /** Attempts made so far (1 after the first failure). */
  attempt: number;
  method?: string;
  url?: string;
  /** Absent: a network failure (no response). */
  status?: number;
  headers?: HeaderMap;
  body?: string;
  /** The client's Unix milliseconds. The JS wrapper fills Date.now() when absent. */
  now?: number;
  /** In [0, 1): makes jitter deterministic. The JS wrapper fills Math.random() when absent. */
  random?: number;
  /** A streaming connection (filtered stream): follows X's reconnect policy. */
  stream?: boolean;
  /** The previous delay (decorrelated jitter grows from it). */
  previousDelayMs?: number;
  /** Overrides of the default policy; fields left out keep their defaults. */
  policy?: RetryPolicy;
}

export type Jitter = 'full' | 'equal' | 'decorrelated' | 'none';

export interface RetryPolicy {
  /** REST attempts in total; at this attempt there is no retry. Default 5. */
  maxAttempts?: number;
  /** Stream reconnects; 0 = no cap. */
  streamMaxAttempts?: number;
  /** The longest delay returned with retry=true; a longer wait parks (retry=false, notBefore set). */
  maxWaitMs?: number;
  baseDelayMs?: number;
  maxBackoffMs?: number;
  jitter?: Jitter;
  /** Added after a rate-limit reset instant. */
  resetMarginMs?: number;
  /** Floor of a reset wait when no Date header anchors the reset against clock skew. */
  unanchoredResetFloorMs?: number;
  /** 429 while remaining > 0 (X's per-second limit). */
  perSecondBaseMs?: number;
  perSecondMaxMs?: number;
  /** 429 without rate-limit headers, doubling. */
  rateLimitBaseMs?: number;
  streamNetworkStepMs?: number;
  streamNetworkMaxMs?: number;
  streamHttpBaseMs?: number;
  streamHttpMaxMs?: number;
  streamRateLimitBaseMs?: number;
  /** Retry POSTs that create things after a 5xx or network failure anyway (the caller deduplicates). */
  retryNonIdempotent?: boolean;
}

interface RetryAdviceBase {
  delayMs: number;
  /** Unix milliseconds before which the next attempt should not start (also set when parked: park until). */
  notBefore: number;
  reason: RetryReason;
  /** The decision in words, naming the headers and numbers it used. */
  detail: string;
}

/** Try again after delayMs. */
export interface RetryAdviceRetry extends RetryAdviceBase {
  retry: true;
  parked: false;
}

/** Do not retry now; `parked`: only because the wait is over maxWaitMs, so try again at notBefore. */
export interface RetryAdviceStop extends RetryAdviceBase {
  retry: false;
  parked: boolean;
}

export type RetryAdvice = RetryAdviceRetry | RetryAdviceStop;

// ---- validatePost ----------------------------------------------------------------------------------

/** twitter-text's weighting config: v3 (default) weighs an emoji sequence as one character of weight 2. */
export type PostConfig = 'v2' | 'v3';

export interface ValidatePostOptions {
  config?: PostConfig;
  /** Whether the account may post long posts (X Premium). Unset: over 280 is a warning; false: an error. */
  longPosts?: boolean;
}

export interface ValidatePostInput extends ValidatePostOptions {
  text: string;
}

export interface PostURL {
  /** The URL as X links it (a URL without protocol is kept as written). */
  url: string;
  span: Range;
}

export interface PostMention {
  /** The user name, without @. */
  username: string;
  /** `/slug` when the mention names a list. */
  listSlug?: string;
  span: Range;
}

export interface PostTag {
  /** The hashtag or cashtag, without # or $. */
  tag: string;
  span: Range;
}

export interface PostEntities {
  urls: PostURL[];
  mentions: PostMention[];
  hashtags: PostTag[];
  cashtags: PostTag[];
}

export interface ValidatePostResult {
  /** False exactly when some diagnostic has severity `error`. */
  valid: boolean;
  /** X's weighted length. */
  weightedLength: number;
  /** 280, or 25,000 with longPosts: true. */
  maxLength: number;
  /** weightedLength per thousand of maxLength, rounded down. */
  permillage: number;
  /** The prefix that fits (UTF-16 code units, half-open). */
  validRange: Range;
  /** The whole text. */
  displayRange: Range;
  config: PostConfig;
  entities: PostEntities;
  /** post-too-long, post-long-form, post-invalid-character, post-empty; span marks the overflow or the character. */
  diagnostics: Diagnostic[];
}

// ---- the wire envelope (Worker's POST /v1/<op>, Go's wire.Handle) ----------------------------------

export type OpName = 'validateQuery' | 'validateRequest' | 'parseResponse' | 'adviseRetry' | 'fixQuery' | 'fixRequest' | 'validatePost';

export interface OpTypes {
  validateQuery: { input: ValidateQueryInput; result: ValidateQueryResult };
  validateRequest: { input: ValidateRequestInput; result: ValidateRequestResult };
  fixQuery: { input: FixQueryInput; result: FixQueryResult };
  fixRequest: { input: FixRequestInput; result: FixRequestResult };
  parseResponse: { input: ParseResponseInput; result: ParseResponseResult };
  adviseRetry: { input: AdviseRetryInput; result: RetryAdvice };
  validatePost: { input: ValidatePostInput; result: ValidatePostResult };
}

export interface WireError {
  code: WireErrorCode;
  message: string;
}

export interface WireSuccess<R> {
  ok: true;
  result: R;
}

export interface WireFailure {
  ok: false;
  error: WireError;
}

/** What wire.Handle and the Worker's POST /v1/<op> answer. */
export type WireResponse<R> = WireSuccess<R> | WireFailure;

// ---- the module ------------------------------------------------------------------------------------

export type ErrorCode =
  | WireErrorCode
  | 'not-initialized'
  | 'query-only'
  | 'init-failed'
  | 'invalid-request'
  | 'network';

export declare const ErrorCodes: Readonly<{
  BAD_INPUT: 'bad-input';
  UNKNOWN_OP: 'unknown-op';
  INTERNAL: 'internal';
  NOT_INITIALIZED: 'not-initialized';
  QUERY_ONLY: 'query-only';
  INIT_FAILED: 'init-failed';
  INVALID_REQUEST: 'invalid-request';
  NETWORK: 'network';
}>;

/** Thrown for misuse and failures; findings are returned, never thrown. */
export declare class XPreflightError extends Error {
  name: 'XPreflightError';
  readonly code: ErrorCode;
  /** The op that failed, for op errors. */
  readonly op?: OpName;
  /** `invalid-request`: the body X would have answered with. */
  readonly problem?: InvalidRequestProblem | RulesAnswer | null;
  /** `invalid-request`: every finding about the request. */
  readonly diagnostics?: RequestDiagnostic[];
  /** `invalid-request`: the matched operation, or null. */
  readonly route?: string | null;
  /** `network`: attempts made. */
  readonly attempts?: number;
  /** `network`: the last retry advice. */
  readonly advice?: RetryAdvice;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>);
}

/** Where the .wasm comes from: a URL or path, bytes, a (promised) Response, or a compiled module (Workers). */
export type WasmSource =
  | string
  | URLLike
  | ArrayBuffer
  | ArrayBufferView
  | ResponseLike
  | PromiseLike<ResponseLike>
  | WasmModule;

/**
 * Which module init() loads. `'full'` (default, xpreflight.wasm): every op. `'query'` (xpreflight-query.wasm):
 * validateQuery only, built without JSON Schema validation, so it starts several times faster; the other ops
 * throw `query-only` until the full module is loaded too.
 */
export type ModuleKind = 'full' | 'query';

export interface InitOptions {
  /** Where the .wasm comes from (default: the module's file beside xpreflight.mjs). */
  wasm?: WasmSource;
  /** Default `'full'`. */
  module?: ModuleKind;
}

/**
 * Loads and starts a module (default: the full xpreflight.wasm beside xpreflight.mjs). Idempotent per module:
 * returns the same promise every time; a failed init rejects with code `init-failed` and can be retried.
 * The full and query-only modules can both be loaded: validateQuery runs on the full one once it is ready,
 * on the query-only one before.
 */
export declare function init(source?: WasmSource | InitOptions): Promise<void>;

/** The package version. */
export declare function version(): string;

export declare function validateQuery(input: ValidateQueryInput): ValidateQueryResult;
export declare function validateRequest(input: ValidateRequestInput): ValidateRequestResult;
export declare function parseResponse(input: ParseResponseInput): ParseResponseResult;
/** `now` and `random` default to Date.now() and Math.random(). */
export declare function adviseRetry(input: AdviseRetryInput): RetryAdvice;
/** Applies a query's fixes (safe ones unless `apply: 'all'`), one at a time, re-validating after each. */
export declare function fixQuery(input: FixQueryInput): FixQueryResult;
/** Applies a request's fixes (safe ones unless `apply: 'all'`), one at a time, re-validating after each. */
export declare function fixRequest(input: FixRequestInput): FixRequestResult;
/** X's weighted length, ranges and entities of a post's text; findings by the long-post rule. */
export declare function validatePost(text: string, opts?: ValidatePostOptions): ValidatePostResult;
/** The wire input form, as the other ops take it. */
export declare function validatePost(input: ValidatePostInput): ValidatePostResult;

// ---- client ----------------------------------------------------------------------------------------

export interface RetryEvent {
  /** Attempts made so far. */
  attempt: number;
  delayMs: number;
  notBefore: number;
  reason: RetryReason;
  detail: string;
  /** Absent after a network failure. */
  status?: number;
  parsed?: ParseResponseResult;
  /** The network failure, when there was no response. */
  error?: unknown;
}

export interface ClientOptions {
  /** Default: globalThis.fetch. */
  fetch?: (input: string, init: { method: string; headers: HeaderMap; body?: string; signal?: AbortSignalLike }) => Promise<FetchResponseLike>;
  /** Default `https://api.x.com`. Relative request URLs resolve against it. */
  baseUrl?: string | URLLike;
  /** Sent as `Authorization: Bearer …`, only to baseUrl's origin. */
  bearerToken?: string;
  /** Attempts in total, including the first. Default: adviseRetry's policy (5). */
  maxAttempts?: number;
  /** Called before each wait; may return a promise (awaited) or throw (stops the request). */
  onRetry?: (event: RetryEvent) => void | Promise<void>;
  /** Aborts every request of this client, including waits between attempts. */
  signal?: AbortSignalLike;
  /** Tier the requests are validated for. */
  tier?: Tier;
  /** adviseRetry's policy, e.g. `{ maxWaitMs: 60_000 }` to give up rather than wait out a 15-minute window. */
  policy?: RetryPolicy;
  /** Replaces the wait between attempts (tests, custom schedulers). Must reject when signal aborts. */
  sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  /** Apply these fixes (fixRequest) before validating and sending; what changed is the answer's `fixes`. Default: none. */
  fix?: 'safe' | 'all';
}

/** A URLSearchParams (sent form-encoded). */
export interface FormParams {
  append(name: string, value: string): void;
  getAll(name: string): string[];
  toString(): string;
}

export interface ClientRequestInit {
  /** Header names are lower-cased. */
  headers?: HeaderMap | HeadersLike | [string, string][];
  /**
   * A string is sent as is; URLSearchParams form-encoded; a plain object or array JSON-encoded with
   * `content-type: application/json`. Other bodies (Blob, FormData, streams, bytes) are refused: they cannot be validated.
   */
  body?: string | FormParams | Record<string, unknown> | unknown[] | null;
  signal?: AbortSignalLike;
}

export interface ClientResponse {
  status: number;
  /** Lower-case names. */
  headers: HeaderMap;
  /** The body exactly as received. */
  body: string;
  parsed: ParseResponseResult;
  /** Attempts made, including this one. */
  attempts: number;
  /** When a non-2xx answer is returned: the advice that stopped the retries (e.g. park until notBefore). */
  advice?: RetryAdvice;
  /** The fixes applied before sending (createClient's `fix` option); empty otherwise. */
  fixes: AppliedFix[];
}

export interface Client {
  /**
   * Validates, sends, parses and retries. Rejects with XPreflightError `invalid-request` (no network call) when X
   * would reject the request, `network` when no attempt got a response, or the signal's reason when aborted.
   * Non-2xx answers resolve (see `parsed.class`).
   */
  request(method: string, url: string, init?: ClientRequestInit): Promise<ClientResponse>;
}

export declare function createClient(options?: ClientOptions): Client;
