import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import { parse } from 'yaml';
import type { Clock } from '../../ports/clock';
import type { LocalTokenIssuer } from './local-tab-token';
import type { StaticFiles } from './static-files-port';
import { pageHeaders, readJsonBody, sendJson } from './tab-http';

/** One of the playground's people (config/playground/<person>.yml): who the local host signs in as. */
export interface LocalPerson {
  readonly person: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly upn: string;
}

export function localPeople(dir: string): LocalPerson[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .flatMap((file) => {
      const doc = parse(readFileSync(join(dir, file), 'utf8')) as {
        currentUser?: { name?: string; aadObjectId?: string; userPrincipleName?: string };
      };
      const u = doc.currentUser;
      return u?.name && u.aadObjectId
        ? [
            {
              person: file.replace(/\.yml$/, ''),
              name: u.name,
              aadObjectId: u.aadObjectId,
              upn: u.userPrincipleName ?? '',
            },
          ]
        : [];
    });
}

type Guard = (
  h: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
) => (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Local mode only: `/tab-host/` plays Teams around the tab (an iframe, teams-js's host side),
 * and `/tab-host/token` hands out SSO-shaped tokens signed by this process's own key. The
 * composition builds it only without a tenant, so production has neither route nor key.
 */
export class LocalTabHost {
  constructor(
    private readonly issuer: LocalTokenIssuer,
    private readonly people: readonly LocalPerson[],
    private readonly clock: Clock,
  ) {}

  mount(server: restify.Server, guard: Guard, files: StaticFiles): void {
    server.get(
      '/tab-host/',
      guard(async (_req, res) => {
        const page = files.read('host.html');
        if (!page) {
          sendJson(res, 503, { error: 'tab not built: run npm run build' });
          return;
        }
        res.removeHeader('X-Frame-Options');
        res.writeHead(200, {
          ...pageHeaders('text/html; charset=utf-8', ["'none'"], "'self'"),
          'cache-control': 'no-cache',
        });
        res.end(page);
      }),
    );
    server.get(
      '/tab-host/people',
      guard(async (_req, res) =>
        sendJson(res, 200, {
          people: this.people.map(({ person, name }) => ({ person, name })),
          tenantId: this.issuer.tenantId,
        }),
      ),
    );
    server.post(
      '/tab-host/token',
      guard(async (req, res) => {
        const body = await readJsonBody(req);
        const who = body.ok ? this.people.find((p) => p.person === body.value.person) : undefined;
        if (!who) {
          sendJson(res, 400, { error: 'unknown person' });
          return;
        }
        sendJson(res, 200, {
          token: this.issuer.issue({ aadObjectId: who.aadObjectId, name: who.name, upn: who.upn }, this.clock.now()),
        });
      }),
    );
  }
}
