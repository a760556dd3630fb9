import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import {
  DELIVERY_FAILURES,
  describeMessage,
  recentDeliveryFailures,
  recordDeliveryFailure,
} from '../../../src/app/delivery/delivery-failures';
import type { DeliveryFailure } from '../../../src/app/delivery/delivery-failures';
import { card, text } from '../../../src/app/reply';

const failure = (at: string, message = 'vote-card'): DeliveryFailure => ({
  conversationId: 'a:personal-29:marit',
  conversationKind: 'personal',
  aadObjectId: 'marit-aad',
  message,
  operation: 'send',
  reason: 'blocked or uninstalled (403)',
  at,
});

describe('delivery failures', () => {
  it('are recorded once per id: the same refused job recorded again changes nothing', async () => {
    const store = new MemoryStore();
    expect(await recordDeliveryFailure(store, 'card:hearing-7:3301', failure('2026-11-20T08:00:00.000Z'))).toBe(true);
    expect(await recordDeliveryFailure(store, 'card:hearing-7:3301', failure('2026-11-20T09:00:00.000Z'))).toBe(false);
    const stored = await store.find<DeliveryFailure>(DELIVERY_FAILURES);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.value.at).toBe('2026-11-20T08:00:00.000Z');
  });

  it('are listed newest first, at most as many as asked', async () => {
    const store = new MemoryStore();
    await recordDeliveryFailure(store, 'one', failure('2026-11-20T08:00:00.000Z'));
    await recordDeliveryFailure(store, 'three', failure('2026-11-22T08:00:00.000Z'));
    await recordDeliveryFailure(store, 'two', failure('2026-11-21T08:00:00.000Z'));
    expect((await recentDeliveryFailures(store, 2)).map((f) => f.id)).toEqual(['three', 'two']);
  });

  it('name the message by its card template, or by the start of its text', () => {
    expect(describeMessage(card('vote', { title: 'x' }))).toBe('vote');
    expect(describeMessage(text('Du har ikke stemt\nennå'))).toBe('Du har ikke stemt ennå');
    expect(describeMessage(text('x'.repeat(300)))).toHaveLength(120);
    expect(describeMessage({ template: 'unknown' })).toBe('?');
  });
});
