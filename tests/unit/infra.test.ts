import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { settingsSchema } from '../../src/settings';

const root = join(__dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

/** Bicep without `//` comments; a `//` inside a quoted string (a URL) stays. */
const stripComments = (text: string) =>
  text
    .split('\n')
    .map((line) => {
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === "'") quoted = !quoted;
        else if (!quoted && line.startsWith('//', i)) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');

const bicep = stripComments(read('infra', 'main.bicep'));

/** The text between `<key>: [` and its matching `]`. */
function arrayBody(text: string, key: string): string {
  const start = text.search(new RegExp(`\\b${key}:\\s*\\[`));
  expect(start, `${key} not found in main.bicep`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf('[', start);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`${key}: no closing bracket`);
}

/** A top-level property's literal string value, e.g. healthCheckPath: '/healthz'. */
const literal = (key: string) => new RegExp(`\\b${key}:\\s*'([^']*)'`).exec(bicep)?.[1];

const paramDefaults = new Map(
  [...bicep.matchAll(/^param\s+(\w+)\s+\w+\s*=\s*'([^'$]*)'/gm)].map((m) => [m[1]!, m[2]!]),
);
const PLACEHOLDER_GUID = '00000000-0000-4000-8000-000000000000';
/** Variables built from strings, with what only Azure knows (`${...}`) stubbed. */
const varValues = new Map(
  [...bicep.matchAll(/^var\s+(\w+)\s*=\s*'([^']*)'/gm)].map((m) => [
    m[1]!,
    m[2]!.replace(/\$\{[^}]+\}/g, 'placeholder'),
  ]),
);

interface Setting {
  readonly name: string;
  readonly expression: string;
  /** The literal, a parameter's default, or a placeholder GUID for what only Azure knows. */
  readonly value: string;
}

const settings: Setting[] = [...arrayBody(bicep, 'appSettings').matchAll(/\{([^{}]*)\}/g)].map((m) => {
  const name = /\bname:\s*'([^']*)'/.exec(m[1]!)?.[1];
  const expression = /\bvalue:\s*(.+)/.exec(m[1]!)?.[1]?.trim();
  if (!name || !expression) throw new Error(`an appSettings entry without name or value: ${m[0]}`);
  const quoted = /^'([^'$]*)'$/.exec(expression)?.[1];
  return {
    name,
    expression,
    value: quoted ?? paramDefaults.get(expression) ?? varValues.get(expression) ?? PLACEHOLDER_GUID,
  };
});
const env = Object.fromEntries(settings.map((s) => [s.name, s.value]));
const settingKeys = Object.keys(settingsSchema.shape);
// Read by App Service's deployment build, not by the server.
const platformSettings = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_NODE_DEFAULT_VERSION'];

