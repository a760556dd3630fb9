import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, people, TEAM_ID, type Person } from '../fixtures/activities';
import { planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * A board meeting from plan to cancellation, with the scheduler driven by hand: the formøte
 * and both calendar events, invitations in personal chats, the notice in the board's channel
 * kept up to date, input cards at the lead time, a reminder only to those who owe an answer,
 * the summary at the deadline, then a move and a cancellation that everyone called hears of
 * once. Every pass of the runner is run twice to show nothing is sent twice.
 */
let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const channel = { kind: 'channel' as const };

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  for (const p of [people.coordinator, people.boardMember, people.respondent, eva])
    await bot.post(installation(bot.connector.url, p));
});
afterAll(async () => bot.stop());

const { say, press } = chatWith(() => bot);
/** Runs what is due, twice: the second pass must find nothing left to send. */
async function runJobs(at: string): Promise<void> {
  now = new Date(at);
  bot.connector.clear();
  for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
  const before = bot.connector.sent.length;
  await bot.samrad.jobs.runDue(now);
  expect(bot.connector.sent.length).toBe(before);
  expectValidCards(bot.connector.cards());
}
const to = (person: Person) =>
  bot.connector.sent
    .filter((s) => s.conversationId === `a:personal-${person.id}`)
    .map((s) => JSON.stringify(s.activity));

