import { ssoToken } from './teams';
import type { Locale } from './texts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every call carries the SSO token and the person's language; the server decides everything else. */
export async function api<T>(
  locale: Locale,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; etag?: string } = {},
): Promise<{ status: number; body?: T; etag?: string }> {
  const token = await ssoToken();
  const res = await fetch(`/tab/api/${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'accept-language': locale,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.etag && { 'if-none-match': init.etag }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  if (res.status === 304) return { status: 304 };
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string; notice?: string };
  // 422 is an answer, not a failure: the form was refused and says why, beside which field.
  if (!res.ok && res.status !== 422)
    throw new ApiError(res.status, body.error ?? String(res.status), body.message ?? body.notice ?? '');
  const etag = res.headers.get('etag');
  return { status: res.status, body, ...(etag && { etag }) };
}

export interface Outcome {
  readonly ok: boolean;
  readonly notice: string;
  readonly links?: { readonly docx: string; readonly csv: string };
  /** A refused form: the field the notice is about. */
  readonly field?: string;
}

/** A card action from the tab. The idempotency key makes a retried press count once. */
export const act = async (
  locale: Locale,
  verb: string,
  data: Record<string, unknown>,
  actionId: string = crypto.randomUUID(),
): Promise<Outcome> =>
  (await api<Outcome>(locale, `actions/${verb}`, { method: 'POST', body: { ...data, actionId } })).body!;

export const runCommand = async (locale: Locale, id: string, target: string): Promise<Outcome> =>
  (await api<Outcome>(locale, `commands/${id}`, { method: 'POST', body: { target } })).body!;
