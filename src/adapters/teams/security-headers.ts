import type { ServerResponse } from 'node:http';

/*
 * Headers for everything the server answers, and stricter ones for files. The files carry
 * names, addresses and positions taken by public bodies, so: no content sniffing (a .md or
 * .csv is never run as HTML), nothing may frame or script them, no shared cache keeps them,
 * and a link followed from one leaks no signed URL to the next site through the Referer.
 */

/** For every response, the JSON of /healthz and /api/messages and restify's own errors too. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/** For downloads and .ics files: personal, so private and not stored; opened in a sandbox if at all. */
export const FILE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox",
  'Cache-Control': 'private, no-store',
};

/** Sets the base headers before any route runs; a route's own headers may add to them. */
export function setBaseSecurityHeaders(res: Pick<ServerResponse, 'setHeader'>): void {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * `attachment` with a name safe in any browser: the ASCII fallback keeps letters, digits, dot,
 * dash and underscore, and `filename*` (RFC 6266 / 8187) carries the name as written.
 */
export function attachmentDisposition(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // A file name carries no control characters (C0 and DEL: Unicode's Cc short of C1) nor a quote into a header.
  const cleaned = base.replace(/"|(?![\u0080-\u009f])\p{Cc}/gu, '').trim() || 'fil';
  const ascii =
    cleaned
      .replace(/[øØæÆ]/g, (c) => ({ ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae' })[c] ?? c)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\w.-]+/g, '_')
      .replace(/^\.+/, '') || 'fil';
  const encoded = encodeURIComponent(cleaned).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The name a Content-Disposition gives: `filename*` when there, else `filename`. */
function nameIn(disposition: string): string | undefined {
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A broken escape: fall back to the plain name, which is cleaned all the same.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1];
}

/**
 * A file's headers as served: the file's own type and eTag, the strict file headers over
 * anything weaker it set, and its attachment name made safe.
 */
export function fileHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-disposition') {
      out['Content-Disposition'] = attachmentDisposition(nameIn(value) ?? '');
    } else if (!Object.keys(FILE_SECURITY_HEADERS).some((k) => k.toLowerCase() === lower)) out[name] = value;
  }
  return { ...out, ...FILE_SECURITY_HEADERS };
}
