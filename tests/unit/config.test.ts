import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';

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
    expect(problemsOf({ SAMRAD_MODE: 'production' }).map((p) => p.split(':')[0]).sort()).toEqual([
      'MicrosoftAppId',
      'MicrosoftAppTenantId',
      'MicrosoftAppType',
    ]);
  });

  it('needs a secret for a single-tenant bot and refuses one for a managed identity', () => {
    const base = { MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT };
    expect(problemsOf({ ...base, MicrosoftAppType: 'SingleTenant' })).toEqual([expect.stringMatching(/^MicrosoftAppPassword:/)]);
    expect(problemsOf({ ...base, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 's' })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword:/),
    ]);
    expect(problemsOf({ ...base, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's' })).toEqual([
      expect.stringMatching(/^MicrosoftAppType:/),
    ]);
  });

  it('accepts a complete production configuration, listening on all interfaces', () => {
    const config = readConfig({ MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT, MicrosoftAppType: 'UserAssignedMSI' });
    expect(config).toMatchObject({ mode: 'production', host: '0.0.0.0', bot: { appId: APP, tenantId: TENANT } });
  });

  it('refuses an app id in explicit local mode rather than silently dropping authentication', () => {
    expect(problemsOf({ SAMRAD_MODE: 'local', MicrosoftAppId: APP })).toEqual([expect.stringMatching(/^SAMRAD_MODE:/)]);
  });
});
