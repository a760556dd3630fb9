import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/meeting';
import { choose, pickDate, pickTime, press } from './fixtures/card-helpers';
import type { PlaygroundSession } from './fixtures/playground-session';
import { cardText, playgroundSuite } from './fixtures/playground-suite';

/**
 * Cancelling a meeting, and naming a meeting before free text, as people do it in the Agents
 * Playground: the coordinator picks the meeting, reads the confirmation card, changes the
 * reason and cancels; a member may not; part of a title before a reason is asked about.
 */
const suite = playgroundSuite('cancel');
const as = (person: string) => suite.as(person);
const text = cardText;
const ids = { january: '', february: '' };

async function plan(s: PlaygroundSession, title: string, monthsAhead: number): Promise<string> {
  await s.say('nytt møte');
  const form = s.card('Nytt møte').last();
  await form.waitFor();
  await choose(form, 'Organ', 'Samarbeidsstyret');
  await form.getByRole('textbox', { name: /^Tittel/ }).fill(title);
  await pickDate(form, monthsAhead, 14);
  await pickTime(form, 0, '10:00 AM');
  await pickTime(form, 1, '12:00 PM');
  await press(form, 'Opprett møtet');
  const card = s.card(
    new RegExp(`${title}[\\s\\S]*Møte \\d+/\\d{4} · [A-Z0-9]{5}|Møte \\d+/\\d{4} · [A-Z0-9]{5}[\\s\\S]*${title}`),
  );
  await card.waitFor();
  return /· ([A-Z0-9]{5})/.exec(await text(card))?.[1] ?? '';
}

const state = async (id: string) => (await suite.samrad().store.get<Meeting>('meetings', id))?.value.state;

describe('avlys møte in the Agents Playground', () => {
  it('the coordinator plans two board meetings', async () => {
    const s = await as('coordinator');
    ids.january = await plan(s, 'Styremøte januar', 1);
    ids.february = await plan(s, 'Styremøte februar', 2);
    expect(ids.january).toMatch(/^[A-Z0-9]{5}$/);
    expect(ids.february).toMatch(/^[A-Z0-9]{5}$/);
  });

  it('part of a title before a reason is asked about; a colon names the meeting', async () => {
    const s = await as('coordinator');
    await s.say('avlys møte januar Ikke beslutningsdyktig');
    const asked = s.card('Mener du møtet «januar»');
    await asked.waitFor();
    await expect(text(asked)).resolves.toContain('«avlys møte januar: Ikke beslutningsdyktig»');
    await s.say('avlys møte januar: Ikke beslutningsdyktig');
    const confirm = s.card('Vil du avlyse dette møtet?').last();
    await confirm.waitFor();
    await expect(text(confirm)).resolves.toContain('Styremøte januar');
    await expect(confirm.getByRole('textbox', { name: /^Grunn/ }).inputValue()).resolves.toBe('Ikke beslutningsdyktig');
    expect(await state(ids.january)).toBe('planned');
  });

  it('the coordinator picks the meeting, reads the confirmation, changes the reason and cancels', async () => {
    const s = await as('coordinator');
    await s.say('avlys møte');
    const which = s.card('Hvilket møte vil du avlyse?');
    await which.waitFor();
    await which.getByRole('button', { name: /^Styremøte februar, 14\.02\.\d{4} kl\. 10\.00/ }).waitFor();
    // The playground sends nothing for an Action.Submit with imBack (Teams posts its text), so
    // the test types what the button would: the command with the meeting's id.
    await s.say(`avlys møte ${ids.february}`);
    const confirm = s.card('Vil du avlyse dette møtet?');
    await confirm.waitFor();
    const shown = await text(confirm);
    expect(shown).toContain('Styremøte februar');
    expect(shown).toContain('Dette kan ikke angres.');
    await confirm.getByRole('textbox', { name: /^Grunn/ }).fill('Ingen saker til behandling');
    await s.screenshot('meeting-cancel'); // docs/screenshots/meeting-cancel.png
    expect(await state(ids.february)).toBe('planned');
    await press(confirm, 'Avlys møtet');
    await s
      .card(/avlyst/)
      .last()
      .waitFor();
    expect(await state(ids.february)).toBe('cancelled');
    const stored = await suite.samrad().store.get<{ cancelled?: { reason?: string } }>('meetings', ids.february);
    expect(stored?.value.cancelled?.reason).toBe('Ingen saker til behandling');
  });

  it('a member is told the command is not hers; he reports an absence with the meeting named', async () => {
    const s = await as('board-member');
    await s.say('avlys møte');
    await s.message(/hører ikke til rollen din/).waitFor();
    // The next meeting is the one part of its title names: the same meeting either way, so it is taken.
    await s.say('meld forfall januar Syk');
    await s.message(/Forfallet ditt til «Styremøte januar» er registrert/).waitFor();
    const absence = await suite.samrad().store.find<{ meetingId: string; reason: string }>('absences');
    expect(absence.map((a) => a.value)).toEqual([expect.objectContaining({ meetingId: ids.january, reason: 'Syk' })]);
    expect(await state(ids.january)).toBe('planned');
  });

  it('in a channel the card is neutral: no reason to change and no button, for the coordinator too here', async () => {
    const s = await as('coordinator');
    await s.open('General');
    await s.say('avlys møte januar: Ikke beslutningsdyktig', { mention: true });
    // Teams refreshes the card into her own view; the playground says it cannot show one.
    const shared = s.card('Bare koordinatoren kan avlyse møtet');
    await shared.waitFor();
    await expect(text(shared)).resolves.toContain('Grunn: Ikke beslutningsdyktig');
    await expect(shared.getByRole('button', { name: 'Avlys møtet' }).count()).resolves.toBe(0);
    await expect(shared.getByRole('textbox').count()).resolves.toBe(0);
    expect(await state(ids.january)).toBe('planned');
  });

  it('a member in the channel is told the command is not his', async () => {
    const s = await as('board-member');
    await s.open('General');
    await s.say('avlys møte januar: Kupp', { mention: true });
    // The answer in the thread, not the playground's log panel.
    const thread = s.page.locator('.fui-Card[role=group]').filter({ hasText: 'avlys møte januar: Kupp' });
    await thread.getByText(/«avlys møte» hører ikke til rollen din/).waitFor();
    expect(await state(ids.january)).toBe('planned');
  });
});