describe('a board meeting announced, asked for input, moved and cancelled', () => {
  it('the board gets a channel; only a coordinator, only in a channel', async () => {
    expect(await say(people.coordinator, 'knytt kanal styret')).toContain('Skriv dette i kanalen');
    expect(await say(people.respondent, 'knytt kanal styret', channel)).toContain('hører ikke til rollen din');
    expect(await say(people.coordinator, 'knytt kanal styret', channel)).toContain(
      'Denne kanalen hører nå til Samarbeidsstyret',
    );
  });

  it('planning the meeting makes a formøte, two calendar events, invitations and the notice', async () => {
    meetingId = await planBoardMeetingWith(press, []);
    await runJobs('2026-11-23T10:00:00Z');
    const events = (
      await bot.samrad.store.find<{ idempotencyKey: string; event: { start: string; attendees: { email: string }[] } }>(
        'calendarEvents',
        {},
      )
    ).map((e) => e.value);
    expect(events.map((e) => `${e.idempotencyKey} ${e.event.start}`).sort()).toEqual([
      `meeting:${meetingId} 2026-12-10T09:00:00.000Z`,
      `pre-meeting:${meetingId} 2026-12-10T07:00:00.000Z`,
    ]);
    expect(events.find((e) => e.idempotencyKey.startsWith('meeting:'))!.event.attendees).toHaveLength(7);
    // Ola and Marit sit on the board and have a chat with the bot; Ingrid and Eva are not called.
    expect(to(people.boardMember)).toHaveLength(1);
    expect(to(people.boardMember)[0]).toContain('Ola Berg, du er innkalt til dette møtet.');
    expect(to(people.boardMember)[0]).toContain('Formøte');
    expect(to(people.boardMember)[0]).toMatch(/\/calendar\/ev-[0-9a-f]{32}\.ics/);
    expect(to(people.respondent)).toHaveLength(1);
    expect(to(people.coordinator)).toHaveLength(0);
    expect(to(eva)).toHaveLength(0);
    const notice = bot.connector.sent.filter((s) => s.conversationId === TEAM_ID);
    expect(notice).toHaveLength(1);
    expect(JSON.stringify(notice[0]!.activity)).toContain('Innkalt');
    expect(JSON.stringify(notice[0]!.activity)).toContain('Leder, Ringerike');
  });

  it('a new case updates the notice in place and invites nobody again', async () => {
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Handlingsplan 2027',
      proposal: 'Styret vedtar handlingsplanen.',
    });
    await runJobs('2026-11-23T10:05:00Z');
    expect(bot.connector.sent).toHaveLength(0);
    expect(bot.connector.updated.map((u) => u.conversationId)).toContain(TEAM_ID);
    expect(JSON.stringify(bot.connector.updated.at(-1)!.activity)).toContain('Handlingsplan 2027');
  });

  it('report of absence tells the coordinator and calls the deputy', async () => {
    await say(people.boardMember, `meld forfall ${meetingId} Kurs`);
    await runJobs('2026-11-24T08:00:00Z');
    expect(to(people.coordinator).join()).toContain('Ola Berg har meldt forfall til «Styremøte»');
    expect(to(eva).join()).toContain('Eva Nilsen, du er kalt inn som vara for Ola Berg');
  });

  it('the input cards go out at the lead time, to respondents only', async () => {
    await runJobs('2026-12-03T07:00:00Z');
    expect(to(people.respondent).join()).toContain('Innspill fra Gol');
    expect(to(eva).join()).toContain('Innspill fra Hole');
    expect(to(people.boardMember).join()).toContain('Innspill fra Ringerike');
    expect(to(people.coordinator)).toHaveLength(0);
  });

  it('the reminder goes only to municipalities that have not submitted', async () => {
    const version = (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))!.value.version;
    expect(
      await press(people.respondent, 'input.submit', {
        meetingId,
        version,
        municipality: '3324',
        'position-0': 'support',
      }),
    ).toContain('Svaret er sendt inn');
    await runJobs('2026-12-06T07:00:00Z');
    expect(to(people.respondent)).toHaveLength(0);
    expect(to(eva).join()).toContain('Påminnelse: Hole har ikke sendt inn innspill');
  });

  it('the summary is posted to the board channel at the deadline', async () => {
    await runJobs('2026-12-09T07:00:00Z');
    const posted = bot.connector.sent
      .filter((s) => s.conversationId === TEAM_ID)
      .map((s) => JSON.stringify(s.activity));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('1 av 21 kommuner har svart');
  });

  it('moving the meeting moves the formøte and the events, and tells those called once', async () => {
    now = new Date('2026-12-09T08:00:00Z');
    const answer = await say(people.coordinator, `flytt møte ${meetingId} 2026-12-11 13:00`);
    expect(answer).toContain('Møtet er flyttet');
    expect(answer).toContain('fredag 11. desember 2026 kl. 11.00–12.00'); // the formøte, moved with it
    await runJobs('2026-12-09T08:00:00Z');
    const pre = await bot.samrad.store.get<{ start: string; end: string }>('preMeetings', meetingId);
    expect(pre?.value).toMatchObject({ start: '2026-12-11T10:00:00.000Z', end: '2026-12-11T11:00:00.000Z' });
    const main = (
      await bot.samrad.store.find<{ idempotencyKey: string; sequence: number; event: { end: string } }>(
        'calendarEvents',
        {},
      )
    ).find((e) => e.value.idempotencyKey === `meeting:${meetingId}`);
    expect(main?.value).toMatchObject({ sequence: 1, event: { end: '2026-12-11T14:00:00.000Z' } });
    expect(to(people.respondent)).toHaveLength(1);
    expect(to(people.respondent)[0]).toContain('møtet er flyttet');
    expect(to(people.respondent)[0]).toContain('11. desember 2026');
  });

  it('cancelling asks first, then tells everyone called and cancels both events', async () => {
    // The one coming meeting is offered, not taken: cancelling sends cancellations.
    const asked = await say(people.coordinator, 'avlys møte');
    expect(asked).toContain('Vil du avlyse dette møtet?');
    expect(asked).toContain('Formøtet avlyses også.');
    expect(bot.connector.sent).toHaveLength(1);
    expect(await say(people.coordinator, `avlys møte ${meetingId} Sykehuset har ikke saker`)).toContain(
      'Sykehuset har ikke saker',
    );
    const cancelled = await press(people.coordinator, 'meeting.cancel', {
      meetingId,
      reason: 'Sykehuset har ikke saker',
    });
    expect(cancelled).toContain('Møtet og formøtet er avlyst');
    await runJobs('2026-12-09T09:00:00Z');
    const events = (await bot.samrad.store.find<{ status: string }>('calendarEvents', {})).map((e) => e.value.status);
    expect(events).toEqual(['cancelled', 'cancelled']);
    expect(to(people.respondent).join()).toContain('møtet er avlyst');
    expect(await say(people.coordinator, `avlys møte ${meetingId}`)).toContain('Møtet er avlyst.');
  });
});
