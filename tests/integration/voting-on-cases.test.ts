import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());

const deputy: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const chat = chatWith(() => bot);
const { say } = chat;
/** Votes are opened and cast from the board's channel. */
const press = (from: Person, verb: string, data: object) => chat.press(from, verb, data, { kind: 'channel' });
const caseRef = async (caseNumber: string) => {
  const form = await say(people.coordinator, 'avstemning');
  return new RegExp(`"title":"${caseNumber} [^"]*","value":"([^"]+)"`).exec(form)?.[1];
};
const voteId = (card: string) => /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(card)?.[1] ?? '';

describe('votes on agenda items', () => {
  beforeAll(async () => {
    meetingId = await planBoardMeetingWith(press);
    await say(people.boardMember, `meld forfall ${meetingId} Sykdom`);
  });

  it('the form offers the open cases; the vote takes the case title and number, and the deputy stands in for the absent member', async () => {
    const ref = await caseRef('2/2026');
    expect(ref).toBeDefined();
    const opened = await press(people.coordinator, 'vote.open', { case: ref, body: 'styret', quorum: 'none' });
    expect(opened).toContain('Handlingsplan 2027');
    expect(opened).toContain('sak 2/2026');
    const id = voteId(opened);
    // Ola reported absence: his seat's vote is cast by his deputy Eva, not by him.
    expect(await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' })).toContain(
      'Du har ikke stemmerett',
    );
    // Those yet to vote name the deputy who holds Ola's vote, not Ola (issue 16, finding 10).
    const waiting =
      /Har ikke stemt[^"]*/.exec(await press(people.respondent, 'vote.refresh', { voteId: id }))?.[0] ?? '';
    expect(waiting).toContain('Eva Nilsen (vara for Ola Berg)');
    expect(waiting).not.toMatch(/(^|[:,] )Ola Berg(,|$)/);
    expect(await press(deputy, 'vote.cast', { voteId: id, option: 'for' })).toContain('Du har stemt: For');
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'for' });
    const closed = await press(people.coordinator, 'vote.close', { voteId: id });
    expect(closed).toContain('Vedtatt');
    expect(closed).toContain('Ola Berg (Ringerike): For'); // the seat's vote, cast by the deputy
    // The case is decided and no longer offered; `stemmer 2/2026` finds the vote.
    expect(await say(people.respondent, `saksliste ${meetingId}`)).toMatch(/Handlingsplan 2027[^\]]*Avgjort/);
    expect(await caseRef('2/2026')).toBeUndefined();
    expect(await say(people.respondent, 'stemmer 2/2026')).toContain('Vedtatt');
  });

  it('a ballot on a case that has been withdrawn is refused and nothing is recorded', async () => {
    const opened = await press(people.coordinator, 'vote.open', { case: await caseRef('3/2026'), body: 'styret' });
    const id = voteId(opened);
    await say(people.coordinator, 'trekk sak 3/2026');
    expect(await press(people.respondent, 'vote.cast', { voteId: id, option: 'for' })).toContain('Saken er trukket');
    const box = await bot.samrad.store.get<{ ballots: unknown[] }>('ballotBoxes', id);
    expect(box?.value.ballots).toEqual([]);
    // and a withdrawn case cannot get a new vote
    const again = await press(people.coordinator, 'vote.open', { case: `${meetingId}|x`, body: 'styret' });
    expect(again).toContain('Saken finnes ikke');
  });
});