describe('infra/main.bicep app settings', () => {
  it('are parsed, each name once', () => {
    expect(settings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(settings.map((s) => s.name)).size).toBe(settings.length);
  });

  it('name only settings the server reads (or the platform does)', () => {
    const unknown = settings
      .map((s) => s.name)
      .filter((n) => !settingKeys.includes(n) && !platformSettings.includes(n));
    expect(unknown).toEqual([]);
  });

  it('include every setting production requires, as settingsSchema says', () => {
    // What a bare production environment lacks is, by the schema's own account, required.
    const bare = settingsSchema.safeParse({ SAMRAD_MODE: 'production' });
    const required = bare.success ? [] : [...new Set(bare.error.issues.map((i) => String(i.path[0])))];
    expect(required).toEqual(expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId']));
    expect(required.filter((k) => !(k in env))).toEqual([]);
  });

  it('start the server in production mode with a managed identity', () => {
    const config = readConfig(env);
    expect(config.mode).toBe('production');
    expect(env.SAMRAD_MODE).toBe('production');
    expect(config.bot).toEqual({ appId: PLACEHOLDER_GUID, appType: 'UserAssignedMSI', tenantId: PLACEHOLDER_GUID });
  });

  it('keep the database and the organisation file on the persistent /home share', () => {
    const config = readConfig(env);
    expect(config.databaseFile).toBe('/home/data/samrad.db');
    expect(config.organisationFile).toMatch(/^\/home\//);
  });

  it('take the bot id from the managed identity, not from a secret', () => {
    expect(settings.find((s) => s.name === 'MicrosoftAppId')?.expression).toBe('identity.properties.clientId');
    // The link secret and ballot key come only as Key Vault references, never as values.
    const secretLike = settings.filter((s) => /password|secret|key|token/i.test(s.name));
    expect(secretLike.map((s) => s.name).sort()).toEqual(['SAMRAD_BALLOT_KEY', 'SAMRAD_LINK_SECRET']);
    for (const s of secretLike) expect(s.value).toMatch(/^@Microsoft\.KeyVault\(VaultName=[^;]+;SecretName=[\w-]+\)$/);
    expect(bicep).not.toMatch(/MicrosoftAppPassword'/);
    expect(bicep).not.toMatch(/@secure\(\)/);
  });
});

describe('infra/main.bicep resources', () => {
  it('run a supported Node LTS (22) on Linux, always on, HTTPS only, started by npm run serve', () => {
    expect(literal('linuxFxVersion')).toBe('NODE|22-lts');
    // Node 22 is in maintenance until April 2027; 20 ended on 2026-04-30 and stays for build machines only.
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/>=22\.\d+/);
    expect(engines).toMatch(/>=20\.\d+ <21/);
    expect(bicep).toMatch(/\balwaysOn:\s*true\b/);
    expect(bicep).toMatch(/\bhttpsOnly:\s*true\b/);
    expect(bicep).toMatch(/\breserved:\s*true\b/);
    expect(literal('appCommandLine')).toBe('npm run serve');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.serve).toBeDefined();
  });

  it('probe /healthz, which the server answers', () => {
    expect(literal('healthCheckPath')).toBe('/healthz');
    expect(read('src', 'adapters', 'teams', 'http-server.ts')).toContain("'/healthz'");
  });

  it('register an Azure Bot on a user-assigned identity, pointing at /api/messages, with the Teams channel', () => {
    expect(literal('endpoint')).toMatch(/^https:\/\/.+\/api\/messages$/);
    expect(bicep).toMatch(/resource \w+ 'Microsoft\.BotService\/botServices@[\d-]+' = \{[^]*?kind: 'azurebot'/);
    expect(literal('msaAppType')).toBe('UserAssignedMSI');
    expect(bicep).toMatch(/\bmsaAppMSIResourceId:\s*identity\.id\b/);
    expect(bicep).toMatch(/\bmsaAppTenantId:\s*\w+/);
    expect(bicep).toMatch(/'Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
    expect(literal('channelName')).toBe('MsTeamsChannel');
  });

  it('main.parameters.json sets only declared parameters and no secrets', () => {
    const file = JSON.parse(read('infra', 'main.parameters.json')) as { parameters: Record<string, unknown> };
    const declared = [...bicep.matchAll(/^param\s+(\w+)/gm)].map((m) => m[1]);
    const names = Object.keys(file.parameters);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !declared.includes(n))).toEqual([]);
    expect(names.filter((n) => /password|secret|key|token/i.test(n))).toEqual([]);
  });

  it("give links in cards the app's public https address", () => {
    expect(settings.find((x) => x.name === 'SAMRAD_PUBLIC_URL')?.value).toBe('https://placeholder.azurewebsites.net');
  });
});

describe('infra/main.bicep and Table Storage', () => {
  it("adds a storage account without shared keys, and the identity's table data role, only for several instances", () => {
    expect(bicep).toMatch(/^param instanceCount int = 1$/m);
    expect(bicep).toMatch(
      /resource storage 'Microsoft\.Storage\/storageAccounts@[\d-]+' = if \(severalInstances\) \{[^]*?allowSharedKeyAccess: false/,
    );
    expect(bicep).toMatch(/var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
    expect(bicep).toMatch(
      /resource tableRole '[^']+' = if \(severalInstances\) \{[^]*?principalId: identity\.properties\.principalId/,
    );
    expect(bicep).toMatch(/\.\.\.\(severalInstances\s*\?\s*\[\s*\{\s*name: 'SAMRAD_TABLES_ENDPOINT'/);
  });

  it('with the Table settings, the server signs in to Table Storage as the identity (no connection string)', () => {
    expect(env.SAMRAD_TABLES_CONNECTION_STRING).toBeUndefined();
    expect(readConfig(env).tables).toEqual({
      endpoint: 'https://placeholder.table.placeholder',
      clientId: PLACEHOLDER_GUID,
      table: 'SamradMachinery',
    });
  });
});

describe('infra/main.bicep and Microsoft Graph', () => {
  const graphKeys = settingKeys.filter((k) => /^SAMRAD_(GRAPH|SHAREPOINT|DOCUMENTS)_/.test(k));
  // The template signs in as the managed identity: a secret or a certificate file has no place in it.
  const notForTheTemplate = ['SAMRAD_GRAPH_CLIENT_SECRET', 'SAMRAD_GRAPH_CERTIFICATE_PATH'];

  it('sets every Graph setting the server reads, except a secret or certificate', () => {
    expect(graphKeys.length).toBeGreaterThanOrEqual(8);
    expect(graphKeys.filter((k) => !notForTheTemplate.includes(k) && !(k in env))).toEqual([]);
    expect(notForTheTemplate.filter((k) => k in env)).toEqual([]);
  });

  it("keeps SQLite by default, and with a site given signs in to Graph as the bot's own identity", () => {
    expect(readConfig(env).graph).toBeUndefined();
    expect(settings.find((s) => s.name === 'SAMRAD_GRAPH_CLIENT_ID')?.expression).toBe('identity.properties.clientId');
    const withSite = readConfig({
      ...env,
      SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity',
      SAMRAD_SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,a,b',
    });
    expect(withSite.graph).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      credential: { kind: 'managedIdentity', clientId: PLACEHOLDER_GUID },
      siteId: 'contoso.sharepoint.com,a,b',
    });
    expect(withSite.documentsDir).toBe('/home/data/documents');
  });
});
