import type { ErrorCode, ErrorParams } from './error-catalogue';

/** Expected failures are values, not exceptions: callers must look at them. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export interface DomainError {
  /** Stable code such as `ORGANISATION.UNKNOWN_BODY`; its message is `error.<code>` (error-catalogue.ts). */
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * A code whose message takes parameters must be given all of them. More may ride along as
 * context for the caller (which case a refusal is about), never needed by the text.
 */
type Context = Readonly<Record<string, string | number>>;
export type ParamArgs<C extends ErrorCode> = keyof ErrorParams<C> extends never
  ? [params?: Context]
  : [params: ErrorParams<C> & Context];

/** A refusal with its parameters, checked against the catalogue by the compiler. */
export function domainError<C extends ErrorCode>(code: C, ...[params]: ParamArgs<C>): DomainError {
  return params ? { code, params: params } : { code };
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <C extends ErrorCode>(code: C, ...params: ParamArgs<C>): Result<never> => ({
  ok: false,
  error: domainError(code, ...params),
});
