import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * `avlys møte` / `cancel meeting` picks like the other meeting commands (an id, "neste", title
 * words, or a choice among the coming meetings), and always asks before it cancels: cancelling
 * sends cancellations to everyone called and cannot be undone.
 */
let now = new Date('2026-11-23T10:00:00Z'); // Monday 23 November 2026, 11:00 in Oslo
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const chat = chatWith(() => bot);
const { press, buttons } = chat;
const say = (from: Person, text: string, locale = 'nb-NO') => chat.say(from, text, { kind: 'personal', locale });

interface Shown {
  body: { type: string; id?: string; value?: string; text?: string }[];
  actions?: { type: string; verb?: string; style?: string; data?: { meetingId?: string } }[];
}
const lastCard = () => bot.connector.cards().at(-1) as Shown;
const state = async (id: string) =>
  (await bot.samrad.store.get<{ state: string; cancelled?: { reason?: string } }>('meetings', id))?.value;
const cancellations = async () =>
  (await bot.samrad.store.find<{ kind: string }>('auditLog')).filter((e) => e.value.kind === 'meeting.cancelled');
const noticeJobs = async (id: string) =>
  (await bot.samrad.store.find<{ kind: string }>('jobs')).filter((j) => j.id.startsWith(`meeting-announce:${id}:`));

const meetings = { november: '', december: '', january: '' };
async function plan(title: string, date: string): Promise<string> {
  const created = await press(people.coordinator, 'meeting.create', {
    body: 'styret',
    title,
    date,
    startTime: '10:00',
    endTime: '12:00',
    online: 'true',
  });
  return /Møte \d\/\d{4} · ([A-Z0-9]{5})/.exec(created)![1]!;
}

