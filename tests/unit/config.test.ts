import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';
import { samradVersion } from '../../src/version';

const APP = '0b6d2a57-6c0e-4a50-9d0f-3d1c2b1a0f9e';
const TENANT = '8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b';
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('defaults to local mode on loopback with the embedded store', () => {
    expect(readConfig({})).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
      port: 3978,
      databaseFile: './data/samrad.db',
      defaultLocale: 'nb',
    });
    expect(readConfig({}).bot).toBeUndefined();
  });

  it('reads SAMRAD_DB and treats blank values as unset', () => {
    expect(readConfig({ SAMRAD_DB: '/tmp/x.db', PORT: '' }).databaseFile).toBe('/tmp/x.db');
  });

  it('names a malformed value', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT:/)]);
    expect(problemsOf({ SAMRAD_DEFAULT_LOCALE: 'de' })).toEqual([expect.stringMatching(/^SAMRAD_DEFAULT_LOCALE:/)]);
  });

  it('refuses to expose local mode beyond loopback', () => {
    expect(problemsOf({ SAMRAD_HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^SAMRAD_HOST: local mode/)]);
  });

  it('switches to production with an app id and names each missing production setting', () => {
    const problems = problemsOf({ MicrosoftAppId: APP });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['MicrosoftAppTenantId', 'MicrosoftAppType']);
    expect(
      problemsOf({ SAMRAD_MODE: 'production' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['MicrosoftAppId', 'MicrosoftAppTenantId', 'MicrosoftAppType']);
  });

  it('needs a secret for a single-tenant bot and refuses one for a managed identity', () => {
    const base = { MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT };
    expect(problemsOf({ ...base, MicrosoftAppType: 'SingleTenant' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword:/),
    ]);
    expect(problemsOf({ ...base, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 's' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword:/),
    ]);
    expect(problemsOf({ ...base, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's' })).toEqual([
      expect.stringMatching(/^MicrosoftAppType:/),
    ]);
  });

  it('accepts a complete production configuration, listening on all interfaces', () => {
    const config = readConfig({
      MicrosoftAppId: APP,
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppType: 'UserAssignedMSI',
    });
    expect(config).toMatchObject({ mode: 'production', host: '0.0.0.0', bot: { appId: APP, tenantId: TENANT } });
  });

  it('refuses an app id in explicit local mode rather than silently dropping authentication', () => {
    expect(problemsOf({ SAMRAD_MODE: 'local', MicrosoftAppId: APP })).toEqual([expect.stringMatching(/^SAMRAD_MODE:/)]);
  });
});

const SITE = 'contoso.sharepoint.com,2c7d1e3a-1111-4a4a-9b9b-123456789abc,3d8e2f4b-2222-4b5b-8c8c-23456789abcd';

