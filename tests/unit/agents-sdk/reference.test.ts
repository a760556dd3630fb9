import { describe, expect, it } from 'vitest';
import { Activity } from '@microsoft/agents-activity';
import { asReference, storedReference } from '../../../src/adapters/agents-sdk/proactive-identity';

// One stored shape for both SDKs: the Bot Framework SDK's `bot`, never the Agents SDK's `agent`.
const turn = Activity.fromObject({
  type: 'message',
  id: 'activity-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/emea/',
  from: { id: '29:user', aadObjectId: 'aad-user' },
  recipient: { id: '28:bot', name: 'Samråd' },
  conversation: { id: 'a:chat', conversationType: 'personal', tenantId: 'tenant-1' },
});

describe('conversation references on the Agents SDK', () => {
  it('are stored with the bot as `bot`, without `agent` and without the activity id', () => {
    const stored = storedReference(turn.getConversationReference()) as Record<string, unknown>;
    expect(stored.bot).toEqual({ id: '28:bot', name: 'Samråd' });
    expect('agent' in stored).toBe(false);
    expect('activityId' in stored).toBe(false);
    expect(stored.conversation).toEqual({ id: 'a:chat', conversationType: 'personal', tenantId: 'tenant-1' });
  });

  it('read back with the bot as `agent`, whichever SDK stored them', () => {
    const written = storedReference(turn.getConversationReference());
    const byBotFramework = { ...written, bot: { id: '28:other' } };
    const byOldAgents = { ...written, bot: undefined, agent: { id: '28:old' } };
    expect(asReference(written).agent).toEqual({ id: '28:bot', name: 'Samråd' });
    expect(asReference(byBotFramework).agent).toEqual({ id: '28:other' });
    expect(asReference(byOldAgents).agent).toEqual({ id: '28:old' });
    expect('bot' in asReference(written)).toBe(false);
  });

  it('continue the same conversation the turn came from', () => {
    const continued = Activity.getContinuationActivity(asReference(storedReference(turn.getConversationReference())));
    expect(continued.recipient?.id).toBe('28:bot');
    expect(continued.conversation?.id).toBe('a:chat');
    expect(continued.serviceUrl).toBe('https://smba.example/emea/');
  });
});
