/** Expected failures are values, not exceptions: callers must look at them. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export interface DomainError {
  /** Stable code such as `ORGANISATION.UNKNOWN_BODY`; message keys derive from it. */
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: string, params?: Record<string, string | number>): Result<never> => ({
  ok: false,
  error: params ? { code, params } : { code },
});
