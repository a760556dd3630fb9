import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ResponseHistory } from '../../src/app/hearings/hearing-records';
import { documentXml, paragraphs } from '../unit/exports/read-docx';
import { press } from './fixtures/card-helpers';
import type { PlaygroundSession } from './fixtures/playground-session';
import { cardText, playgroundSuite } from './fixtures/playground-suite';

/**
 * One hearing in the Agents Playground: the coordinator registers it from the form with two
 * questions, Ola answers for Ringerike, Marit answers for Gol after the first reminder reaches
 * her chat, and the coordinator compiles the joint statement. The bot's clock is the real one
 * plus an offset the test moves, so the reminder falls due when the test says.
 *
 * The playground's client locale is en-US; typed Norwegian commands are answered in Norwegian.
 */
let offsetMs = 0;
let hearingId = '';
const DAY = 24 * 60 * 60_000;
const suite = playgroundSuite('hearing', { clock: { now: () => new Date(Date.now() + offsetMs) } });
const as = (person: string) => suite.as(person);

const text = cardText;
const textbox = (card: Locator, label: RegExp) => card.getByRole('textbox', { name: label });
/** "2026-12-15": a date the form's text field takes, days from the bot's today. */
const daysAhead = (days: number) => new Date(Date.now() + offsetMs + days * DAY).toISOString().slice(0, 10);

/** Fills and submits a municipality's response card. */
async function answer(
  s: PlaygroundSession,
  municipality: string,
  answers: [string, string],
  position: string,
): Promise<Locator> {
  await s.say(`svar høring ${hearingId}`);
  const card = s.card(`Høringssvar fra ${municipality}`);
  await card.waitFor();
  await expect(text(card)).resolves.toContain('Spørsmål 2: Hva betyr forslaget for legevakten?');
  const boxes = card.getByRole('textbox', { name: /^Svar \(høyst 4000 tegn\)/ });
  await boxes.nth(0).fill(answers[0]);
  await boxes.nth(1).fill(answers[1]);
  await card.getByRole('radio', { name: position, exact: true }).check();
  await press(card, 'Send inn');
  const sent = s.card('Høringssvaret er sendt inn');
  await sent.waitFor();
  return sent;
}

