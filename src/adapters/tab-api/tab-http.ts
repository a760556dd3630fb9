import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small JSON bodies only: the largest form (a hearing response) is a few KB of text. */
export const MAX_TAB_BODY_BYTES = 64 * 1024;

export type ReadBody = { ok: true; value: Record<string, unknown> } | { ok: false };

export function readJsonBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_TAB_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', () => resolve({ ok: false }));
    req.on('end', () => {
      if (size > MAX_TAB_BODY_BYTES) {
        resolve({ ok: false });
        return;
      }
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        resolve(
          value && typeof value === 'object' && !Array.isArray(value)
            ? { ok: true, value: value as Record<string, unknown> }
            : { ok: false },
        );
      } catch {
        resolve({ ok: false });
      }
    });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export const isLoopback = (address: string | undefined): boolean =>
  address === '::1' ||
  address === '127.0.0.1' ||
  address?.startsWith('::ffff:127.') === true ||
  address?.startsWith('127.') === true;

/** The tab's language: what it says Teams uses (`Accept-Language` from the context), Norwegian otherwise. */
export const localeOf = (req: IncomingMessage): 'nb' | 'en' =>
  /^\s*en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'nb';

/**
 * Teams shows tabs in a frame on its own origins; the page may be framed there and by itself
 * (the local host), nowhere else. Styles inline because Fluent UI writes its CSS at run time.
 */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
];

export function pageHeaders(
  contentType: string,
  framedBy: readonly string[] = TAB_FRAME_ANCESTORS,
  frames = "'none'",
): Record<string, string> {
  return {
    'content-type': contentType,
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      `frame-src ${frames}`,
      `frame-ancestors ${framedBy.join(' ')}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  };
}
