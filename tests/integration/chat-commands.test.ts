import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, TEAM_ID } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const { say } = chatWith(() => bot);

describe('chat commands over HTTP', () => {
  it('hjelp shows the coordinator the coordinator-only commands', async () => {
    const out = await say(people.coordinator, 'hjelp');
    expect(out).toContain('Hva Samråd kan gjøre for deg');
    expect(out).toContain('synkroniser');
    expect(out).toContain('last organisasjon');
    expect(out).toContain('koordinator');
  });

  it('help in English for a board member hides coordinator commands', async () => {
    const out = await say(people.boardMember, 'help', { kind: 'personal', locale: 'en-US' });
    expect(out).toContain('What Samråd can do for you');
    expect(out).toContain('board member');
    expect(out).not.toContain('reload organisation');
    expect(out).not.toContain('sync');
  });

  it('an English command in a Norwegian client answers in English', async () => {
    const out = await say(people.boardMember, 'municipalities');
    expect(out).toContain('The municipalities of');
  });

  it('kommuner lists all 21 municipalities with area and population', async () => {
    const out = await say(people.respondent, 'kommuner');
    expect(out).toContain('21 kommuner');
    for (const name of ['Bærum', 'Asker', 'Nore og Uvdal', 'Øvre Eiker', 'Flå']) expect(out).toContain(name);
    expect(out).toContain('Bærumsområdet, Drammensområdet'); // Asker is in two areas
  });

  it('styret lists the seven board seats and the deputy, chair first', async () => {
    const card = JSON.stringify((await say(people.respondent, 'styret'), bot.connector.cards()[0]));
    expect(card).toContain('Samarbeidsstyret');
    // Finding 10: the deputy is not counted as a member, and she is told whose deputy she is.
    expect(card).toContain('7 medlemmer og 1 vara');
    expect(card).not.toContain('8 medlemmer');
    expect(card.indexOf('Leder')).toBeLessThan(card.indexOf('Medlem'));
    expect(card).toContain('Vara for Ola Berg');
  });

  it('medlemmer <organ> finds bodies by alias, case and accents', async () => {
    await say(people.respondent, 'medlemmer osu');
    expect(bot.connector.cards()[0]?.body[0].text).toBe('Overordnet samarbeidsutvalg');
    await say(people.respondent, 'medlemmer lsu baerum');
    expect(bot.connector.cards()[0]?.body[0].text).toBe('LSU Bærum');
  });

  it('medlemmer with an unknown body names the bodies there are', async () => {
    const out = await say(people.respondent, 'medlemmer kommunestyret');
    expect(out).toContain('Jeg finner ikke noe organ som heter «kommunestyret»');
    expect(out).toContain('Samarbeidsstyret');
  });

  it('an unknown command gets the closest command as a suggestion', async () => {
    expect(await say(people.respondent, 'hjlep')).toContain('Mente du «hjelp»?');
    expect(await say(people.respondent, 'medlemer styret')).toContain('Mente du «medlemmer»?');
    expect(await say(people.respondent, 'xyzzy plugh')).toContain('Jeg forstår ikke «xyzzy plugh»');
  });

  it('a coordinator command from a respondent is refused politely, naming the role', async () => {
    const out = await say(people.respondent, 'synkroniser');
    expect(out).toContain('hører ikke til rollen din');
    expect(out).toContain('styremedlem');
  });

  it('an unregistered person is told that the coordinator must add them', async () => {
    const out = await say(people.stranger, 'hjelp');
    expect(out).toContain('Koordinatoren (Ingrid Haugen) må legge deg til');
    expect(out).not.toContain('Hva Samråd kan gjøre');
  });

  it('in a channel the @mention is stripped before parsing', async () => {
    const out = await say(people.boardMember, 'hjelp', { kind: 'channel' });
    expect(out).toContain('Hva Samråd kan gjøre for deg');
    expect(bot.connector.sent[0]?.conversationId).toBe(TEAM_ID);
  });

  it('in a group chat the bot answers too', async () => {
    expect(await say(people.boardMember, 'styret', { kind: 'groupChat' })).toContain('Samarbeidsstyret');
  });

  it('whoami shows seats and respondent duties', async () => {
    const out = await say(people.respondent, 'hvem er jeg');
    expect(out).toContain('Medlem i Samarbeidsstyret, for Gol');
    expect(out).toContain('Kontaktperson for Gol');
  });

  it('remembers every conversation it is spoken to in, for later proactive messages', async () => {
    await say(people.boardMember, 'hjelp', { kind: 'channel' });
    const conversations = await bot.samrad.store.find<{ kind: string; teamId?: string }>('conversations');
    const channel = conversations.find((c) => c.id === TEAM_ID);
    expect(channel?.value.kind).toBe('channel');
    expect(channel?.value.teamId).toBe(TEAM_ID);
  });

  it('does not rewrite a conversation on every message', async () => {
    const where = { kind: 'personal' as const, conversationId: 'a:quiet' };
    for (let i = 0; i < 3; i++) await say(people.respondent, 'hjelp', where);
    const stored = await bot.samrad.store.get('conversations', 'a:quiet');
    expect(stored?.etag).toBe('"1"');
  });
});
