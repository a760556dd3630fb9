import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cardAction, installation, message, people, TEAM_ID, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { documentXml } from '../unit/exports/read-docx';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let id = '';
const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const channel = { kind: 'channel' as const };
const personal = (p: Person) => `a:personal-${p.id}`;

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  for (const p of [people.boardMember, people.respondent, eva]) await bot.post(installation(bot.connector.url, p));
});
afterAll(async () => bot.stop());

const press = async (
  from: Person,
  verb: string,
  data: object,
  where: { kind: 'personal' | 'channel' } = { kind: 'personal' },
  actionId?: string,
) => {
  const body = JSON.parse(
    (await bot.post(cardAction(bot.connector.url, from, verb, { lang: 'nb', ...data }, where, actionId))).body,
  ) as { type: string; value: any };
  if (body.type.endsWith('card.adaptive')) expectValidCards([body.value]);
  return JSON.stringify(body.value);
};
const say = async (from: Person, text: string, where: { kind: 'personal' | 'channel' } = { kind: 'personal' }) => {
  bot.connector.clear();
  await bot.post(message(bot.connector.url, from, text, where));
  expectValidCards(bot.connector.cards());
  return bot.connector.everything();
};
/** The distribution job, then the messages it scheduled. */
const runJobs = async () => {
  await bot.samrad.jobs.runDue();
  await bot.samrad.jobs.runDue();
};
const sentTo = (p: Person) => bot.connector.sent.filter((s) => s.conversationId === personal(p));
const form = {
  title: 'Forslag om krav til helsefellesskap',
  issuer: 'Helse- og omsorgsdepartementet',
  externalDeadline: '2026-12-15 12:00',
  internalDeadline: '',
  documents: 'https://www.regjeringen.no/horing.pdf',
  questions: 'Er forslaget godt nok utredet?\nHva betyr forslaget for legevakt?',
  municipalities: '',
  background: 'Forslaget gir kommunene nye plikter.',
  reminders: '5, 2, 0',
};
const answer = (municipality: string, extra: object = {}) => ({
  hearingId: id,
  version: 1,
  municipality,
  position: 'agree',
  'answer-0': '',
  'answer-1': '',
  text: '',
  links: '',
  ...extra,
});

