import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../../../src/adapters/teams/connector-refusals';
import { withoutSdkRetries } from '../../../src/adapters/teams/connector-retries';
import { connectorStatus, retryAfterMs } from '../../../src/adapters/teams/proactive-sender';
import { FakeConnector } from '../../fixtures/fake-connector';
import type { PermanentRefusal } from '../../fixtures/teams-limit-enforcer';
import { TeamsLimitEnforcer } from '../../fixtures/teams-limit-enforcer';

/** The fake's own clock: each limit is shown biting at the documented count, not one later. */
function enforcer() {
  let now = 1_000_000;
  const teams = new TeamsLimitEnforcer(
    () => now,
    () => 0,
  );
  return { teams, advance: (ms: number) => (now += ms) };
}

/** Sends `n` to the conversation at the current moment; returns the statuses answered. */
const burst = (teams: TeamsLimitEnforcer, conversationId: string, n: number) =>
  Array.from({ length: n }, () => teams.answer(conversationId)?.status ?? 200);

describe('the fake connector holds Teams to its documented limits', () => {
  it('per conversation 7 a second: the 8th in the same second is refused 429 with Retry-After', () => {
    const { teams } = enforcer();
    expect(burst(teams, 'a', 8)).toEqual([...Array(7).fill(200), 429]);
    expect(teams.answer('a')?.headers).toEqual({ 'retry-after': '1' });
  });

  it('per conversation 8 in 2 s: a 9th a second later is refused', () => {
    const { teams, advance } = enforcer();
    burst(teams, 'a', 7);
    advance(1_000);
    expect(burst(teams, 'a', 2)).toEqual([200, 429]);
    advance(1_000);
    expect(burst(teams, 'a', 1)).toEqual([200]);
  });

  it('per conversation 60 in 30 s: the 61st is refused though every shorter window has room', () => {
    const { teams, advance } = enforcer();
    let accepted = 0;
    for (let i = 0; i < 60; i++) {
      expect(teams.answer('a')).toBeUndefined();
      accepted++;
      advance(400); // 60 requests over 24 s: 2.5 a second, under 7/s and 8/2 s
    }
    expect(accepted).toBe(60);
    const refused = teams.answer('a');
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers?.['retry-after'])).toBeGreaterThanOrEqual(6); // until the first leaves the 30 s window
  });

  it('per conversation 1,800 an hour: the 1,801st is refused though the 30 s window has room', () => {
    const { teams, advance } = enforcer();
    for (let i = 0; i < 1_800; i++) {
      expect(teams.answer('a')).toBeUndefined();
      advance(1_000); // one a second: 30 in any 30 s
    }
    expect(teams.answer('a')?.status).toBe(429);
    advance(1_800_000);
    expect(teams.answer('a')).toBeUndefined();
  });

  it('per tenant 30 a second across conversations: the 31st conversation is refused', () => {
    const { teams, advance } = enforcer();
    const statuses = Array.from({ length: 31 }, (_, i) => teams.answer(`c-${i}`)?.status ?? 200);
    expect(statuses).toEqual([...Array(30).fill(200), 429]);
    advance(1_000);
    expect(teams.answer('c-31')).toBeUndefined();
  });

  it('a message over 28 KB is refused 413 MessageSizeTooBig; one at the limit is accepted', () => {
    const { teams } = enforcer();
    expect(teams.answer('a', 28 * 1024)).toBeUndefined();
    expect(teams.answer('a', 28 * 1024 + 1)).toMatchObject({
      status: 413,
      body: { error: { code: 'MessageSizeTooBig' } },
    });
  });

  it('a 429 can come without Retry-After, or with an HTTP date', () => {
    const { teams } = enforcer();
    teams.fault = { status: 429, share: 1, retryAfter: null };
    expect(teams.answer('a')).toEqual({
      status: 429,
      body: { error: { code: 'TooManyRequests', message: 'injected' } },
    });
    teams.fault = { status: 429, share: 1, retryAfter: 'Fri, 20 Nov 2026 08:00:04 GMT' };
    expect(teams.answer('a')?.headers).toEqual({ 'retry-after': 'Fri, 20 Nov 2026 08:00:04 GMT' });
  });
});

describe('the fake connector answers as Teams does, and the SDK reports it so', () => {
  const connector = new FakeConnector();
  let client: ConnectorClient;
  beforeAll(async () => {
    client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: await connector.start() });
    expect(withoutSdkRetries(client)).toBe(true); // as the product runs it: one HTTP answer per call
  });
  afterAll(() => connector.stop());

  const refusedFor = async (code: PermanentRefusal) => {
    const teams = new TeamsLimitEnforcer();
    teams.refused.set('conv', code);
    connector.limits = teams;
    const error = await client.conversations
      .sendToConversation('conv', { type: 'message', text: 'x' })
      .catch((e: unknown) => e);
    return refusalOf(error);
  };

  it.each([
    ['ConversationBlockedByUser', 403, 'blocked-by-user'],
    ['BotNotInConversationRoster', 403, 'bot-removed'],
    ['BotDisabledByAdmin', 403, 'disabled-by-admin'],
    ['ConversationNotFound', 404, 'not-found'],
    ['MessageSizeTooBig', 413, 'too-large'],
  ] as const)('%s: %i, which the sender takes as %s', async (code, status, kind) => {
    expect(await refusedFor(code)).toEqual({ kind, status, code });
  });

  it('a message too large over HTTP: 413, nothing recorded as sent', async () => {
    connector.limits = new TeamsLimitEnforcer();
    connector.clear();
    const error = await client.conversations
      .sendToConversation('conv', { type: 'message', text: 'x'.repeat(30_000) })
      .catch((e: unknown) => e);
    expect(refusalOf(error)).toMatchObject({ kind: 'too-large', status: 413 });
    expect(connector.sent).toEqual([]);
  });

  it('a 429 without Retry-After and a 503 are temporary: no refusal, the status readable, no wait given', async () => {
    const teams = new TeamsLimitEnforcer();
    connector.limits = teams;
    teams.fault = { status: 429, share: 1, retryAfter: null };
    const throttled = await client.conversations
      .sendToConversation('conv', { type: 'message', text: 'x' })
      .catch((e: unknown) => e);
    expect([refusalOf(throttled), connectorStatus(throttled), retryAfterMs(throttled, Date.now())]).toEqual([
      undefined,
      429,
      undefined,
    ]);
    teams.fault = { status: 503, share: 1 };
    const down = await client.conversations
      .sendToConversation('conv', { type: 'message', text: 'x' })
      .catch((e: unknown) => e);
    expect([refusalOf(down), connectorStatus(down)]).toEqual([undefined, 503]);
  });
});
