import type { StoreErrorCode } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';

/** Table Storage's error codes for a request or an entity that is too large (permanent). */
const TOO_LARGE = new Set(['EntityTooLarge', 'PropertyValueTooLarge', 'RequestBodyTooLarge', 'KeyValueTooLarge']);

/** A field of what was thrown: anything may be thrown, a non-object too. */
const fieldOf = (e: unknown, name: string): unknown =>
  typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[name] : undefined;

export const statusOf = (e: unknown): number | undefined => {
  const status = fieldOf(e, 'statusCode');
  return typeof status === 'number' ? status : undefined;
};

const codeOf = (e: unknown): string => {
  const code = fieldOf(e, 'code');
  return typeof code === 'string' ? code : '';
};

/**
 * The port's error for a refusal by Table Storage: what no retry can mend (a 400, a 413, an
 * entity or property over its size) is TOO_LARGE or REJECTED, so a job fails at once with the
 * reason; network faults, 5xx, throttling (503 ServerBusy) and a 403 (a role assignment not yet in
 * force) are UNAVAILABLE.
 */
export function storeErrorOf(e: unknown, list: string, id: string): StoreError {
  if (e instanceof StoreError) return e;
  const status = statusOf(e);
  const code: StoreErrorCode =
    status === 413 || TOO_LARGE.has(codeOf(e))
      ? 'STORE.TOO_LARGE'
      : status === 404
        ? 'STORE.NOT_FOUND'
        : status === 409
          ? 'STORE.ALREADY_EXISTS'
          : status === 412
            ? 'STORE.PRECONDITION_FAILED'
            : status === 400
              ? 'STORE.REJECTED'
              : 'STORE.UNAVAILABLE';
  return new StoreError(code, list, id, { cause: e });
}
