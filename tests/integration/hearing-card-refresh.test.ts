import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cardAction, installation, message, people, TEAM_ID, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const channel = { kind: 'channel' as const };
let bot: BotUnderTest;
let id = '';

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => new Date('2026-11-23T10:00:00Z') }, timer: idleTimer });
  for (const p of [people.boardMember, people.respondent, eva]) await bot.post(installation(bot.connector.url, p));
  await bot.post(message(bot.connector.url, people.coordinator, 'hjelp', channel));
  const form = {
    lang: 'nb',
    title: 'Ny forskrift',
    issuer: 'Helsedirektoratet',
    externalDeadline: '2026-12-15',
    questions: 'Enig?',
  };
  const registered = (
    await bot.post(cardAction(bot.connector.url, people.coordinator, 'hearing.register', form, channel))
  ).body;
  id = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered)![1]!;
});
afterAll(async () => bot.stop());

const submit = async (from: Person, municipality: string) => {
  const data = {
    lang: 'nb',
    hearingId: id,
    version: 1,
    municipality,
    position: 'agree',
    'answer-0': `Enig, sier ${municipality}.`,
    text: '',
    links: '',
  };
  return (await bot.post(cardAction(bot.connector.url, from, 'hearing.submit', data))).body;
};

describe("the coordinator's card while answers arrive", () => {
  it('answers each respondent at once while the card update is held up, then shows the latest count in at most one more update', async () => {
    bot.connector.clear();
    bot.connector.holdUpdates = true; // as when Teams' pacing makes the channel's updates wait their turn
    expect(await submit(people.respondent, '3324')).toContain('Høringssvaret er sendt inn');
    await vi.waitFor(() => expect(bot.connector.heldCount).toBe(1));
    expect(await submit(people.boardMember, '3305')).toContain('Høringssvaret er sendt inn');
    expect(await submit(eva, '3310')).toContain('Høringssvaret er sendt inn');
    expect(bot.connector.heldCount).toBe(1); // the later answers join the refresh under way

    bot.connector.releaseUpdates();
    await vi.waitFor(() =>
      expect(JSON.stringify(bot.connector.updated.at(-1)?.activity)).toContain('3 av 21 har svart'),
    );
    expect(bot.connector.updated.map((u) => u.conversationId)).toEqual([TEAM_ID, TEAM_ID]);
    expect(JSON.stringify(bot.connector.updated[0]?.activity)).toContain('1 av 21 har svart');
  });
});
