import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../fixtures/activities';
import { planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

/** Editing and reordering cases: documents and a responsible person, a stale form, the standing item. */
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
const { say } = chat;
/** Every press here answers with a card. */
const press = chat.pressForCard;
const version = async () => (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))!.value.version;

describe('editing and reordering the agenda', () => {
  beforeAll(async () => {
    meetingId = await planBoardMeetingWith(press, [
      {
        title: 'Handlingsplan 2027',
        proposal: 'Vedtas.',
        documents: 'Saksframlegg | https://samarbeid.sharepoint.com/saker/2.pdf',
        responsible: 'ola-berg',
      },
      { title: 'Budsjett 2027', proposal: 'Vedtas.' },
    ]);
  });

  it("a meeting after every member's term says that no one is called, and lists those who are otherwise", async () => {
    const later = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte januar',
      date: '2029-01-11',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    expect(later).toContain('Ingen sitter i organet på møtedatoen');
    const agenda = await say(people.coordinator, `saksliste ${meetingId}`);
    expect(agenda).toContain('Leder, Ringerike');
    expect(agenda).not.toContain('Ingen sitter i organet');
  });

  it('a case carries document links and a responsible person onto the notice', async () => {
    const agenda = await say(people.coordinator, `saksliste ${meetingId}`);
    // The link is shown as its address, so its title cannot disguise where it leads.
    expect(agenda).toContain(
      'Saksframlegg ([https://samarbeid.sharepoint.com/saker/2.pdf](https://samarbeid.sharepoint.com/saker/2.pdf))',
    );
    expect(agenda).toContain('Ansvarlig: Ola Berg');
  });

  it('a link that is not a web address is refused and the form comes back as written', async () => {
    const refused = await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Rusplan',
      proposal: 'Vedtas.',
      documents: 'file://C:/rusplan.docx',
    });
    expect(refused).toContain('Ny sak til møte');
    expect(refused).toContain('file://C:/rusplan.docx');
    expect(refused).toContain('"value":"Rusplan"');
    expect((await bot.samrad.store.get<{ agenda: unknown[] }>('meetings', meetingId))!.value.agenda).toHaveLength(3);
  });

  it('endre sak opens the form as the case stands, and saving changes it in place', async () => {
    const form = await say(people.coordinator, 'endre sak 2/2026');
    expect(form).toContain('Endre sak 2/2026');
    expect(form).toContain('Handlingsplan 2027');
    expect(form).toContain('"verb":"agenda.edit"');
    const itemId = /"itemId":"([^"]+)"/.exec(form)![1]!;
    const saved = await press(people.coordinator, 'agenda.edit', {
      meetingId,
      itemId,
      version: await version(),
      title: 'Handlingsplan 2027–2028',
      proposal: 'Styret vedtar planen.',
    });
    expect(saved).toContain('Handlingsplan 2027–2028');
    expect(saved).toContain('Sak 2/2026');
    expect(await say(people.coordinator, 'endre sak 1/2026')).toContain(
      'Protokollgodkjenningen kan ikke trekkes eller endres.',
    );
  });

  it('flytt sak puts a case in another place, never before the minutes', async () => {
    const moved = await say(people.coordinator, `flytt sak 3/2026 2`);
    expect(moved).toContain('Sak 3/2026 er nå nummer 2 på sakslisten.');
    expect(moved.indexOf('Budsjett 2027')).toBeLessThan(moved.indexOf('Handlingsplan 2027–2028'));
    expect(await say(people.coordinator, `flytt sak 3/2026 1`)).toContain('Godkjenning av protokoll');
    // The grammar's refusal: what is missing, what was understood, the usage.
    expect(await say(people.coordinator, `flytt sak 3/2026`)).toContain(
      'Det mangler plass. Jeg forstod: saksnummer eller tittel «3/2026». Skriv slik: «flytt sak [saksnummer eller tittel] <plass>».',
    );
    expect(await say(people.respondent, `flytt sak 3/2026 3`)).toContain('hører ikke til rollen din');
  });
});
