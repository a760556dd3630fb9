import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { cardElements, cardInput } from '../fixtures/card-elements';
import { chatWith } from '../fixtures/chat';

/**
 * Issue 16 on the input card: finding 1 (a submit with a position missing on one case threw away
 * what was typed), finding 2 (a draft after submitting said "Ikke sendt inn") and finding 4
 * ("Svaret er sendt inn. Takk!" in red).
 */
let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
  meetingId = await planBoardMeetingWith((from, verb, data) => chat.press(from, verb, { lang: 'nb', ...data }));
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
/** Presses as the input card does (its data carries the card's language), and reads the answer as an object. */
const pressRaw = async (from: Person, verb: string, data: object): Promise<any> =>
  JSON.parse(await chat.press(from, verb, { lang: 'nb', ...data }));
const version = async () => (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))!.value.version;
const cases = async () =>
  (await bot.samrad.store.get<{ agenda: { id: string; title: string }[] }>('meetings', meetingId))!.value.agenda;

describe('the input card keeps what was typed', () => {
  it('finding 1: a submit with a position missing on one case comes back with everything typed, and the reason beside that case', async () => {
    const long = 'Gol støtter planen, men ber om mer til legevakt. '.repeat(41).slice(0, 2000);
    const card = await pressRaw(people.respondent, 'input.submit', {
      meetingId,
      version: await version(),
      municipality: '3324',
      'position-0': 'support-with-changes',
      'text-0': long,
      'text-1': 'Budsjettet er stramt.',
    });
    expect(cardInput(card, 'position-0').value).toBe('support-with-changes');
    expect(cardInput(card, 'text-0').value).toBe(long);
    expect(cardInput(card, 'text-1').value).toBe('Budsjettet er stramt.');
    // The reason stands under the position of the second case, not the first.
    const containers = cardElements(card).filter(
      (e) =>
        e.type === 'Container' &&
        Array.isArray(e.items) &&
        e.items.some((x: any) => (x.id ?? '').startsWith('position-')),
    );
    const [first, second] = containers.map((c) => c.items as any[]);
    const after = (items: any[]) => items[items.findIndex((x) => (x.id ?? '').startsWith('position-')) + 1];
    expect(after(second!)).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(JSON.stringify(after(second!))).toMatch(/standpunkt/i);
    expect(after(first!).type).not.toBe('TextBlock');
    expect(await bot.samrad.store.find('inputAnswers')).toEqual([]);
    expect((await cases()).length).toBeGreaterThanOrEqual(2);
  });

  it('finding 4: «Svaret er sendt inn. Takk!» is shown as a success', async () => {
    const card = await pressRaw(people.respondent, 'input.submit', {
      meetingId,
      version: await version(),
      municipality: '3324',
      'position-0': 'support',
      'position-1': 'against',
      'text-0': '',
      'text-1': '',
    });
    const thanks = cardElements(card).find(
      (e) => e.type === 'TextBlock' && String(e.text).includes('Svaret er sendt inn'),
    );
    expect(thanks?.color).toBe('Good');
  });

  it('finding 2: a draft after submitting is a draft of a change and says the submitted answer counts', async () => {
    now = new Date('2026-11-24T09:00:00Z');
    const card = await pressRaw(people.respondent, 'input.save', {
      meetingId,
      version: await version(),
      municipality: '3324',
      'position-0': 'support',
      'position-1': 'no-view',
      'text-0': '',
      'text-1': 'Vi vurderer på nytt.',
    });
    const text = JSON.stringify(card);
    expect(text).not.toContain('Ikke sendt inn.');
    expect(text).toContain('utkast til endring');
    expect(text).toContain('Sendt inn 23.11.2026');
  });
});
