import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/meeting';
import { choose, chooseNth, pickDate, pickTime, press } from './fixtures/card-helpers';
import type { PlaygroundSession } from './fixtures/playground-session';
import { cardText, playgroundSuite } from './fixtures/playground-suite';
import { quietJobs } from './fixtures/quiet-jobs';

/**
 * The secretariat's main loop in the Agents Playground: the coordinator plans a board meeting
 * with two cases and asks for input; Gol and Drammen answer differently; the summary shows
 * both positions, who diverges, and who has not answered. Each person has their own
 * playground session while the bot keeps running.
 */
const suite = playgroundSuite('meeting');
const as = (person: string) => suite.as(person);
const text = cardText;
let meetingId = '';

async function addCase(s: PlaygroundSession, title: string, proposal: string): Promise<void> {
  await s.say(`ny sak ${meetingId} ${title}`);
  const form = s.card(`Ny sak til møte ${meetingId}`);
  await form.waitFor();
  await form.getByRole('textbox', { name: /^Forslag til vedtak/ }).fill(proposal);
  await press(form, 'Legg til saken');
  await s
    .card(new RegExp(title))
    .filter({ hasNot: s.page.getByRole('button', { name: 'Legg til saken' }) })
    .last()
    .waitFor();
}

async function answer(person: string, municipality: string, positions: [string, string], input: string): Promise<void> {
  const s = await as(person);
  await s.say(`gi innspill ${meetingId}`);
  const card = s.card(`Innspill fra ${municipality}`);
  await card.waitFor();
  await chooseNth(card, 'Standpunkt', 0, positions[0]);
  await chooseNth(card, 'Standpunkt', 1, positions[1]);
  await card
    .getByRole('textbox', { name: /^Innspill/ })
    .nth(1)
    .fill(input);
  await s.screenshot(`input-${municipality.toLowerCase()}`);
  await press(card, 'Send inn');
  await s.card(/Svaret er sendt inn/).waitFor();
}

describe('a board meeting in the Agents Playground: two cases, two municipalities answer differently', () => {
  it('the coordinator plans the meeting in the form', async () => {
    const s = await as('coordinator');
    await s.say('nytt møte');
    const form = s.card('Nytt møte');
    await form.waitFor();
    await choose(form, 'Organ', 'Samarbeidsstyret');
    await form.getByRole('textbox', { name: /^Tittel/ }).fill('Styremøte desember');
    await pickDate(form, 1, 15);
    await pickTime(form, 0, '10:00 AM');
    await pickTime(form, 1, '12:00 PM');
    await form.getByRole('textbox', { name: /^Sted/ }).fill('Drammen sykehus, møterom 3');
    await s.screenshot('meeting-form');
    await press(form, 'Opprett møtet');

    const card = s.card(/Samarbeidsstyret · Møte \d+\/\d{4} · [A-Z0-9]{5}/);
    await card.waitFor();
    meetingId = /· ([A-Z0-9]{5})/.exec(await text(card))?.[1] ?? '';
    expect(meetingId).toMatch(/^[A-Z0-9]{5}$/);
    await expect(text(card)).resolves.toContain('Styremøte desember');
    await expect(text(card)).resolves.not.toContain('Opprett møtet');
    const stored = await suite.samrad().store.get<Meeting>('meetings', meetingId);
    expect(stored?.value).toMatchObject({
      bodyId: 'styret',
      title: 'Styremøte desember',
      place: 'Drammen sykehus, møterom 3',
    });
  });

  it('adds two cases and asks every municipality for input', async () => {
    const s = await as('coordinator');
    await addCase(s, 'Handlingsplan 2027', 'Handlingsplanen vedtas.');
    await addCase(s, 'Felles rutine for utskrivning', 'Rutinen tas i bruk fra 1. mars.');
    await s.say(`saksliste ${meetingId}`);
    const agenda = s.card(/Styremøte desember/).last();
    await agenda.waitFor();
    await expect(text(agenda)).resolves.toMatch(/Handlingsplan 2027.*Felles rutine for utskrivning/);
    await s.screenshot('agenda');
    await s.say(`be om innspill ${meetingId}`);
    await s.message(/Innspill er bedt om til «Styremøte desember» fra 21 kommuner/).waitFor();
    // The cards went out as the cases were added and follow the agenda: let the last update land.
    await quietJobs(suite.samrad());
  });

  it('Gol supports both cases', async () => {
    await answer('respondent', 'Gol', ['Støtter', 'Støtter'], 'Gol ønsker rutinen velkommen.');
  });

  it('Drammen supports the first and is against the second, with a reason', async () => {
    await answer('guest', 'Drammen', ['Støtter', 'Mot'], 'Drammen trenger lengre innføringstid.');
  });

  it('the summary shows both positions, the divergence and who has not answered', async () => {
    const s = await as('coordinator');
    await s.say(`innspill ${meetingId}`);
    const summary = s.card(/Innspill til Styremøte desember/);
    await summary.waitFor();
    const shown = await text(summary);
    expect(shown).toContain('2 av 21 kommuner har svart');
    expect(shown).toMatch(/Handlingsplan 2027.*Flertallet: Støtter/);
    expect(shown).toMatch(/Felles rutine for utskrivning.*Likt mellom/);
    expect(shown).toContain('Drammen (Mot): Drammen trenger lengre innføringstid.');
    expect(shown).toMatch(/Ikke svart: .*Ringerike/);
    expect(shown).not.toMatch(/Ikke svart: [^.]*\bGol\b/);
    await s.screenshot('input-summary');
  });
});
