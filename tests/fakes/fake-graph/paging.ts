import { randomBytes } from 'node:crypto';
import { graphError } from './odata';
import type { FakeGraphResponse } from './route';

interface Cursor {
  /** The request's query without the token: a nextLink is only good for the query it came from. */
  readonly query: string;
  readonly path: string;
  readonly offset: number;
}

/**
 * Server-side cursors behind opaque `$skiptoken`s, as Graph's are: random, meaningless to the
 * client, good only for the request they were issued for. A client that builds its own token
 * (`$skiptoken=200`) or changes the query under one gets 400, so it must follow
 * `@odata.nextLink` exactly as given.
 */
export class OpaqueCursors {
  private readonly cursors = new Map<string, Cursor>();

  /** The token for the next page after `offset`. */
  issue(path: string, query: URLSearchParams, offset: number): string {
    const token = randomBytes(18).toString('base64url');
    this.cursors.set(token, { path, query: withoutToken(query), offset });
    return token;
  }

  /** The offset a request starts at, or the refusal of a token the fake did not issue for it. */
  offset(path: string, query: URLSearchParams): number | FakeGraphResponse {
    const token = query.get('$skiptoken');
    if (token === null) return 0;
    const cursor = this.cursors.get(token);
    if (cursor?.path !== path || cursor.query !== withoutToken(query))
      return graphError(400, 'invalidRequest', 'The $skiptoken is not valid for this request.');
    return cursor.offset;
  }
}

function withoutToken(query: URLSearchParams): string {
  const q = new URLSearchParams(query);
  q.delete('$skiptoken');
  q.sort();
  return q.toString();
}
