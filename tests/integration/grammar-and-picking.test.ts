import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

// Monday 23 November 2026, 11:00 in Oslo.
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const chat = chatWith(() => bot);
const { press, buttons } = chat;
const say = (from: Person, text: string, locale = 'nb-NO') => chat.say(from, text, { kind: 'personal', locale });

describe('one grammar for commands and dates, and picking instead of typing ids', () => {
  let december = '';
  let january = '';

  it('the coordinator with no meetings is told to create one herself (finding 10)', async () => {
    const out = await say(people.coordinator, 'møter');
    expect(out).toContain('Det er ingen kommende møter. Opprett et med «nytt møte».');
    expect(out).not.toContain('Koordinatoren oppretter');
    expect(await say(people.respondent, 'møter')).toContain('Koordinatoren oppretter et med «nytt møte»');
  });

  it('plans two board meetings', async () => {
    const first = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte desember',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    december = /Møte 1\/2026 · ([A-Z0-9]{5})/.exec(first)![1]!;
    expect(first).toContain('kl. 10.00–12.00'); // finding 10: not "kl. 10.00–kl. 12.00"
    const second = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte januar',
      date: '2027-01-14',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    january = /Møte 1\/2027 · ([A-Z0-9]{5})/.exec(second)![1]!;
  });

  it('moves a meeting to a time written as Norwegians write it (finding 6)', async () => {
    const out = await say(people.coordinator, `flytt møte ${december} 2026-12-17 9:00`);
    expect(out).toContain('torsdag 17. desember 2026 kl. 09.00–11.00');
    const moved = await bot.samrad.store.get<{ start: string; end: string }>('meetings', december);
    expect(moved?.value).toMatchObject({ start: '2026-12-17T08:00:00.000Z', end: '2026-12-17T10:00:00.000Z' });
    await say(people.coordinator, `flytt møte ${december} 15.12 kl. 10–12`);
    expect((await bot.samrad.store.get<{ start: string }>('meetings', december))?.value.start).toBe(
      '2026-12-15T09:00:00.000Z',
    );
  });

  it('asks for input with a deadline at 9:00 (finding 6)', async () => {
    const out = await say(people.coordinator, `be om innspill ${december} frist 2026-12-08 9:00`);
    expect(out).toContain('med frist 08.12.2026 kl. 09.00');
  });

  it('answers a refused argument with what was understood and the usage', async () => {
    const out = await say(people.coordinator, `flytt møte ${december} kaffe`);
    expect(out).toContain('Jeg forstod ikke «kaffe»');
    expect(out).toContain(`Jeg forstod: møte «${december}»`);
    expect(out).toContain('Skriv slik: «flytt møte [møte] <dato og tid[–slutt]>»');
    const english = await say(people.coordinator, `move meeting ${december} 31.02.2027 10:00`);
    expect(english).toContain('did not understand \\"31.02.2027 10:00\\" as date and time');
    expect(english).toContain('move meeting [meeting] <date and time[–end]>');
  });

  it('takes a title fragment or "neste" instead of an id, and offers a choice when several fit (finding 11)', async () => {
    expect(await say(people.respondent, 'saksliste januar')).toContain(`Møte 1/2027 · ${january}`);
    expect(await say(people.respondent, 'saksliste neste')).toContain(`Møte 1/2026 · ${december}`);
    const several = await say(people.respondent, 'saksliste styremøte');
    expect(several).toContain('Flere møter passer til «styremøte». Hvilket mener du?');
    expect(buttons()).toEqual([`saksliste ${december}`, `saksliste ${january}`]);
    expect(await say(people.respondent, 'saksliste budsjettmøte')).toContain('Jeg finner ikke møtet budsjettmøte');
  });

  it('with no vote open, stemmer and påminn say so instead of asking which (part 6)', async () => {
    expect(await say(people.boardMember, 'stemmer')).toContain(
      'Det er ingen åpne avstemninger nå. En lukket avstemning nevner du med id eller tittel: «stemmer [avstemning]».',
    );
    expect(await say(people.coordinator, 'remind', 'en-US')).toContain('No vote is open now.');
    // «avstemninger», as «møter» and «høringer», lists; it was taken for a typo of «avstemning» (a new vote).
    expect(await say(people.boardMember, 'avstemninger')).toContain('Det er ingen åpne avstemninger nå.');
  });

  it('stemmer takes the one open vote without asking, and offers the open ones when there are several (finding 10, 11)', async () => {
    const opened = await press(people.coordinator, 'vote.open', { title: 'Handlingsplan 2027', body: 'styret' });
    const first = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened)![1]!;
    const one = await say(people.boardMember, 'stemmer');
    expect(one).toContain('Handlingsplan 2027');
    expect(one).not.toContain('Hvilken avstemning');
    await press(people.coordinator, 'vote.open', { title: 'Budsjett 2027', body: 'styret' });
    const which = await say(people.boardMember, 'stemmer');
    expect(which).toContain('Flere avstemninger er åpne. Hvilken mener du?');
    expect(buttons()).toHaveLength(2);
    expect(buttons()[0]).toBe(`stemmer ${first}`);
    expect(await say(people.boardMember, 'stemmer budsjett')).toContain('Budsjett 2027');
  });

  it('answers free Norwegian text in Norwegian even from an English client (finding 5)', async () => {
    expect(await say(people.boardMember, 'kan du bestille kaffe til møtet?', 'en-US')).toContain(
      'Jeg forstår ikke «kan du bestille kaffe til møtet?»',
    );
    expect(await say(people.boardMember, 'can you order coffee for the meeting?', 'nb-NO')).toContain(
      "I don't understand",
    );
  });

  it("help is grouped by area and shows only the areas of the person's role (part 8)", async () => {
    await say(people.coordinator, 'hjelp');
    const coordinator = JSON.stringify(bot.connector.cards()[0]);
    for (const area of [
      'Møter',
      'Innspill før møtet',
      'Avstemninger',
      'Høringer',
      'Protokoll og oppfølging',
      'Organisasjonen',
      'Drift',
    ])
      expect(coordinator).toContain(`"text":"${area}"`);
    await say(people.respondent, 'hjelp');
    const respondent = JSON.stringify(bot.connector.cards()[0]);
    expect(respondent).not.toContain('"text":"Drift"');
    expect(respondent).toContain('"text":"Møter"');
  });

  it('every command reads its words with the grammar: a title fragment for innspill, a refusal with the usage (part 1, 6)', async () => {
    expect(await say(people.respondent, 'styret kaffe')).toContain('Jeg forstod ikke «kaffe». Skriv slik: «styret».');
    const several = await say(people.respondent, 'innspill styremøte');
    expect(several).toContain('Flere møter passer til «styremøte». Hvilket mener du?');
    expect(buttons()).toEqual([`innspill ${december}`, `innspill ${january}`]);
    // flytt sak reads title words too: "tolv" names no case, and the place is still the last word.
    expect(await say(people.coordinator, 'flytt sak tolv 2')).toContain('Jeg finner ingen sak tolv.');
    expect(await say(people.coordinator, 'flytt sak 12/2026 to')).toContain(
      'Jeg forstod ikke «to» som plass. Jeg forstod: saksnummer eller tittel «12/2026». Skriv slik: «flytt sak [saksnummer eller tittel] <plass>».',
    );
  });

  it('the case form picks the responsible person: the body offered, the organisation typed ahead (part 6)', async () => {
    await say(people.coordinator, `ny sak ${january} Handlingsplan legevakt`);
    const form = bot.connector.cards()[0] as { body: { id?: string; style?: string; 'choices.data'?: unknown }[] };
    const responsible = form.body.find((e) => e.id === 'responsible');
    expect(responsible).toMatchObject({
      style: 'filtered',
      'choices.data': { type: 'Data.Query', dataset: 'samrad.people' },
    });
    expect(JSON.stringify(form)).toContain('Handlingsplan legevakt');
  });

  it('meld forfall and ny sak read title words before the free text, not as part of it (part 6)', async () => {
    // Before, "januar Syk" was the reason, and the absence went to the December meeting.
    expect(await say(people.respondent, 'meld forfall styremøte januar Syk')).toContain(
      'Forfallet ditt til «Styremøte januar» er registrert.',
    );
    const absence = await bot.samrad.store.get<{ reason: string }>('absences', `${january}:marit-kvam`);
    expect(absence?.value.reason).toBe('Syk');
    expect(await bot.samrad.store.find('absences', { meetingId: december })).toEqual([]);
    expect(await say(people.respondent, 'meld forfall styremøte Syk')).toContain(
      'Flere møter passer til «styremøte». Hvilket mener du?',
    );
    expect(buttons()).toEqual([`meld forfall ${december} Syk`, `meld forfall ${january} Syk`]);
    // A reason that names no meeting is still the reason, for the next meeting.
    expect(await say(people.respondent, 'meld forfall Sykdom i familien')).toContain('«Styremøte desember»');

    const form = await say(people.coordinator, 'ny sak januar: Budsjett 2027');
    expect(form).toContain('Ny sak til møte');
    expect(form).toContain('Styremøte januar');
    const title = (bot.connector.cards()[0] as { body: { id?: string; value?: string }[] }).body.find(
      (e) => e.id === 'title',
    );
    expect(title?.value).toBe('Budsjett 2027');
  });

  it('trekk sak and endre sak offer the open cases, and take title words (part 6)', async () => {
    for (const title of ['Handlingsplan legevakt 2027', 'Budsjett 2027'])
      await press(people.coordinator, 'agenda.add', { meetingId: january, title, proposal: 'Vedtas.', lang: 'nb' });
    expect(await say(people.coordinator, 'trekk sak')).toContain('Hvilken sak mener du?');
    expect(buttons()).toEqual(['trekk sak 2/2027', 'trekk sak 3/2027']);
    expect(await say(people.coordinator, 'endre sak 2027')).toContain('Flere saker passer til «2027».');
    expect(buttons()).toEqual(['endre sak 2/2027', 'endre sak 3/2027']);
    expect(await say(people.coordinator, 'trekk sak kaffe')).toContain('Jeg finner ingen sak kaffe.');
    const form = await say(people.coordinator, 'endre sak budsjett');
    expect(form).toContain('Budsjett 2027');
    expect(form).toContain('"verb":"agenda.edit"');
    expect(await say(people.coordinator, 'withdraw case budget', 'en-US')).toContain("I can't find a case budget.");
    const withdrawn = await say(people.coordinator, 'trekk sak legevakt');
    expect(withdrawn).toContain('Trukket');
    expect(await say(people.coordinator, 'trekk sak')).toContain('Hvilken sak mener du?');
    expect(buttons()).toEqual(['trekk sak 3/2027']); // even one is offered, not taken
    expect(await say(people.coordinator, 'trekk sak 3/2027')).toContain('Trukket');
    expect(await say(people.coordinator, 'trekk sak')).toContain('Det er ingen åpne saker');
  });

  it('organer does not repeat the name as the kind (finding 10)', async () => {
    await say(people.respondent, 'organer');
    const card = JSON.stringify(bot.connector.cards()[0]);
    expect(card).not.toContain('Overordnet samarbeidsutvalg · ');
    expect(card).toContain('Lokalt samarbeidsutvalg · ');
  });
});