describe('avlys møte: pick, don’t type, and always confirm', () => {
  it('plans three board meetings', async () => {
    meetings.november = await plan('Styremøte november', '2026-11-26');
    meetings.december = await plan('Styremøte desember', '2026-12-10');
    meetings.january = await plan('Styremøte januar', '2027-01-14');
  });

  it('a member is refused, typed or pressed, and nothing changes', async () => {
    expect(await say(people.boardMember, 'avlys møte')).toContain('«avlys møte» hører ikke til rollen din');
    expect(await say(people.respondent, `cancel meeting ${meetings.january}`, 'en-US')).toContain(
      '\\"cancel meeting\\" is not part of your role',
    );
    expect(
      await press(people.boardMember, 'meeting.cancel', { meetingId: meetings.january, reason: 'Kupp' }),
    ).toContain('Bare koordinatoren kan opprette og endre møter.');
    expect((await state(meetings.january))?.state).toBe('planned');
    expect(await cancellations()).toEqual([]);
  });

  it('nothing named: every coming meeting is offered, never just the next one', async () => {
    expect(await say(people.coordinator, 'avlys møte')).toContain('Hvilket møte vil du avlyse?');
    expect(buttons()).toEqual([
      `avlys møte ${meetings.november}`,
      `avlys møte ${meetings.december}`,
      `avlys møte ${meetings.january}`,
    ]);
    // A reason typed without a meeting rides on every choice.
    await say(people.coordinator, 'avlys møte Sykehuset har ikke saker');
    expect(buttons()[0]).toBe(`avlys møte ${meetings.november} Sykehuset har ikke saker`);
  });

  it('title words that fit two meetings are answered with a choice between them', async () => {
    expect(await say(people.coordinator, 'avlys møte styremøte Ingen saker')).toContain(
      'Flere kommende møter passer til «styremøte». Hvilket vil du avlyse?',
    );
    expect(buttons()).toEqual([
      `avlys møte ${meetings.november} Ingen saker`,
      `avlys møte ${meetings.december} Ingen saker`,
      `avlys møte ${meetings.january} Ingen saker`,
    ]);
    expect(await say(people.coordinator, 'cancel meeting styremote', 'en-US')).toContain(
      'Several coming meetings match \\"styremote\\". Which one do you want to cancel?',
    );
    expect(buttons()).toHaveLength(3);
    expect(buttons()[1]).toBe(`cancel meeting ${meetings.december}`);
  });

  it('an unknown id is said to be unknown, in the person’s language', async () => {
    expect(await say(people.coordinator, 'avlys møte ZZZZ9 Ingen saker')).toContain('Jeg finner ikke møtet ZZZZ9.');
    expect(await say(people.coordinator, 'cancel meeting ZZZZ9', 'en-US')).toContain("I can't find the meeting ZZZZ9.");
    expect(await cancellations()).toEqual([]);
  });

  it('one meeting named asks first, with the reason on the card to change; nothing is cancelled yet', async () => {
    const asked = await say(people.coordinator, 'avlys møte januar: Ingen saker');
    expect(asked).toContain('Styremøte januar');
    expect(asked).toContain('Vil du avlyse dette møtet?');
    expect(asked).toContain('Formøtet avlyses også.');
    const card = lastCard();
    expect(card.body.find((e) => e.id === 'reason')?.value).toBe('Ingen saker');
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'meeting.cancel',
        style: 'destructive',
        data: expect.objectContaining({ meetingId: meetings.january }),
      }),
    ]);
    expect((await state(meetings.january))?.state).toBe('planned');
    expect(await noticeJobs(meetings.january)).toHaveLength(1); // the notice of the planning only
  });

  it('typed in a channel, the card shows no one the button; Teams refreshes it into the coordinator’s view', async () => {
    const channel = { kind: 'channel' as const };
    expect(await chat.say(people.coordinator, `avlys møte ${meetings.january} Ingen saker`, channel)).toContain(
      'Bare koordinatoren kan avlyse møtet',
    );
    const shared = lastCard() as Shown & { refresh: { userIds: string[]; action: { verb: string } } };
    expect(shared.actions ?? []).toEqual([]);
    expect(shared.body.find((e) => e.id === 'reason')).toBeUndefined();
    expect(JSON.stringify(shared)).toContain('Grunn: Ingen saker');
    expect(shared.refresh).toMatchObject({ userIds: [people.coordinator.id], action: { verb: 'meeting.cancel-view' } });
    const data = { meetingId: meetings.january, reason: 'Ingen saker', lang: 'nb' };
    const own = await chat.pressForCard(people.coordinator, 'meeting.cancel-view', data, channel);
    expect(own).toContain('"verb":"meeting.cancel"');
    expect(own).toContain('"value":"Ingen saker"');
    const member = await chat.pressForCard(people.boardMember, 'meeting.cancel-view', data, channel);
    expect(member).not.toContain('"verb":"meeting.cancel"');
    expect((await state(meetings.january))?.state).toBe('planned');
  });

  it('the button cancels, once, even pressed twice at the same moment', async () => {
    const [first, second] = await Promise.all([
      press(people.coordinator, 'meeting.cancel', { meetingId: meetings.january, reason: 'Ingen saker', lang: 'nb' }),
      press(people.coordinator, 'meeting.cancel', { meetingId: meetings.january, reason: 'Ingen saker', lang: 'nb' }),
    ]);
    for (const answer of [first, second]) {
      expect(answer).toContain('Møtet og formøtet er avlyst');
      expect(answer).toContain('Møtet er avlyst.');
    }
    expect(await state(meetings.january)).toMatchObject({ state: 'cancelled', cancelled: { reason: 'Ingen saker' } });
    expect(await cancellations()).toHaveLength(1);
    expect(await noticeJobs(meetings.january)).toHaveLength(2); // planned, then cancelled: once
  });

  it('a cancelled meeting is no candidate, and named it says why', async () => {
    expect(await say(people.coordinator, 'avlys møte januar')).toContain('Møtet er avlyst.');
    await say(people.coordinator, 'avlys møte');
    expect(buttons()).toEqual([`avlys møte ${meetings.november}`, `avlys møte ${meetings.december}`]);
  });

  it('a reason too long for everyone’s chat comes back on the card, as typed', async () => {
    const long = 'Sykehuset har ikke saker. '.repeat(25).trim();
    const asked = await say(people.coordinator, `avlys møte ${meetings.december} ${long}`);
    expect(asked).toContain('Grunnen kan ha høyst 500 tegn');
    expect(lastCard().body.find((e) => e.id === 'reason')?.value).toBe(long);
    const pressed = await press(people.coordinator, 'meeting.cancel', { meetingId: meetings.december, reason: long });
    expect(pressed).toContain('Grunnen kan ha høyst 500 tegn');
    expect(pressed).toContain(long);
    expect((await state(meetings.december))?.state).toBe('planned');
  });

  it('a meeting that has begun is no candidate; one left is still asked about, in English too', async () => {
    now = new Date('2026-11-26T09:30:00Z'); // the November meeting began at 10:00 Oslo time
    expect(await say(people.coordinator, 'avlys møte november')).toContain(
      'Møtet har begynt og kan ikke lenger avlyses.',
    );
    // A confirmation card left from before is refused too, and keeps its reason.
    const late = await press(people.coordinator, 'meeting.cancel', { meetingId: meetings.november, reason: 'Syk' });
    expect(late).toContain('Møtet har begynt og kan ikke lenger avlyses.');
    expect((await state(meetings.november))?.state).toBe('planned');

    const asked = await say(people.coordinator, 'cancel meeting', 'en-US');
    expect(asked).toContain('Styremøte desember');
    expect(asked).toContain('Do you want to cancel this meeting?');
    expect(asked).toContain('Cancel the meeting');
    const done = await press(people.coordinator, 'meeting.cancel', {
      meetingId: meetings.december,
      reason: 'No business',
      lang: 'en',
    });
    expect(done).toContain('The meeting and its pre-meeting are cancelled.');
    expect(await say(people.coordinator, 'cancel meeting next', 'en-US')).toContain(
      'There are no coming meetings to cancel.',
    );
  });
});