describe('the graph section of the configuration', () => {
  it('is absent without a credential: SQLite and a local documents folder stay the default', () => {
    const config = readConfig({});
    expect(config.graph).toBeUndefined();
    expect(config.documentsDir).toBe('./data/documents');
  });

  it('reads a client-secret app with its site, library and organiser', () => {
    const config = readConfig({
      SAMRAD_GRAPH_CREDENTIAL: 'secret',
      SAMRAD_GRAPH_TENANT_ID: TENANT,
      SAMRAD_GRAPH_CLIENT_ID: APP,
      SAMRAD_GRAPH_CLIENT_SECRET: 's3cret',
      SAMRAD_SHAREPOINT_SITE_ID: SITE,
      SAMRAD_DOCUMENTS_DRIVE_ID: 'b!abc',
      SAMRAD_GRAPH_ORGANISER: 'moter@helsesamarbeid.no',
    });
    expect(config.graph).toEqual({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      credential: { kind: 'secret', tenantId: TENANT, clientId: APP, clientSecret: 's3cret' },
      siteId: SITE,
      documentsDriveId: 'b!abc',
      organiser: 'moter@helsesamarbeid.no',
    });
  });

  it('reads a certificate, a national cloud, and a managed identity with or without a client id', () => {
    expect(
      readConfig({
        SAMRAD_GRAPH_CREDENTIAL: 'certificate',
        SAMRAD_GRAPH_TENANT_ID: TENANT,
        SAMRAD_GRAPH_CLIENT_ID: APP,
        SAMRAD_GRAPH_CERTIFICATE_PATH: '/home/certs/samrad.pem',
        SAMRAD_GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0',
        SAMRAD_SHAREPOINT_SITE_ID: SITE,
      }).graph,
    ).toMatchObject({
      baseUrl: 'https://graph.microsoft.us/v1.0',
      credential: { kind: 'certificate', certificatePath: '/home/certs/samrad.pem' },
    });
    expect(
      readConfig({ SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity', SAMRAD_SHAREPOINT_SITE_ID: SITE }).graph?.credential,
    ).toEqual({ kind: 'managedIdentity' });
    expect(
      readConfig({
        SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
        SAMRAD_GRAPH_CLIENT_ID: APP,
        SAMRAD_SHAREPOINT_SITE_ID: SITE,
      }).graph?.credential,
    ).toEqual({ kind: 'managedIdentity', clientId: APP });
  });

  it('names every missing part of a credential', () => {
    expect(problemsOf({ SAMRAD_GRAPH_CREDENTIAL: 'secret' }).map((p) => p.split(':')[0])).toEqual([
      'SAMRAD_SHAREPOINT_SITE_ID',
      'SAMRAD_GRAPH_TENANT_ID',
      'SAMRAD_GRAPH_CLIENT_ID',
      'SAMRAD_GRAPH_CLIENT_SECRET',
    ]);
    expect(
      problemsOf({
        SAMRAD_GRAPH_CREDENTIAL: 'certificate',
        SAMRAD_GRAPH_TENANT_ID: TENANT,
        SAMRAD_GRAPH_CLIENT_ID: APP,
        SAMRAD_SHAREPOINT_SITE_ID: SITE,
      }),
    ).toEqual([
      expect.stringMatching(/^SAMRAD_GRAPH_CERTIFICATE_PATH: required with SAMRAD_GRAPH_CREDENTIAL=certificate/),
    ]);
  });

  it('refuses half a configuration and a secret for a managed identity', () => {
    expect(problemsOf({ SAMRAD_SHAREPOINT_SITE_ID: SITE })).toEqual([
      expect.stringMatching(/^SAMRAD_SHAREPOINT_SITE_ID: set SAMRAD_GRAPH_CREDENTIAL/),
    ]);
    expect(
      problemsOf({
        SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
        SAMRAD_SHAREPOINT_SITE_ID: SITE,
        SAMRAD_GRAPH_CLIENT_SECRET: 'x',
      }),
    ).toEqual([expect.stringMatching(/^SAMRAD_GRAPH_CLIENT_SECRET: a managed identity has no secret/)]);
    expect(
      problemsOf({
        SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
        SAMRAD_SHAREPOINT_SITE_ID: SITE,
        SAMRAD_GRAPH_ORGANISER: 'not a mailbox',
      }),
    ).toEqual([expect.stringMatching(/^SAMRAD_GRAPH_ORGANISER:/)]);
  });

  it('sends the version package.json has in the User-Agent', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(samradVersion).toBe(pkg.version);
  });

  it('reads Table Storage by endpoint and identity, and refuses an account key in production in one line', () => {
    expect(
      readConfig({ SAMRAD_TABLES_ENDPOINT: 'https://acct.table.core.windows.net', SAMRAD_TABLES_CLIENT_ID: APP })
        .tables,
    ).toEqual({
      endpoint: 'https://acct.table.core.windows.net',
      clientId: APP,
      table: 'SamradMachinery',
    });
    expect(readConfig({}).tables).toBeUndefined();
    const azurite = 'UseDevelopmentStorage=true';
    expect(readConfig({ SAMRAD_TABLES_CONNECTION_STRING: azurite }).tables).toEqual({
      connectionString: azurite,
      table: 'SamradMachinery',
    });
    const production = {
      SAMRAD_MODE: 'production',
      MicrosoftAppId: APP,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    };
    expect(problemsOf({ ...production, SAMRAD_TABLES_CONNECTION_STRING: azurite })).toEqual([
      expect.stringMatching(
        /^SAMRAD_TABLES_CONNECTION_STRING: account keys are refused in production; set SAMRAD_TABLES_ENDPOINT/,
      ),
    ]);
    expect(problemsOf({ SAMRAD_TABLES_CLIENT_ID: APP })).toEqual([
      expect.stringMatching(/^SAMRAD_TABLES_CLIENT_ID: set SAMRAD_TABLES_ENDPOINT too/),
    ]);
    expect(
      problemsOf({
        SAMRAD_TABLES_ENDPOINT: 'https://a.table.core.windows.net',
        SAMRAD_TABLES_CONNECTION_STRING: azurite,
      }),
    ).toEqual([expect.stringMatching(/^SAMRAD_TABLES_CONNECTION_STRING: .*not both/)]);
    expect(problemsOf({ SAMRAD_TABLES_TABLE: '1bad' })).toEqual([expect.stringMatching(/^SAMRAD_TABLES_TABLE:/)]);
  });
});
