import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config';

const SITE = 'contoso.sharepoint.com,1,2';
const tenant = { SAMRAD_GRAPH_CREDENTIAL: 'managedIdentity', SAMRAD_SHAREPOINT_SITE_ID: SITE };
const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('SAMRAD_SHAREPOINT_LISTS', () => {
  it('is off unless set, and on turns the projection on for the tenant', () => {
    expect(readConfig(tenant).graph?.resultLists).toBeUndefined();
    expect(readConfig({ ...tenant, SAMRAD_SHAREPOINT_LISTS: 'off' }).graph?.resultLists).toBeUndefined();
    expect(readConfig({ ...tenant, SAMRAD_SHAREPOINT_LISTS: 'on' }).graph?.resultLists).toBe(true);
    expect(readConfig({ ...tenant, SAMRAD_SHAREPOINT_LISTS: 'true' }).graph?.resultLists).toBe(true);
  });

  it('refuses other words, and lists without a tenant, naming the setting', () => {
    expect(problems({ ...tenant, SAMRAD_SHAREPOINT_LISTS: 'yes' })).toEqual([
      expect.stringMatching(/^SAMRAD_SHAREPOINT_LISTS: on or off/),
    ]);
    expect(problems({ SAMRAD_SHAREPOINT_LISTS: 'on' })).toEqual([
      expect.stringMatching(/^SAMRAD_SHAREPOINT_LISTS: the lists are on a SharePoint site/),
    ]);
    expect(problems({ SAMRAD_SHAREPOINT_LISTS: 'off' })).toEqual([]);
  });
});
