import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * `flytt sak` / `move case` picks the case as `trekk sak` and `endre sak` do (a number, title
 * words, or nothing: a choice), and the place follows it. Moving is undone by moving again, so
 * one candidate is taken without asking.
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

interface Agenda {
  agenda: { title: string; caseNumber: { number: number; year: number } }[];
}
const order = async (id: string) =>
  (await bot.samrad.store.get<Agenda>('meetings', id))?.value.agenda.map((i) => i.title);

async function plan(title: string, date: string, cases: readonly string[]): Promise<string> {
  const created = await press(people.coordinator, 'meeting.create', {
    body: 'styret',
    title,
    date,
    startTime: '10:00',
    endTime: '12:00',
    online: 'true',
  });
  const id = /Møte \d\/\d{4} · ([A-Z0-9]{5})/.exec(created)![1]!;
  for (const caseTitle of cases)
    await press(people.coordinator, 'agenda.add', { meetingId: id, title: caseTitle, proposal: 'Vedtas.', lang: 'nb' });
  return id;
}

describe('flytt sak: pick the case, then the place', () => {
  const meetings = { december: '', january: '' };

  it('plans two board meetings with cases', async () => {
    meetings.december = await plan('Styremøte desember', '2026-12-10', [
      'Handlingsplan legevakt 2027',
      'Budsjett 2027',
    ]);
    meetings.january = await plan('Styremøte januar', '2027-01-14', ['Rapport samhandling']);
    expect((await order(meetings.december))?.slice(1)).toEqual(['Handlingsplan legevakt 2027', 'Budsjett 2027']);
  });

  it('title words that fit one case take it, and the answer names the case and the meeting', async () => {
    const moved = await say(people.coordinator, 'flytt sak budsjett 2');
    expect(moved).toContain('Sak 3/2026 er nå nummer 2 på sakslisten.');
    expect(moved).toContain('Styremøte desember');
    expect((await order(meetings.december))?.slice(1)).toEqual(['Budsjett 2027', 'Handlingsplan legevakt 2027']);
    // A title with a number in it: the place is the last word.
    await say(people.coordinator, 'flytt sak handlingsplan legevakt 2027 2');
    expect((await order(meetings.december))?.slice(1)).toEqual(['Handlingsplan legevakt 2027', 'Budsjett 2027']);
  });

  it('nothing named, or words that fit several, offer the open cases with the place on each button', async () => {
    expect(await say(people.coordinator, 'flytt sak 2')).toContain('Hvilken sak mener du?');
    expect(buttons()).toEqual(['flytt sak 2/2026 2', 'flytt sak 3/2026 2', 'flytt sak 2/2027 2']);
    expect(await say(people.coordinator, 'flytt sak 2027 3')).toContain('Flere saker passer til «2027».');
    expect(buttons()).toEqual(['flytt sak 2/2026 3', 'flytt sak 3/2026 3']);
    expect(await say(people.coordinator, 'move case 2', 'en-US')).toContain('Which case do you mean?');
    expect(buttons()).toEqual(['move case 2/2026 2', 'move case 3/2026 2', 'move case 2/2027 2']);
  });

  it('a case number still works; English too', async () => {
    expect(await say(people.coordinator, 'flytt sak 3/2026 2')).toContain('Sak 3/2026 er nå nummer 2 på sakslisten.');
    expect(await say(people.coordinator, 'move case budget 3', 'en-US')).toContain("I can't find a case budget.");
    expect(await say(people.coordinator, 'move case 2/2026 2', 'en-US')).toContain(
      'Case 2/2026 is now number 2 on the agenda.',
    );
  });

  it('wrong inputs are answered clearly, and nothing moves', async () => {
    const before = await order(meetings.december);
    const jobs = (await bot.samrad.store.find('jobs')).length;
    expect(await say(people.coordinator, 'flytt sak 2/2026 2')).toContain(
      'Sak 2/2026 står allerede som nummer 2 på sakslisten.',
    );
    expect(await say(people.coordinator, 'move case 2/2026 2', 'en-US')).toContain(
      'Case 2/2026 is already number 2 on the agenda.',
    );
    expect((await bot.samrad.store.find('jobs')).length).toBe(jobs); // no notice update for nothing
    expect(await say(people.coordinator, 'flytt sak kaffe 2')).toContain('Jeg finner ingen sak kaffe.');
    expect(await say(people.coordinator, 'flytt sak 9/2026 2')).toContain('Jeg finner ingen sak 9/2026.');
    // A place the agenda does not have: how many places there are.
    expect(await say(people.coordinator, 'flytt sak budsjett 7')).toContain(
      'Sakslisten til «Styremøte desember» har 3 plasser. Velg en plass fra 2 til 3; godkjenning av protokollen står alltid først.',
    );
    expect(await say(people.coordinator, 'move case Budsjett 7', 'en-US')).toContain(
      'The agenda of \\"Styremøte desember\\" has 3 places. Choose a place from 2 to 3; approval of the minutes always comes first.',
    );
    expect(await say(people.coordinator, 'flytt sak budsjett')).toContain('Det mangler plass.');
    expect(await say(people.respondent, 'flytt sak budsjett 2')).toContain('hører ikke til rollen din');
    expect(await order(meetings.december)).toEqual(before);
  });

  it('a case in a meeting that has begun is not moved: the meeting decides its order', async () => {
    now = new Date('2026-12-10T09:30:00Z'); // 10:30 in Oslo, the December meeting has begun
    const before = await order(meetings.december);
    expect(await say(people.coordinator, 'flytt sak 3/2026 2')).toContain(
      '«Styremøte desember» har begynt. Endringer i rekkefølgen på sakslisten vedtas i møtet og føres i protokollen.',
    );
    expect(await say(people.coordinator, 'move case 3/2026 2', 'en-US')).toContain(
      '\\"Styremøte desember\\" has begun. A change to the order of the agenda is decided in the meeting and recorded in the minutes.',
    );
    expect(await order(meetings.december)).toEqual(before);
    // Only January's case is left to pick, so it is taken (it is already second).
    expect(await say(people.coordinator, 'flytt sak 2')).toContain(
      'Sak 2/2027 står allerede som nummer 2 på sakslisten.',
    );
  });
});