describe('a hearing in the Agents Playground: register, two answers (one after a reminder), compile', () => {
  it('the coordinator registers a hearing with two questions from the form', async () => {
    const s = await as('coordinator');
    await s.say('ny høring Krav til helsefellesskap');
    const form = s.card('Ny høring');
    await form.waitFor();
    await expect(textbox(form, /^Tittel/).inputValue()).resolves.toBe('Krav til helsefellesskap');
    await textbox(form, /^Høringsinstans/).fill('Helse- og omsorgsdepartementet');
    await textbox(form, /^Høringsfrist/).fill(`${daysAhead(20)} 12:00`);
    await textbox(form, /^Spørsmål alle kommuner svarer på/).fill(
      'Er forslaget godt nok utredet?\nHva betyr forslaget for legevakten?',
    );
    await textbox(form, /^Sekretariatets vurdering/).fill('Forslaget gir kommunene nye plikter.');
    await s.screenshot('hearing-form');
    await press(form, 'Registrer og send ut');
    const own = s.card(/Høring [A-Z0-9]{5} er registrert/);
    await own.waitFor();
    hearingId = /Høring ([A-Z0-9]{5}) er registrert/.exec(await text(own))?.[1] ?? '';
    expect(hearingId).toMatch(/^[A-Z0-9]{5}$/);
    await expect(text(own)).resolves.toContain('0 av 21 har svart');
    await expect(text(own)).resolves.not.toContain('Registrer og send ut');
    const stored = await suite
      .samrad()
      .store.get<{ questions: { text: string }[]; state: string }>('hearings', hearingId);
    expect(stored?.value.questions.map((q) => q.text)).toEqual([
      'Er forslaget godt nok utredet?',
      'Hva betyr forslaget for legevakten?',
    ]);
  });

  it('Ola answers for Ringerike', async () => {
    const s = await as('board-member');
    const sent = await answer(
      s,
      'Ringerike',
      ['Ringerike: godt nok utredet.', 'Ringerike: legevakten trenger flere leger.'],
      'Enig med merknader',
    );
    await expect(text(sent)).resolves.toContain('Sendt inn');
    await s.screenshot('hearing-answered');
  });

  it('Marit gets the first reminder in her chat, then answers for Gol', async () => {
    const s = await as('respondent');
    // Opening the chat installs the bot there, so it can write to her first; help shows it is up.
    await s.say('hjelp');
    await s.card('Hva Samråd kan gjøre for deg').waitFor();
    offsetMs = 8 * DAY; // the first reminder: five days before the municipalities' deadline, 09:00
    const day = daysAhead(0);
    offsetMs += Date.parse(`${day}T12:00:00Z`) - (Date.now() + offsetMs); // midday UTC: after 09:00 Oslo
    await suite.samrad().jobs.runDue();
    await suite.samrad().jobs.runDue();
    const reminder = s.message(/Påminnelse til Marit Kvam: Gol har ikke sendt inn svar/);
    await reminder.waitFor();
    await expect(reminder.innerText()).resolves.toContain(`svar høring ${hearingId}`);
    await s.screenshot('hearing-reminder');
    await answer(
      s,
      'Gol',
      ['Gol: mangler økonomiske konsekvenser.', 'Gol: legevakten i Hallingdal blir mer presset.'],
      'Uenig',
    );
    const gol = await suite.samrad().store.get<ResponseHistory>('hearingResponses', `${hearingId}:3324`);
    expect(gol?.value.responses.map((r) => [r.status, r.position, r.late])).toEqual([['submitted', 'disagree', false]]);
  });

  it('the coordinator compiles; the DOCX has both answers under the right questions', async () => {
    const s = await as('coordinator');
    await s.say(`sammenstill høring ${hearingId}`);
    const card = s.card(`Felles høringsuttalelse · ${hearingId}`);
    await card.waitFor();
    await expect(text(card)).resolves.toContain('2 av 21 har svart');
    await s.screenshot('hearing-statement');
    // The button opens the signed link in a new tab; the test takes the address it asked for.
    const [request] = await Promise.all([
      s.page.context().waitForEvent('request', (r) => r.url().includes('uttalelse.docx')),
      card.getByText('Last ned utkast (DOCX)', { exact: true }).click(), // an Action.OpenUrl
    ]);
    const url = request.url();
    expect(url).toContain(`/exports/${hearingId}/uttalelse.docx`);
    const docx = await fetch(url);
    expect(docx.status).toBe(200);
    const ps = paragraphs(documentXml(Buffer.from(await docx.arrayBuffer()))).map((p) => p.text);
    const q1 = ps.indexOf('Spørsmål 1: Er forslaget godt nok utredet?');
    const q2 = ps.indexOf('Spørsmål 2: Hva betyr forslaget for legevakten?');
    expect(q1).toBeGreaterThan(-1);
    expect(q2).toBeGreaterThan(q1);
    const under = (from: number, to: number) => ps.slice(from, to).join('\n');
    expect(under(q1, q2)).toContain('«Ringerike: godt nok utredet.»');
    expect(under(q1, q2)).toContain('«Gol: mangler økonomiske konsekvenser.»');
    expect(under(q2, ps.length)).toContain('«Ringerike: legevakten trenger flere leger.»');
    expect(under(q2, ps.length)).toContain('«Gol: legevakten i Hallingdal blir mer presset.»');
    expect(under(q1, q2)).toMatch(/Enig med merknader \(1\)\nRingerike/);
    expect(under(q1, q2)).toMatch(/Uenig \(1\)\nGol/);
  });
});
