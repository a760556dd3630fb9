import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('SAMRAD_TEAMS_TENANT_RATE', () => {
  it('is 30 requests a second by default, the figure Teams documents per app and tenant', () => {
    expect(readConfig({}).teamsTenantRate).toBe(30);
    expect(readConfig({ SAMRAD_TEAMS_TENANT_RATE: ' ' }).teamsTenantRate).toBe(30);
  });

  it('takes a whole number from 1 to 50, and names the setting otherwise', () => {
    expect(readConfig({ SAMRAD_TEAMS_TENANT_RATE: '50' }).teamsTenantRate).toBe(50);
    for (const bad of ['0', '51', '12.5', 'fast'])
      expect(problemsOf({ SAMRAD_TEAMS_TENANT_RATE: bad })).toEqual([
        expect.stringMatching(/^SAMRAD_TEAMS_TENANT_RATE:/),
      ]);
  });
});
