import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, installation, message, people, TEAM_ID, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { cardElements, cardInput } from '../fixtures/card-elements';
import { expectValidCards } from '../fixtures/card-validation';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/**
 * Issue 16, findings 1–4 on the hearing cards: a refused answer comes back as typed, a draft
 * after a submitted answer does not unsay it, the respondent is offered only her own buttons,
 * and a success does not look like an error.
 */
let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let id = '';
const channel = { kind: 'channel' as const };

interface Card {
  body?: unknown[];
  actions?: { verb?: string; title?: string }[];
  refresh?: { userIds?: string[]; action?: { verb?: string } };
}

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  for (const p of [people.coordinator, people.respondent]) await bot.post(installation(bot.connector.url, p));
});
afterAll(async () => bot.stop());

const press = async (
  from: Person,
  verb: string,
  data: object,
  where: { kind: 'personal' | 'channel' } = { kind: 'personal' },
): Promise<Card> => {
  const body = JSON.parse(
    (await bot.post(cardAction(bot.connector.url, from, verb, { lang: 'nb', ...data }, where))).body,
  ) as { type: string; value: any };
  expect(body.type).toMatch(/card\.adaptive$/);
  expectValidCards([body.value]);
  return body.value as Card;
};
const say = async (from: Person, text: string, where: { kind: 'personal' | 'channel' } = { kind: 'personal' }) => {
  bot.connector.clear();
  await bot.post(message(bot.connector.url, from, text, where));
  expectValidCards(bot.connector.cards());
  return bot.connector.cards() as Card[];
};
const textBlocks = (c: Card) => cardElements(c).filter((e) => e.type === 'TextBlock');
const verbs = (c: Card) => [
  ...new Set(
    cardElements(c)
      .filter((e) => e.type === 'Action.Execute')
      .map((e) => e.verb as string),
  ),
];

const form = {
  title: 'Forslag om krav til helsefellesskap',
  issuer: 'Helse- og omsorgsdepartementet',
  externalDeadline: '2026-12-15 12:00',
  internalDeadline: '',
  documents: '',
  questions: 'Er forslaget godt nok utredet?\nHva betyr forslaget for legevakt?',
  municipalities: '',
  background: '',
  reminders: '5, 2, 0',
};
const answer = (extra: object = {}) => ({
  hearingId: id,
  version: 1,
  municipality: '3324',
  position: 'agree',
  'answer-0': '',
  'answer-1': '',
  text: '',
  links: '',
  ...extra,
});

