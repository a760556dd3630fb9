import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, TENANT } from '../fixtures/activities';
import { FakeConnector } from '../fixtures/fake-connector';
import { FakeTokenIssuer } from '../fixtures/fake-token-issuer';
import { compiledMain, freePort, packageRoot, startServer, type SpawnedServer } from '../fixtures/spawned-server';
import { Started } from '../fixtures/started';

const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';

/** A folder outside the checkout, as the working directory: assets must come from the package, not the cwd. */
function workFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'samrad-artefact-'));
  copyFileSync(join(packageRoot, 'config', 'organisation.yaml'), join(dir, 'organisation.yaml'));
  return {
    dir,
    settings: {
      SAMRAD_DB: join(dir, 'not-yet', 'samrad.db'),
      SAMRAD_ORGANISATION: join(dir, 'organisation.yaml'),
      SAMRAD_DOCUMENTS_DIR: join(dir, 'documents'),
    },
  };
}

const post = (url: string, activity: object, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });

it('npm run build produced the server', () => {
  expect(existsSync(compiledMain)).toBe(true);
});

describe('the compiled server in local mode', () => {
  const connector = new FakeConnector();
  const work = workFolder();
  const started = new Started();
  let server: SpawnedServer;
  beforeAll(async () => {
    started.add(connector, (c) => c.stop());
    await connector.start();
    server = await startServer({
      cwd: work.dir,
      env: { ...work.settings, PORT: String(await freePort()), SAMRAD_LOG_LEVEL: 'warn' },
    });
    started.add(server, (s) => s.stop());
  });
  afterAll(() => started.stopAll());

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
  });

  it('answers hjelp through the connector', async () => {
    const res = await post(server.url, message(connector.url, people.coordinator, 'hjelp'));
    expect(res.status).toBe(200);
    const replies = connector.sent.filter((a) => a.conversationId === `a:personal-${people.coordinator.id}`);
    expect(replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(replies)).toMatch(/Ingrid|koordinator|hjelp/i);
  });

  it('answers /healthz', async () => {
    const res = await fetch(server.url.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'local' });
  });

  it('refuses a malformed activity with 400', async () => {
    const res = await post(server.url, { type: 'message' });
    expect(res.status).toBe(400);
  });
});

describe('the compiled server in production mode', () => {
  const connector = new FakeConnector();
  const issuer = new FakeTokenIssuer();
  const work = workFolder();
  const started = new Started();
  let server: SpawnedServer;
  beforeAll(async () => {
    started.add(connector, (c) => c.stop());
    started.add(issuer, (i) => i.stop());
    await connector.start();
    await issuer.start();
    server = await startServer({
      cwd: work.dir,
      // Only the OpenID host names are routed (to the local issuer); the server's configuration is the default one.
      preload: join(packageRoot, 'tests', 'fixtures', 'offline-login.mjs'),
      env: {
        ...work.settings,
        SAMRAD_TEST_LOGIN_ORIGIN: issuer.origin,
        SAMRAD_MODE: 'production',
        SAMRAD_HOST: '127.0.0.1',
        PORT: String(await freePort()),
        MicrosoftAppId: APP,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppPassword: 'test-secret-not-real',
        SAMRAD_LOG_LEVEL: 'warn',
      },
    });
    started.add(server, (s) => s.stop());
  });
  afterAll(() => started.stopAll());

  it('refuses a request without a token with 401', async () => {
    const res = await post(server.url, message(connector.url, people.coordinator, 'hjelp'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });
  });

  it('refuses a forged token with 401', async () => {
    const forged = issuer.token(APP, connector.url, 'untrusted');
    expect(
      (
        await post(server.url, message(connector.url, people.coordinator, 'hjelp'), {
          authorization: `Bearer ${forged}`,
        })
      ).status,
    ).toBe(401);
  });

  it('accepts a locally signed token, fetching the keys from the default addresses, and runs the turn', async () => {
    const token = issuer.token(APP, connector.url);
    const res = await post(server.url, message(connector.url, people.coordinator, 'hjelp'), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(200);
    expect(issuer.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
    // The turn ran: the conversation is in the database. (The reply needs Entra ID, which stays unreachable.)
    const db = new Database(work.settings.SAMRAD_DB, { readonly: true });
    const rows = db.prepare("SELECT id FROM records WHERE list = 'conversations'").all() as { id: string }[];
    db.close();
    expect(rows.map((r) => r.id)).toEqual([`a:personal-${people.coordinator.id}`]);
  });

  it('answers /healthz in production mode', async () => {
    const res = await fetch(server.url.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'production' });
  });
});
