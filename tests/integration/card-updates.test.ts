import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { createCloudAdapter } from '../../src/adapters/teams/bot-authentication';
import { ProactiveSender } from '../../src/adapters/teams/proactive-sender';
import { TeamsMessenger } from '../../src/adapters/teams/teams-messenger';
import { DELIVERY_FAILURES } from '../../src/app/delivery/delivery-failures';
import type { DeliveryFailure } from '../../src/app/delivery/delivery-failures';
import { text } from '../../src/app/reply';
import { systemClock } from '../../src/ports/clock';
import { systemTimer } from '../../src/ports/timer';
import { CardRenderer } from '../../src/presentation/card-renderer';
import { FakeConnector } from '../fixtures/fake-connector';
import { temporaryLocalConfig } from '../fixtures/local-config';
import { rememberChats } from '../fixtures/proactive-fixtures';
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';

let connector: FakeConnector;
beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
});
afterAll(async () => connector.stop());

describe('card updates in place (Messenger.update) go through the same paced sender', () => {
  it('12 updates of one card are paced under the conversation limits; a refused one (403) is recorded once, not thrown', async () => {
    const limits = new TeamsLimitEnforcer();
    connector.limits = limits;
    const store = new MemoryStore();
    await rememberChats(store, connector.url, [{ conversationId: 'channel-card' }, { conversationId: 'blocked-card' }]);
    const messenger = new TeamsMessenger(
      createCloudAdapter(temporaryLocalConfig()),
      '',
      store,
      new CardRenderer(),
      new ProactiveSender({ clock: systemClock, timer: systemTimer }),
      systemClock,
    );

    await Promise.all(
      Array.from({ length: 12 }, (_, i) => messenger.update('channel-card', 'activity-1', text(`progress ${i}`))),
    );
    expect(connector.updated).toHaveLength(12);
    expect(limits.count(429)).toBe(0);

    limits.forbidden.add('blocked-card');
    await messenger.update('blocked-card', 'activity-2', text('result'));
    await messenger.update('blocked-card', 'activity-2', text('result'));
    expect(limits.count(403)).toBe(2);
    const failures = await store.find<DeliveryFailure>(DELIVERY_FAILURES);
    expect(failures.map((f) => f.id)).toEqual(['update:blocked-card:activity-2']);
    expect(failures[0]?.value).toMatchObject({
      operation: 'update',
      message: 'result',
      conversationId: 'blocked-card',
    });
  }, 30_000);
});
