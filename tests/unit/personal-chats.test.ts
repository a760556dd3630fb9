import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { personalChats } from '../../src/app/personal-chats';
import type { Member } from '../../src/domain/member';

const member = (id: string, aadObjectId?: string): Member =>
  ({
    id,
    name: id,
    email: `${id}@kommune.no`,
    memberships: [],
    respondentFor: [],
    ...(aadObjectId && { aadObjectId }),
  }) as unknown as Member;

describe('personal chats for a fan-out', () => {
  it('finds a member by object id, a guest through their identity link, and reads the links once', async () => {
    const store = new MemoryStore();
    const chat = (id: string, aadObjectId: string) =>
      store.create('conversations', id, { kind: 'personal', installed: true, aadObjectId, reference: {}, updated: '' });
    await chat('a:ola', 'AAAA-0001');
    await chat('a:siri', 'bbbb-0002');
    await store.create('identityLinks', 'bbbb-0002', { memberId: 'siri-lie' });
    let linkReads = 0;
    const find = store.find.bind(store);
    store.find = async (list: string, where?: object) => {
      if (list === 'identityLinks') linkReads++;
      return find(list as never, where as never);
    };

    const chats = await personalChats(store);
    expect(await chats.of(member('ola-berg', 'aaaa-0001'))).toBe('a:ola'); // object ids compare without case
    expect(await chats.of(member('siri-lie'))).toBe('a:siri');
    expect(await chats.of(member('per-dahl'))).toBeUndefined();
    expect(await chats.of(member('jon-strand'))).toBeUndefined();
    expect(linkReads).toBe(1);
  });
});
