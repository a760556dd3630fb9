import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people } from '../fixtures/activities';
import { FakeConnector } from '../fixtures/fake-connector';
import { loadedAtAll, loadedByProduct, MODULE_TRACE_PRELOAD, readModuleTrace } from '../fixtures/module-trace';
import type { ModuleTrace } from '../fixtures/module-trace';
import { freePort, packageRoot, startServer } from '../fixtures/spawned-server';

/**
 * Issue 13: local mode (the embedded store, no Microsoft 365) loads no Graph or Azure
 * identity modules. The compiled server is started with a preload that records every
 * require, answers one `hjelp`, and is stopped; the list is read after it exits.
 */
describe('the compiled server in local mode, by the modules it loads', () => {
  const connector = new FakeConnector();
  const dir = mkdtempSync(join(tmpdir(), 'samrad-modules-'));
  const traceFile = join(dir, 'modules.json');
  let trace: ModuleTrace | undefined;

  beforeAll(async () => {
    await connector.start();
    copyFileSync(join(packageRoot, 'config', 'organisation.yaml'), join(dir, 'organisation.yaml'));
    const server = await startServer({
      cwd: dir,
      preload: MODULE_TRACE_PRELOAD,
      env: {
        SAMRAD_DB: join(dir, 'samrad.db'),
        SAMRAD_ORGANISATION: join(dir, 'organisation.yaml'),
        SAMRAD_DOCUMENTS_DIR: join(dir, 'documents'),
        SAMRAD_TEST_MODULE_TRACE: traceFile,
        SAMRAD_LOG_LEVEL: 'warn',
        PORT: String(await freePort()),
      },
    });
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(connector.url, people.coordinator, 'hjelp')),
      });
      expect(res.status).toBe(200);
    } finally {
      await server.stop();
    }
    trace = readModuleTrace(traceFile);
  });
  afterAll(async () => {
    await connector.stop();
  });

  it('recorded what it loaded, including the bot framework it answered with', () => {
    expect(trace).toBeDefined();
    expect(trace!.loads.some((l) => l.request === 'botbuilder')).toBe(true);
    expect(connector.sent.length).toBeGreaterThan(0);
  });

  // src/tenant-services.ts imports the Graph and Table Storage adapters with `await import()`,
  // only when the config names a tenant or Table Storage.
  it('loads no Microsoft Graph client, from anyone', () => {
    expect(loadedAtAll(trace!, ['@microsoft/microsoft-graph-client'])).toEqual([]);
  });

  // The SDK itself (botframework-connector's jwtTokenProviderFactory) also requires
  // @azure/identity, as a bare echo bot does; that is outside Samråd's code and not what this checks.
  it("asks for no Graph or Azure identity module from Samråd's own code", () => {
    expect(loadedByProduct(trace!)).toEqual([]);
  });
});
