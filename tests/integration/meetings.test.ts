import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const { say, press } = chatWith(() => bot);
const meeting = {
  body: 'styret',
  title: 'Styremøte desember',
  date: '2026-12-10',
  startTime: '10:00',
  endTime: '12:00',
  online: 'true',
};

describe('meetings and agendas', () => {
  it('nytt møte: the form creates a meeting, numbered per body and year, minutes approval first', async () => {
    expect(await say(people.coordinator, 'nytt møte Styremøte desember')).toContain('"verb":"meeting.create"');
    const created = await press(people.coordinator, 'meeting.create', meeting);
    expect(created).toContain('Samarbeidsstyret · Møte 1/2026');
    expect(created).toContain('torsdag 10. desember 2026 kl. 10.00–12.00');
    expect(created).toContain('Sak 1/2026');
    expect(created).toContain('Godkjenning av protokoll fra forrige møte');
    expect(created).not.toContain('"verb":"meeting.create"'); // the form became the meeting
  });

  it('refuses a meeting in the past, one that ends before it starts, and anyone but the coordinator', async () => {
    expect(await press(people.coordinator, 'meeting.create', { ...meeting, date: '2026-11-01' })).toContain('passert');
    expect(await press(people.coordinator, 'meeting.create', { ...meeting, endTime: '09:00' })).toContain(
      'slutte etter',
    );
    expect(await press(people.boardMember, 'meeting.create', meeting)).toContain('Bare koordinatoren');
    expect((await bot.samrad.store.find('meetings')).length).toBe(1);
  });

  it('ny sak adds cases with the next free numbers; trekk sak withdraws one and keeps its number', async () => {
    const [stored] = await bot.samrad.store.find<{ id: string }>('meetings');
    const id = stored!.id;
    expect(await say(people.coordinator, `ny sak ${id} Handlingsplan 2027`)).toContain('Handlingsplan 2027');
    const first = await press(people.coordinator, 'agenda.add', {
      meetingId: id,
      title: 'Handlingsplan 2027',
      proposal: 'Styret vedtar handlingsplanen.',
    });
    expect(first).toContain('Sak 2/2026');
    expect(first).toContain('Forslag til vedtak: Styret vedtar handlingsplanen.');
    const second = await press(people.coordinator, 'agenda.add', {
      meetingId: id,
      title: 'Budsjett 2027',
      inMeeting: 'true',
    });
    expect(second).toContain('Sak 3/2026');
    expect(second).toContain('formuleres i møtet');
    const empty = await press(people.coordinator, 'agenda.add', { meetingId: id, title: '' });
    expect(empty).toContain('Saken trenger en tittel');
    expect(await say(people.coordinator, 'trekk sak 3/2026')).toContain('Trukket');
    const agenda = await say(people.respondent, 'saksliste');
    expect(agenda).toContain('Sak 3/2026');
    expect(agenda).toContain('Trukket');
  });

  it('meld forfall records the absence and names the deputy who is called in', async () => {
    const out = await say(people.boardMember, 'meld forfall Sykdom i familien');
    expect(out).toContain('Varamedlem kalles inn: Eva Nilsen');
    expect(await say(people.boardMember, 'meld forfall')).toContain('Skriv grunnen');
    expect(await say(people.coordinator, 'meld forfall Ferie')).toContain('hører ikke til rollen din'); // no seat, no absence
  });

  it('møter lists the upcoming meetings', async () => {
    const out = await say(people.respondent, 'møter');
    expect(out).toContain('Styremøte desember');
    expect(out).toContain('10.12.2026 kl. 10.00');
  });
});
