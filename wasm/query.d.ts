// Types of `xpreflight/query`: validateQuery on the query-only module (xpreflight-query.wasm).
import type { WasmSource } from './xpreflight.js';

export { validateQuery, fixQuery, validatePost, version, XPreflightError, ErrorCodes } from './xpreflight.js';
export type {
  ValidateQueryInput,
  ValidateQueryResult,
  FixQueryInput,
  FixQueryResult,
  ValidatePostInput,
  ValidatePostOptions,
  ValidatePostResult,
  PostConfig,
  PostEntities,
  Fix,
  Edit,
  AppliedFix,
  Diagnostic,
  WarningDiagnostic,
  QueryDiagnosticCode,
  Endpoint,
  Tier,
  Severity,
  Range,
  ErrorCode,
  WasmSource,
  WasmModule,
  URLLike,
  ResponseLike,
  HeadersLike,
} from './xpreflight.js';

export interface QueryInitOptions {
  /** Where xpreflight-query.wasm comes from (default: the file beside this module, or the Worker's import). */
  wasm?: WasmSource;
}

/**
 * Loads and starts xpreflight-query.wasm. Idempotent; a failed init rejects with code `init-failed` and can be
 * retried. Then validateQuery is synchronous (on the full module instead, if `xpreflight`'s init() loaded it).
 */
export declare function init(source?: WasmSource | QueryInitOptions): Promise<void>;
