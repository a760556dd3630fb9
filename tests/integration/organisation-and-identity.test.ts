import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installation, people, TEAM_ID } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const { say } = chatWith(() => bot);

describe('installation', () => {
  it('welcomes once per conversation, however many install events arrive', async () => {
    const where = { kind: 'groupChat' as const, conversationId: '19:install-test@thread.v2' };
    await bot.post(installation(bot.connector.url, people.boardMember, where));
    await bot.post({
      ...installation(bot.connector.url, people.boardMember, where),
      type: 'conversationUpdate',
      action: undefined,
      membersAdded: [{ id: '28:samrad' }],
    });
    await bot.post(installation(bot.connector.url, people.boardMember, where));
    const welcomes = bot.connector.cards().filter((c) => JSON.stringify(c).includes('Velkommen til Samråd'));
    expect(welcomes).toHaveLength(1);
    const stored = await bot.samrad.store.get<{ installed: boolean; kind: string }>(
      'conversations',
      where.conversationId,
    );
    expect(stored?.value).toMatchObject({ installed: true, kind: 'groupChat' });
  });

  it('marks an uninstalled conversation and welcomes again on reinstall', async () => {
    const where = { kind: 'personal' as const, conversationId: 'a:reinstall' };
    await bot.post(installation(bot.connector.url, people.respondent, where));
    await bot.post({ ...installation(bot.connector.url, people.respondent, where), action: 'remove' });
    expect((await bot.samrad.store.get<{ installed: boolean }>('conversations', 'a:reinstall'))?.value.installed).toBe(
      false,
    );
    await bot.post(installation(bot.connector.url, people.respondent, where));
    expect(bot.connector.cards().filter((c) => JSON.stringify(c).includes('Velkommen'))).toHaveLength(2);
  });
});

describe('reloading the organisation', () => {
  it('refuses a faulty file with the line at fault and keeps the old data', async () => {
    const good = readFileSync(bot.organisationFile, 'utf8');
    writeFileSync(
      bot.organisationFile,
      good.replace(
        '{ body: styret, role: member, municipality: "3324"',
        '{ body: styre, role: member, municipality: "3324"',
      ),
    );
    try {
      const out = await say(people.coordinator, 'last organisasjon');
      const line =
        good.split('\n').findIndex((l) => l.includes('{ body: styret, role: member, municipality: "3324"')) + 1;
      expect(out).toContain(`Linje ${line}`);
      expect(out).toContain('Organet «styre» finnes ikke under bodies');
      expect(await say(people.respondent, 'styret')).toContain('7 medlemmer og 1 vara');
    } finally {
      writeFileSync(bot.organisationFile, good);
    }
  });

  it('takes a good file into use at once and records who did it', async () => {
    const good = readFileSync(bot.organisationFile, 'utf8');
    writeFileSync(bot.organisationFile, good.replace('name: Ola Berg', 'name: Ola Bergstrøm'));
    try {
      expect(await say(people.coordinator, 'reload organisation')).toContain(
        'The organisation was read again: 21 municipalities',
      );
      expect(await say(people.respondent, 'styret')).toContain('Ola Bergstrøm');
      const audit = await bot.samrad.store.find<{ kind: string; memberId: string }>('auditLog', {
        kind: 'organisation.reloaded',
      });
      expect(audit.at(-1)?.value.memberId).toBe('ingrid-haugen');
    } finally {
      writeFileSync(bot.organisationFile, good);
      await say(people.coordinator, 'last organisasjon');
    }
  });

  it('is refused for anyone but the coordinator', async () => {
    expect(await say(people.boardMember, 'last organisasjon')).toContain('hører ikke til rollen din');
  });
});

describe('guests and roster synchronisation', () => {
  it('recognises a guest with an unknown object id by the address in their guest UPN, and links it', async () => {
    const conversationId = `a:personal-${people.guest.id}`;
    bot.connector.members.set(conversationId, [
      {
        id: people.guest.id,
        name: 'Siri Lie',
        aadObjectId: people.guest.aadObjectId,
        userPrincipalName: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
    ]);
    const out = await say(people.guest, 'hvem er jeg');
    expect(out).toContain('Medlem i Samarbeidsstyret, for Drammen');
    const link = await bot.samrad.store.get<{ memberId: string }>('identityLinks', people.guest.aadObjectId);
    expect(link?.value.memberId).toBe('siri-lie');
    // The second time the link answers: Teams is not asked again.
    await say(people.guest, 'hjelp');
    expect(bot.connector.memberCalls).toEqual([]);
  });

  it('tells an unregistered guest their identity so the coordinator can add them', async () => {
    bot.connector.members.set(`a:personal-${people.stranger.id}`, [
      {
        id: people.stranger.id,
        name: 'Ukjent Bruker',
        userPrincipalName: 'ukjent_lier.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
    ]);
    const out = await say(people.stranger, 'kommuner');
    expect(out).toContain('ukjent_lier.kommune.no#EXT#@samrad.onmicrosoft.com');
    expect(out).not.toContain('Kommunene i');
  });

  it('synkroniser pages through the team roster, links matches and reports both differences', async () => {
    bot.connector.pageSize = 2;
    bot.connector.members.set(TEAM_ID, [
      {
        id: '29:ingrid',
        name: 'Ingrid Haugen',
        aadObjectId: people.coordinator.aadObjectId,
        userPrincipalName: 'ingrid.haugen@baerum.kommune.no',
      },
      {
        id: '29:per',
        name: 'Per Dahl',
        aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
        userPrincipalName: 'per.dahl_kongsberg.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
      {
        id: '29:anne',
        name: 'Anne Moe',
        aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
        email: 'Anne.Moe@asker.kommune.no',
      },
      {
        id: '29:x',
        name: 'Fremmed Person',
        aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003',
        userPrincipalName: 'fremmed_example.org#EXT#@samrad.onmicrosoft.com',
      },
      { id: '29:y', name: 'Ekstern Konsulent', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000004' },
    ]);
    await say(people.coordinator, 'synkroniser', { kind: 'channel' });
    const card = JSON.stringify(bot.connector.cards()[0]);
    expect(card).toContain('5 personer i teamet, 3 av dem funnet i organisasjonen');
    expect(card).toMatch(/Koblet nå \(2\)[^\]]*Per Dahl[^\]]*Anne Moe/);
    expect(card).toContain('I teamet, men ikke i organisasjonen (2)');
    expect(card).toContain('Fremmed Person');
    expect(card).toContain('Jon Strand'); // in the organisation, not in the team
    expect(bot.connector.memberCalls.filter((c) => c.includes('pagedmembers'))).toHaveLength(3);
    expect(bot.connector.unexpected).toEqual([]);
    expect(
      (await bot.samrad.store.get<{ memberId: string }>('identityLinks', 'aaaaaaaa-0000-4000-8000-000000000001'))?.value
        .memberId,
    ).toBe('per-dahl');
    // Run again: nothing new to link.
    await say(people.coordinator, 'synkroniser', { kind: 'channel' });
    expect(JSON.stringify(bot.connector.cards()[0])).toContain('Koblet nå (0)');
  });

  it('synkroniser in a personal chat reads the roster of the team the bot is installed in', async () => {
    await bot.post(installation(bot.connector.url, people.coordinator, { kind: 'channel' }));
    await say(people.coordinator, 'sync');
    expect(JSON.stringify(bot.connector.cards()[0])).toContain('5 people in the team');
  });
});