describe('a hearing from registration to the joint statement', () => {
  it('refuses a form with no deadline, a past deadline, or from someone who is not the coordinator, and stores nothing', async () => {
    await say(people.coordinator, 'hjelp', channel); // the channel is remembered: the notice goes there
    expect(await say(people.respondent, 'ny høring')).toContain('hører ikke til rollen din');
    expect(await press(people.coordinator, 'hearing.register', { ...form, externalDeadline: '' }, channel)).toContain(
      'må ha en høringsfrist',
    );
    expect(
      await press(people.coordinator, 'hearing.register', { ...form, externalDeadline: '2026-11-01' }, channel),
    ).toContain('allerede gått ut');
    expect(
      await press(people.coordinator, 'hearing.register', { ...form, externalDeadline: '31.02.2026' }, channel),
    ).toContain('Skriv fristen som');
    expect(await press(people.respondent, 'hearing.register', form)).toContain('Bare koordinatoren');
    expect(await bot.samrad.store.find('hearings')).toEqual([]);
  });

  it('registers, posts the coordinator card, and sends exactly one card per respondent and deputy', async () => {
    expect(await say(people.coordinator, 'ny høring Helsefellesskap', channel)).toContain('Registrer og send ut');
    bot.connector.clear();
    const registered = await press(people.coordinator, 'hearing.register', form, channel);
    id = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered)![1]!;
    expect(registered).toContain('sendes til 21 kommuner');
    expect(registered).toContain('0 av 21 har svart');
    expect(bot.connector.sent.filter((s) => s.conversationId === TEAM_ID)).toHaveLength(1); // the card that follows the answers

    bot.connector.clear();
    await runJobs();
    await runJobs(); // nothing more: every card is one job
    expect(sentTo(people.boardMember)).toHaveLength(1); // Ringerike
    expect(sentTo(people.respondent)).toHaveLength(1); // Gol
    expect(sentTo(eva)).toHaveLength(2); // Hole, and Ringerike as deputy
    const marit = JSON.stringify(sentTo(people.respondent)[0]);
    expect(marit).toContain('Høringssvar fra Gol');
    expect(marit).toContain('Spørsmål 2: Hva betyr forslaget for legevakt?');
    expect(marit).toContain('Frist for kommunene: 08.12.2026 kl. 12.00');
    const notice = bot.connector.sent.filter((s) => s.conversationId === TEAM_ID).map((s) => s.activity.text ?? '');
    expect(notice).toHaveLength(1);
    // Finding 10: counted from who was reached, consistently with who cannot be (not "21 kommuner (0 personer)").
    expect(notice[0]).toContain('er sendt til 3 personer i 3 av 21 kommuner');
    expect(notice[0]).toMatch(/\d+ personer kan ikke nås før de har åpnet en chat med Samråd/);
  });

  it('refuses empty, overlong and unrepresented responses, saving nothing', async () => {
    expect(await press(people.respondent, 'hearing.submit', answer('3324', { position: '' }))).toContain(
      'Svaret er tomt',
    );
    expect(
      await press(people.respondent, 'hearing.submit', answer('3324', { position: '', text: 'Vi mener noe.' })),
    ).toContain('Velg et samlet standpunkt');
    expect(await press(people.respondent, 'hearing.submit', answer('3324', { text: 'x'.repeat(4001) }))).toContain(
      'høyst 4000 tegn',
    );
    expect(await press(people.coordinator, 'hearing.submit', answer('3301'))).toContain('Du svarer ikke for');
    expect(await press(people.respondent, 'hearing.submit', answer('3305'))).toContain('Du svarer ikke for');
    expect(await press(people.stranger, 'hearing.submit', answer('3324'))).toContain('kjenner deg ikke');
    expect(await bot.samrad.store.find('hearingResponses')).toEqual([]);
  });

  it('a draft is kept but not counted, and the card comes back filled in', async () => {
    bot.connector.clear();
    const draft = await press(
      people.respondent,
      'hearing.save',
      answer('3324', { position: '', 'answer-0': 'Foreløpig: godt utredet.' }),
    );
    expect(draft).toContain('Utkastet er lagret');
    expect(draft).toContain('Foreløpig: godt utredet.');
    // The coordinator's card is refreshed after the answer, not before it (the respondent does not wait).
    await vi.waitFor(() => expect(JSON.stringify(bot.connector.updated)).toContain('0 av 21 har svart'));
    expect(await say(people.coordinator, `høring ${id}`)).toMatch(/"title":"Gol","value":"Utkast"/);
  });

  it('a submitted response updates the coordinator card in place', async () => {
    bot.connector.clear();
    const sent = await press(
      people.respondent,
      'hearing.submit',
      answer('3324', { 'answer-0': 'Godt utredet for Gol.', 'answer-1': 'Legevakten i Hallingdal får mer å gjøre.' }),
    );
    expect(sent).toContain('Høringssvaret er sendt inn');
    await vi.waitFor(() =>
      expect(bot.connector.updated.map((u) => JSON.stringify(u.activity))).toEqual([
        expect.stringContaining('1 av 21 har svart'),
      ]),
    );
    expect(bot.connector.updated[0]?.conversationId).toBe(TEAM_ID);
  });

  it('reminds, at the first reminder, only the respondents of municipalities that have not answered', async () => {
    now = new Date('2026-12-03T08:00:30Z'); // 09:00 Oslo, five days before
    bot.connector.clear();
    await runJobs();
    await runJobs();
    const reminded = bot.connector.sent.filter((s) => (s.activity.text ?? '').includes('Påminnelse'));
    expect(
      reminded
        .map((r) => [
          r.conversationId,
          r.activity.text!.includes('har ikke sendt inn') && /(\w+) har ikke/.exec(r.activity.text!)?.[1],
        ])
        .sort(),
    ).toEqual([
      [personal(eva), 'Hole'],
      [personal(people.boardMember), 'Ringerike'],
    ]);
  });

  it('Hole answers after the reminder; an extension tells everyone and a card from before it is refused', async () => {
    expect(
      await press(
        eva,
        'hearing.submit',
        answer('3310', { position: 'disagree', 'answer-0': 'Økonomien er ikke utredet.' }),
      ),
    ).toContain('sendt inn');
    bot.connector.clear();
    const extended = await press(
      people.coordinator,
      'hearing.extend',
      { hearingId: id, newDeadline: '10.12.2026 12:00' },
      channel,
    );
    expect(extended).toContain('Fristen er flyttet');
    expect(await press(people.respondent, 'hearing.extend', { hearingId: id, newDeadline: '2026-12-11' })).toContain(
      'Bare koordinatoren',
    );
    await runJobs();
    expect(bot.connector.texts().filter((t) => t.includes('er flyttet til 10.12.2026 kl. 12.00'))).toHaveLength(4);
    const stale = await press(people.boardMember, 'hearing.submit', answer('3305'));
    expect(stale).toContain('Fristen er endret');
    expect(stale).toContain('"version":2'); // and the new card can be used
  });

  it('the last reminder also goes to the deputy', async () => {
    now = new Date('2026-12-10T08:00:30Z');
    bot.connector.clear();
    await runJobs();
    await runJobs();
    const reminded = bot.connector.sent
      .filter((s) => (s.activity.text ?? '').includes('Påminnelse'))
      .map((r) => r.conversationId)
      .sort();
    expect(reminded).toEqual([personal(eva), personal(people.boardMember)].sort()); // both for Ringerike
  });

  it('two people answering for one municipality at the same moment: both kept, the later counts, no error', async () => {
    const [ola, deputy] = await Promise.all([
      press(
        people.boardMember,
        'hearing.submit',
        answer('3305', { version: 2, position: 'agree-with-remarks', text: 'Ringerike ber om mer tid, "snarest".' }),
      ),
      press(
        eva,
        'hearing.submit',
        answer('3305', { version: 2, position: 'agree', text: 'Ringerike støtter, "i hovedsak".' }),
      ),
    ]);
    for (const reply of [ola, deputy]) expect(reply).toContain('Høringssvaret er sendt inn');
    const stored = await bot.samrad.store.get<{ responses: { givenBy: string; version: number }[] }>(
      'hearingResponses',
      `${id}:3305`,
    );
    expect(stored?.value.responses.map((r) => r.version)).toEqual([1, 2]);
    expect(new Set(stored?.value.responses.map((r) => r.givenBy))).toEqual(new Set(['ola-berg', 'eva-nilsen']));
  });

  it('after the deadline an answer is taken and flagged late', async () => {
    now = new Date('2026-12-10T12:30:00Z');
    const late = await press(
      people.respondent,
      'hearing.submit',
      answer('3324', { version: 2, position: 'agree-with-remarks', 'answer-0': 'Godt utredet for Gol.' }),
    );
    expect(late).toContain('merkes som for sent');
    const status = await say(people.coordinator, `høring ${id}`);
    expect(status).toContain('Svart for sent');
    // The same counts as a pie where Teams draws charts, and as a table where it cannot (issue 16, part 7).
    const pie = JSON.stringify(
      bot.connector
        .cards()
        .flatMap((c: { body?: unknown[] }) => c.body ?? [])
        .find((e) => (e as { type?: string }).type === 'Chart.Pie'),
    );
    expect(pie).toContain('"legend":"Svart for sent","value":1');
    expect(pie).toContain('"fallback":{"type":"FactSet"');
    expect(pie).toContain('"title":"Svart for sent","value":"1"');
    expect(await say(people.boardMember, 'høringer')).toContain('3 av 21 har svart');
  });

  it('compiles the joint statement: DOCX with each answer under its question, CSV with every row', async () => {
    const out = await say(people.coordinator, `sammenstill høring ${id}`);
    expect(out).toContain('Felles høringsuttalelse');
    const card = JSON.stringify(bot.connector.cards()[0]);
    const url = (name: string) =>
      JSON.parse(`"${new RegExp(`"url":"([^"]+${name.replace('.', '\\.')}[^"]+)"`).exec(card)![1]}"`) as string;
    const docx = await fetch(url('uttalelse.docx'));
    expect(docx.status).toBe(200);
    const xml = documentXml(Buffer.from(await docx.arrayBuffer()));
    const q1 = xml.indexOf('Spørsmål 1: Er forslaget godt nok utredet?');
    const q2 = xml.indexOf('Spørsmål 2: Hva betyr forslaget for legevakt?');
    expect(q1).toBeGreaterThan(-1);
    expect(q2).toBeGreaterThan(q1);
    const hole = xml.indexOf('Økonomien er ikke utredet.');
    expect(hole).toBeGreaterThan(q1);
    expect(hole).toBeLessThan(q2);
    expect(xml.indexOf('Legevakten i Hallingdal', q2)).toBe(-1); // Gol's later response left question 2 blank
    expect(xml).toContain('svart etter fristen');
    const csv = Buffer.from(await (await fetch(url('svar.csv'))).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 21 * 2);
    // Whichever of the two counts, its comma and quotes survive: the field is quoted, quotes doubled.
    expect(lines.find((l) => l.startsWith('3305,Ringerike,'))).toMatch(
      /,"Ringerike [^"]+, ""(snarest|i hovedsak)""\.",/,
    );
    expect(lines.find((l) => l.startsWith('3324,Gol,'))).toContain('Marit Kvam');
    expect((await fetch(url('svar.csv').replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });

  it('closing ends answering; nothing more is stored', async () => {
    expect(await say(people.coordinator, `lukk høring ${id}`)).toContain('Høringen er lukket');
    const refused = await press(people.respondent, 'hearing.submit', answer('3324', { version: 2 }));
    expect(refused).toContain('Høringen er lukket. Ingenting ble lagret.');
    expect(refused).not.toContain('"verb":"hearing.submit"');
    const stored = await bot.samrad.store.get<{ responses: { status: string }[] }>('hearingResponses', `${id}:3324`);
    expect(stored?.value.responses.map((r) => r.status)).toEqual(['draft', 'submitted', 'submitted']); // nothing after closing
  });
});
