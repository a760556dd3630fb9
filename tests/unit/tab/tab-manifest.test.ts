import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, manifestDir, type AppValues } from '../../../scripts/package-app';
import { entraTrust } from '../../../src/adapters/tab-api/entra-trust';
import { readConfig } from '../../../src/config';

const values: AppValues = {
  TEAMS_APP_ID: '0d7c1b6e-3f2a-4c5d-9e8f-112233445566',
  BOT_ID: '6a1f0c2b-8d4e-4b3a-a5c6-778899aabbcc',
  BOT_DOMAIN: 'samrad-test.azurewebsites.net',
  APP_VERSION: '1.2.3',
};
const manifest = JSON.parse(fillPlaceholders(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), values));

describe('the tab in the manifest', () => {
  it('declares the personal tab on the bot domain, and the configurable tab in team, group chat and meetings', () => {
    expect(manifest.staticTabs[0]).toMatchObject({
      entityId: 'mitt-arbeid',
      contentUrl: 'https://samrad-test.azurewebsites.net/tab/',
      scopes: ['personal'],
    });
    expect(manifest.configurableTabs[0].configurationUrl).toBe('https://samrad-test.azurewebsites.net/tab/config');
    expect(manifest.configurableTabs[0].scopes).toEqual(['team', 'groupChat']);
    expect(manifest.configurableTabs[0].context).toEqual(
      expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingStage']),
    );
    expect(manifest.validDomains).toContain('samrad-test.azurewebsites.net');
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({
      name: 'MeetingStage.Write.Chat',
      type: 'Delegated',
    });
  });

  it('asks Teams for an SSO token whose audience the server accepts', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: values.BOT_ID,
      resource: `api://${values.BOT_DOMAIN}/${values.BOT_ID}`,
    });
    const config = readConfig(
      {
        SAMRAD_MODE: 'production',
        MicrosoftAppId: values.BOT_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: '8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b',
        SAMRAD_PUBLIC_URL: `https://${values.BOT_DOMAIN}`,
      },
      '/nonexistent/.env',
    );
    const trust = entraTrust(config)!;
    expect(trust.audiences).toContain(manifest.webApplicationInfo.resource);
    expect(trust.audiences).toContain(values.BOT_ID);
    expect(trust.issuer).toBe('https://login.microsoftonline.com/8a1f7c3e-5b2d-4e6f-9a0b-1c2d3e4f5a6b/v2.0');
  });

  it('declares the bot for Microsoft 365 Copilot as a custom engine agent', () => {
    expect(manifest.copilotAgents.customEngineAgents).toEqual([{ type: 'bot', id: manifest.bots[0].botId }]);
    expect(manifest.bots[0].scopes).toContain('personal');
  });
});
