import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * `meld forfall`, `avlys møte` and `ny sak` take a meeting, then free text. A colon (or quotes)
 * after the meeting's name says where the name ends; without one, part of a title at the front
 * of the text may be the text's own first words ("januar er travel"), so the person is asked.
 */
const now = new Date('2026-11-23T10:00:00Z'); // Monday 23 November 2026, 11:00 in Oslo
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
}
const lastCard = () => bot.connector.cards().at(-1) as Shown;
const field = (id: string) => lastCard().body.find((e) => e.id === id)?.value;
const absences = async () =>
  (await bot.samrad.store.find<{ meetingId: string; reason: string }>('absences')).map((a) => a.value);

const meetings = { december: '', january: '' };
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

describe('a colon between the meeting and the text', () => {
  it('plans two board meetings', async () => {
    meetings.december = await plan('Styremøte desember', '2026-12-10');
    meetings.january = await plan('Styremøte januar', '2027-01-14');
  });

  it('meld forfall: part of a title before the reason is asked about, and nothing is recorded', async () => {
    const asked = await say(people.respondent, 'meld forfall januar Syk');
    expect(asked).toContain(
      'Mener du møtet «januar», eller hører «januar» til grunn? Velg under. Skriv kolon etter møtet når du vil navngi det: «meld forfall januar: Syk».',
    );
    expect(buttons()).toEqual([`meld forfall ${meetings.january} Syk`, `meld forfall ${meetings.december} januar Syk`]);
    expect(asked).toContain('Styremøte januar, 14.01.2027 kl. 10.00 · grunn: Syk');
    expect(await absences()).toEqual([]);
  });

  it('meld forfall: a colon or quotes name the meeting; the answer says which', async () => {
    expect(await say(people.respondent, 'meld forfall januar: Syk')).toContain(
      'Forfallet ditt til «Styremøte januar» er registrert.',
    );
    expect(await absences()).toEqual([expect.objectContaining({ meetingId: meetings.january, reason: 'Syk' })]);
    expect(await say(people.respondent, 'meld forfall «desember» Kurs i Bergen')).toContain(
      'Forfallet ditt til «Styremøte desember» er registrert.',
    );
    expect((await absences()).find((a) => a.meetingId === meetings.december)?.reason).toBe('Kurs i Bergen');
  });

  it('meld forfall: a colon in a reason that names no meeting is the reason’s, for the next meeting', async () => {
    expect(await say(people.boardMember, 'meld forfall Syk: feber og hoste')).toContain('«Styremøte desember»');
    expect((await absences()).map((a) => a.reason)).toContain('Syk: feber og hoste');
    // A mistyped id before the colon is a mistyped id, not a reason.
    expect(await say(people.boardMember, 'meld forfall ZZZZ9: Syk')).toContain('Jeg finner ikke møtet ZZZZ9.');
  });

  it('report absence in English: the same question and the same colon', async () => {
    await say(people.boardMember, 'report absence januar Sick', 'en-US');
    expect(bot.connector.everything()).toContain(
      'Do you mean the meeting \\"januar\\", or is \\"januar\\" part of the reason? Choose below. Put a colon after the meeting to name it: \\"report absence januar: Sick\\".',
    );
    expect(await say(people.boardMember, 'report absence januar: Sick', 'en-US')).toContain(
      'Your absence from \\"Styremøte januar\\" is recorded.',
    );
  });

  it('avlys møte: a colon names the meeting; part of a title with a reason asks, offering every meeting', async () => {
    await say(people.coordinator, 'avlys møte januar: Ikke beslutningsdyktig');
    expect(JSON.stringify(lastCard())).toContain('Styremøte januar');
    expect(field('reason')).toBe('Ikke beslutningsdyktig');

    expect(await say(people.coordinator, 'avlys møte januar Ikke beslutningsdyktig')).toContain(
      'Mener du møtet «januar», eller hører «januar» til grunn?',
    );
    expect(buttons()).toEqual([
      `avlys møte ${meetings.january} Ikke beslutningsdyktig`,
      `avlys møte ${meetings.december} januar Ikke beslutningsdyktig`,
    ]);
    // A whole title before the reason is the meeting named on purpose.
    await say(people.coordinator, 'avlys møte styremøte januar Ikke beslutningsdyktig');
    expect(field('reason')).toBe('Ikke beslutningsdyktig');
    // A colon in a reason that names no meeting: every coming meeting, the reason on each button.
    expect(await say(people.coordinator, 'avlys møte Merk: sykehuset har ingen saker')).toContain(
      'Hvilket møte vil du avlyse?',
    );
    expect(buttons()[0]).toBe(`avlys møte ${meetings.december} Merk: sykehuset har ingen saker`);
    expect(await say(people.coordinator, 'cancel meeting januar: No quorum', 'en-US')).toContain('Styremøte januar');
    expect(field('reason')).toBe('No quorum');
  });

  it('ny sak: a colon names the meeting, a colon in a title is the title’s', async () => {
    const form = await say(people.coordinator, 'ny sak januar: Budsjett 2027');
    expect(form).toContain('Styremøte januar');
    expect(field('title')).toBe('Budsjett 2027');
    expect(await say(people.coordinator, 'ny sak januar Budsjett 2027')).toContain(
      'Mener du møtet «januar», eller hører «januar» til tittel?',
    );
    expect(buttons()).toEqual([
      `ny sak ${meetings.january} Budsjett 2027`,
      `ny sak ${meetings.december} januar Budsjett 2027`,
    ]);
    expect(await say(people.coordinator, 'ny sak Høring: regional plan for helse')).toContain('Styremøte desember');
    expect(field('title')).toBe('Høring: regional plan for helse');
    // What worked before still works: an id, "neste", title words with no text.
    expect(await say(people.coordinator, `ny sak ${meetings.january} Budsjett`)).toContain('Styremøte januar');
    expect(await say(people.coordinator, 'ny sak neste Budsjett')).toContain('Styremøte desember');
    expect(await say(people.coordinator, 'ny sak januar')).toContain('Styremøte januar');
  });

  it('help shows the colon, generated from the grammar (its brackets escaped for Markdown)', async () => {
    const help = await say(people.coordinator, 'hjelp');
    expect(help).toContain('avlys møte \\\\[møte:\\\\] \\\\[grunn\\\\]');
    expect(help).toContain('ny sak \\\\[møte:\\\\] \\\\[tittel\\\\]');
    expect(await say(people.respondent, 'hjelp')).toContain('meld forfall \\\\[møte:\\\\] \\\\[grunn\\\\]');
  });
});