describe('typeahead for long choice sets (Data.Query, invoke application/search)', () => {
  const search = async (from: Person, dataset: string, queryText: string) => {
    const base = message(bot.connector.url, from, '');
    const res = await bot.post({
      ...base,
      type: 'invoke',
      name: 'application/search',
      text: undefined,
      entities: undefined,
      value: { queryText, queryOptions: { skip: 0, top: 15 }, dataset },
    });
    return {
      status: res.status,
      body: JSON.parse(res.body) as { type: string; value: { results: { title: string; value: string }[] } },
    };
  };

  it('the follow-up form picks the responsible person from the organisation, typed ahead', async () => {
    const found = await search(people.coordinator, 'samrad.people', 'eva');
    expect(found.status).toBe(200);
    expect(found.body.type).toBe('application/vnd.microsoft.search.searchResponse');
    expect(found.body.value.results).toEqual([{ title: 'Eva Nilsen (Kommuneoverlege)', value: 'eva-nilsen' }]);
    // Teams shows at most 15 choices from a dynamic search (dynamic-search.md).
    expect((await search(people.coordinator, 'samrad.people', 'e')).body.value.results.length).toBeLessThanOrEqual(15);
  });

  it('offers the coming meetings and open votes, and nothing to someone the organisation does not know', async () => {
    expect(
      (await search(people.respondent, 'samrad.meetings', 'januar')).body.value.results.map((r) => r.title),
    ).toEqual([expect.stringContaining('Styremøte januar')]);
    expect((await search(people.respondent, 'samrad.votes', 'budsjett')).body.value.results).toHaveLength(1);
    expect((await search(people.stranger, 'samrad.people', 'eva')).body.value.results).toEqual([]);
  });
});
