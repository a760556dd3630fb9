import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { boardCases, planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { cardElements, cardInput } from '../fixtures/card-elements';
import { chatWith } from '../fixtures/chat';

/**
 * Issue 16 on the vote form and card: the form keeps what was typed when refused, has one field
 * for the case and takes the chosen case's title; "Avstemning … er åpnet" is a success; a
 * result without quorum says "Ikke beslutningsdyktig" once.
 */
let bot: BotUnderTest;
const where = { kind: 'channel' as const };
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } });
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
/** Presses in the channel as the vote form does (its data carries the card’s language); the answer as an object. */
const press = async (from: Person, verb: string, data: object): Promise<any> =>
  JSON.parse(await chat.press(from, verb, { lang: 'nb', ...data }, where));
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('the vote form and card', () => {
  let caseRef = '';
  beforeAll(async () => {
    await planBoardMeetingWith(
      (from, verb, data) => chat.press(from, verb, { lang: 'nb', ...data }, where),
      [boardCases[0]],
    );
  });

  it('with open cases, the form has one field for the case and does not demand a title', async () => {
    await chat.say(people.coordinator, 'avstemning', where);
    const form = bot.connector.cards()[0];
    expect(cardInput(form, 'case')).toBeDefined();
    expect(cardInput(form, 'caseNumber')).toBeUndefined(); // one field for the case, not two
    expect(cardInput(form, 'title').isRequired).toBe(false);
    caseRef = (cardInput(form, 'case').choices as { title: string; value: string }[]).find((c) =>
      c.title.includes('Handlingsplan'),
    )!.value;
  });

  it('a refused form comes back with every setting as typed', async () => {
    const typed = {
      case: caseRef,
      title: '',
      body: 'styret',
      alternatives: 'Plan A\nPlan B',
      rule: 'two-thirds',
      secrecy: 'named',
      interimResults: 'shown',
      quorum: 'none',
      deadlineDate: '2026-12-01',
      deadlineTime: '',
    };
    const card = await press(people.coordinator, 'vote.open', typed);
    expect(JSON.stringify(card)).toContain('Fyll inn både dato og klokkeslett');
    expect(cardInput(card, 'case').value).toBe(caseRef);
    expect(cardInput(card, 'alternatives').value).toBe('Plan A\nPlan B');
    expect(cardInput(card, 'rule').value).toBe('two-thirds');
    expect(cardInput(card, 'interimResults').value).toBe('shown');
    expect(cardInput(card, 'quorum').value).toBe('none');
    expect(cardInput(card, 'deadlineDate').value).toBe('2026-12-01');
  });

  it('choosing a case with no title takes the case’s title, and «er åpnet» is a success', async () => {
    const card = await press(people.coordinator, 'vote.open', { case: caseRef, title: '', body: 'styret' });
    const opened = cardElements(card).find(
      (e) => e.type === 'TextBlock' && /Avstemning [A-Z0-9]{5} er åpnet/.test(String(e.text)),
    );
    expect(opened?.text).toContain('Handlingsplan 2027');
    expect(opened?.color).toBe('Good');
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.text)![1]!;
    // Closed with 1 of 7: the result says "Ikke beslutningsdyktig" once, and the numbers.
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'for' });
    const closed = JSON.stringify(await press(people.coordinator, 'vote.close', { voteId: id }));
    expect(count(closed, 'Ikke beslutningsdyktig')).toBe(1);
    expect(closed).toContain('1 av 7 deltok (minst 4 kreves)');
  });
});