describe('the hearing cards as a respondent and a coordinator expect them', () => {
  it('registers a hearing; the card posted in the channel is neutral and refreshed into the coordinator’s view', async () => {
    await say(people.coordinator, 'hjelp', channel);
    bot.connector.clear();
    const own = await press(people.coordinator, 'hearing.register', form, channel);
    id = /Høring ([A-Z0-9]{5}) er registrert/.exec(JSON.stringify(own))![1]!;
    // The coordinator's own view has her buttons, and the registration is told as a success.
    expect(verbs(own)).toEqual(expect.arrayContaining(['hearing.compile', 'hearing.extend', 'hearing.close']));
    expect(textBlocks(own).find((b) => String(b.text).includes('er registrert'))?.color).toBe('Good');
    // Finding 10: the example for "Ny frist" is later than the current deadline (08.12 12.00)
    // and before the hearing's own (15.12), written as the deadline reader takes it.
    expect(cardInput(own, 'newDeadline').placeholder).toBe('For eksempel 11.12.2026 kl. 12.00');
    const posted = bot.connector.sent
      .filter((s) => s.conversationId === TEAM_ID)
      .flatMap((s) => s.activity.attachments ?? [])
      .map((a) => a.content as Card);
    expect(posted).toHaveLength(1);
    expect(verbs(posted[0]!)).not.toContain('hearing.compile');
    expect(verbs(posted[0]!)).not.toContain('hearing.close');
    expect(verbs(posted[0]!)).not.toContain('hearing.extend');
    expect(cardInput(posted[0]!, 'newDeadline')).toBeUndefined();
    // Teams lists at most 60 users for an automatic refresh; the coordinator is one of them.
    expect(posted[0]!.refresh?.action?.verb).toBe('hearing.status');
    expect(posted[0]!.refresh?.userIds).toEqual([people.coordinator.id]);
    expect(posted[0]!.refresh!.userIds!.length).toBeLessThanOrEqual(60);
  });

  it('finding 3: a respondent viewing the hearing is not offered «Sammenstill», «Forleng fristen» or «Lukk høringen»', async () => {
    const mine = await press(people.respondent, 'hearing.status', { hearingId: id });
    expect(verbs(mine)).toEqual(['hearing.status']);
    expect(JSON.stringify(mine)).not.toMatch(/Sammenstill|Forleng fristen|Lukk høringen|Ny frist/);
    const [typed] = await say(people.respondent, `høring ${id}`);
    expect(verbs(typed!)).toEqual(['hearing.status']);
    // And the coordinator, pressing "Oppdater" or refreshed by Teams, gets hers.
    expect(verbs(await press(people.coordinator, 'hearing.status', { hearingId: id }))).toContain('hearing.close');
    // A tampered press is still refused on the server, with the card back and why.
    const refused = await press(people.respondent, 'hearing.close', { hearingId: id });
    expect(JSON.stringify(refused)).toContain('Bare koordinatoren');
    expect(verbs(refused)).toEqual(['hearing.status']);
  });

  it('finding 1: a submit with no overall position comes back with every answer as typed and the reason beside the position', async () => {
    const long = 'Gol mener at forslaget trenger mer utredning. '.repeat(88).slice(0, 4000);
    expect(long).toHaveLength(4000);
    const card = await press(
      people.respondent,
      'hearing.submit',
      answer({
        position: '',
        'answer-0': long,
        'answer-1': 'Legevakten får mer å gjøre.',
        text: 'Samlet: tja.',
        links: 'https://gol.kommune.no/vedtak.pdf',
      }),
    );
    expect(cardInput(card, 'answer-0').value).toBe(long);
    expect(cardInput(card, 'answer-1').value).toBe('Legevakten får mer å gjøre.');
    expect(cardInput(card, 'text').value).toBe('Samlet: tja.');
    expect(cardInput(card, 'links').value).toBe('https://gol.kommune.no/vedtak.pdf');
    // The reason stands right under the position choice, in the refusal colour.
    const items = cardElements(card).find(
      (e) => Array.isArray(e.items) && e.items.some((x: any) => x.id === 'position'),
    ).items as any[];
    const at = items.findIndex((x) => x.id === 'position');
    expect(items[at + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(items[at + 1].text).toContain('Velg et samlet standpunkt');
    expect(await bot.samrad.store.find('hearingResponses')).toEqual([]);
  });

  it('finding 4: «Høringssvaret er sendt inn. Takk!» is a success, not red', async () => {
    const card = await press(people.respondent, 'hearing.submit', answer({ 'answer-0': 'Godt utredet.' }));
    const thanks = textBlocks(card).find((b) => String(b.text).includes('Høringssvaret er sendt inn'));
    expect(thanks?.color).toBe('Good');
  });

  it('finding 2: «Lagre utkast» after submitting is a draft of a change; the submitted answer still counts, and the card says both', async () => {
    now = new Date('2026-11-24T09:00:00Z');
    const card = await press(
      people.respondent,
      'hearing.save',
      answer({ 'answer-0': 'Godt utredet, men se legevakt.' }),
    );
    const text = JSON.stringify(card);
    expect(text).not.toContain('Ikke sendt inn.');
    expect(text).toContain('Sendt inn 23.11.2026');
    expect(text).toContain('utkast til endring');
    expect(textBlocks(card).find((b) => String(b.text).includes('Utkastet til endring er lagret'))?.color).toBe('Good');
    // The draft is what the card shows to finish; the counts agree the municipality has answered.
    expect(cardInput(card, 'answer-0').value).toBe('Godt utredet, men se legevakt.');
    const [status] = await say(people.coordinator, `høring ${id}`);
    expect(JSON.stringify(status)).toMatch(/"title":"Gol","value":"Svart"/);
    expect(JSON.stringify(status)).toContain('1 av 21 har svart');
    // And Teams' refresh of her own card says the same.
    expect(
      JSON.stringify(await press(people.respondent, 'hearing.refresh', { hearingId: id, municipality: '3324' })),
    ).toContain('utkast til endring');
  });
});
