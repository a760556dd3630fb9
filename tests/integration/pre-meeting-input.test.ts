import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { planBoardMeetingWith } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { documentXml } from '../unit/exports/read-docx';

let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const { say, press } = chatWith(() => bot);
const versionOf = async () =>
  (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))?.value.version ?? 0;

describe('input from the municipalities before a meeting', () => {
  beforeAll(async () => {
    meetingId = await planBoardMeetingWith(press);
  });

  it('planning the meeting plans its formøte and the input request at the default lead time', async () => {
    // The board's formøte is two hours before (08.00), so answers are due a day before that.
    expect(await say(people.respondent, `gi innspill ${meetingId}`)).toContain('Frist: 09.12.2026 kl. 08.00.');
    const pre = await bot.samrad.store.get<{ start: string; end: string }>('preMeetings', meetingId);
    expect(pre?.value).toMatchObject({ start: '2026-12-10T07:00:00.000Z', end: '2026-12-10T08:00:00.000Z' });
    const jobs = (await bot.samrad.store.find<{ kind: string; dueAt: string }>('jobs', {}))
      .map((j) => j.value)
      .filter((j) => j.kind.startsWith('input.'));
    expect(jobs.map((j) => `${j.kind} ${j.dueAt}`).sort()).toEqual([
      'input.remind 2026-12-06T07:00:00.000Z',
      'input.remind 2026-12-08T07:00:00.000Z',
      'input.send 2026-12-03T07:00:00.000Z',
      'input.summary 2026-12-09T07:00:00.000Z',
    ]);
  });

  it('be om innspill takes a lead time and reminder days, and refuses days that are not whole numbers', async () => {
    // A refused argument is answered with what was understood and the usage from the declared grammar.
    const words = await say(people.coordinator, `be om innspill ${meetingId} utsendelse tre`);
    expect(words).toContain(`Jeg forstod ikke «tre» som dager før formøtet. Jeg forstod: møte «${meetingId}».`);
    expect(words).toContain(
      'Skriv slik: «be om innspill [møte] [frist <dato og tid>] [utsendelse <dager før formøtet>] [påminn <dager før fristen>]».',
    );
    expect(await say(people.coordinator, `be om innspill ${meetingId} påminn 2,0`)).toContain(
      'Jeg forstod ikke «2,0» som dager før fristen.',
    );
    const out = await say(people.coordinator, `be om innspill ${meetingId} utsendelse 10 påminn 5,2`);
    expect(out).toContain('kortene sendes 30.11.2026 kl. 08.00, fristen er 09.12.2026 kl. 08.00');
    const request = await bot.samrad.store.get<{ sendAt: string; reminders: string[] }>('inputRequests', meetingId);
    expect(request?.value).toMatchObject({
      sendAt: '2026-11-30T07:00:00.000Z',
      reminders: ['2026-12-04T07:00:00.000Z', '2026-12-07T07:00:00.000Z'],
    });
    const english = await say(people.coordinator, `request input ${meetingId} send 7 remind 3`);
    expect(english).toContain('the cards go out 3 Dec 2026 08:00');
  });

  it('be om innspill asks every municipality now, with a deadline', async () => {
    const out = await say(people.coordinator, `be om innspill ${meetingId} frist 2026-12-08 12:00`);
    expect(out).toContain('fra 21 kommuner, med frist 08.12.2026 kl. 12.00');
    const send = (await bot.samrad.store.find<{ kind: string; dueAt: string }>('jobs', { kind: 'input.send' }))
      .map((j) => j.value.dueAt)
      .sort();
    expect(send).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-30T07:00:00.000Z', '2026-12-03T07:00:00.000Z']);
  });

  it('a respondent gets one card per municipality, with every case', async () => {
    const marit = await say(people.respondent, `gi innspill ${meetingId}`);
    expect(marit).toContain('Innspill fra Gol');
    expect(marit).toContain('Sak 2/2026 Handlingsplan 2027');
    expect(marit).toContain('Sak 3/2026 Budsjett 2027');
    expect(bot.connector.cards()).toHaveLength(1);
    await say(eva, `gi innspill ${meetingId}`); // respondent for Hole, deputy for Ringerike
    expect(bot.connector.cards().map((c) => /Innspill fra (\w+)/.exec(JSON.stringify(c))?.[1])).toEqual([
      'Hole',
      'Ringerike',
    ]);
  });

  it('a draft is kept but not counted; a submission needs every position; the answer can change', async () => {
    const version = await versionOf();
    const base = { meetingId, version, municipality: '3324' };
    expect(await press(people.respondent, 'input.submit', { ...base, 'position-0': 'support' })).toContain(
      'Velg et standpunkt for hver sak',
    );
    const draft = await press(people.respondent, 'input.save', {
      ...base,
      'position-0': 'support',
      'text-0': 'Bra plan.',
    });
    expect(draft).toContain('Utkast lagret');
    expect(draft).toContain('Bra plan.');
    const sent = await press(people.respondent, 'input.submit', {
      ...base,
      'position-0': 'support',
      'position-1': 'against',
      'text-1': 'For lite til legevakt.',
    });
    expect(sent).toContain('Svaret er sendt inn');
    expect(sent).toContain('Sendt inn 23.11.2026 kl. 11.00 av Marit Kvam');
    const stored = await bot.samrad.store.get<{ answers: { status: string }[] }>('inputAnswers', `${meetingId}:3324`);
    expect(stored?.value.answers.map((a) => a.status)).toEqual(['draft', 'submitted']);
  });

  it('the respondent and the deputy both answer; both are kept and the later one counts', async () => {
    const version = await versionOf();
    const base = { meetingId, version, municipality: '3305' };
    await press(people.boardMember, 'input.submit', { ...base, 'position-0': 'support', 'position-1': 'support' });
    await press(eva, 'input.submit', {
      ...base,
      'position-0': 'against',
      'position-1': 'support',
      'text-0': 'Ringerike ønsker endringer.',
    });
    const stored = await bot.samrad.store.get<{ answers: { givenBy: string; givenAs: string }[] }>(
      'inputAnswers',
      `${meetingId}:3305`,
    );
    expect(stored?.value.answers.map((a) => [a.givenBy, a.givenAs])).toEqual([
      ['ola-berg', 'respondent'],
      ['eva-nilsen', 'deputy'],
    ]);
  });

  it('refuses an answer for a municipality the person does not represent, and a card from before the agenda changed', async () => {
    const version = await versionOf();
    expect(
      await press(people.respondent, 'input.submit', {
        meetingId,
        version,
        municipality: '3301',
        'position-0': 'support',
        'position-1': 'support',
      }),
    ).toContain('svarer ikke for');
    expect(await say(people.coordinator, `gi innspill ${meetingId}`)).toContain('hører ikke til rollen din');
    await press(people.coordinator, 'agenda.add', { meetingId, title: 'Eventuelt', inMeeting: 'true' });
    const stale = await press(people.respondent, 'input.submit', {
      meetingId,
      version,
      municipality: '3324',
      'position-0': 'no-view',
      'position-1': 'no-view',
    });
    expect(stale).toContain('Sakslisten er endret');
    expect(stale).toContain('Sak 4/2026 Eventuelt'); // and the new card has the new case
  });

  it('innspill shows agreement and divergence per case, and the basis document downloads behind a signed link', async () => {
    const out = await say(people.boardMember, `innspill ${meetingId}`);
    expect(out).toContain('2 av 21 kommuner har svart');
    expect(out).toContain('Gol (Mot): For lite til legevakt.');
    expect(out).toContain('Ringerike (Mot): Ringerike ønsker endringer.');
    // The summary card (the runner may be delivering input cards at the same moment).
    const card = JSON.stringify(bot.connector.cards().find((c) => JSON.stringify(c).includes('grunnlag.docx')));
    // Positions per case as a stacked bar where Teams draws charts, with a table as its fallback (issue 16, part 7).
    expect(card).toContain('"type":"Chart.HorizontalBar.Stacked"');
    expect(card).toMatch(/"title":"Sak 3\/2026","data":\[[^\]]*"legend":"Mot","value":1/);
    expect(card).toMatch(/"fallback":\{"type":"FactSet","facts":\[[^\]]*"title":"Sak 3\/2026","value":"[^"]*Mot 1/);
    const docxUrl = JSON.parse(`"${/"url":"([^"]+grunnlag\.docx[^"]+)"/.exec(card)![1]}"`) as string;
    const docx = await fetch(docxUrl);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(`grunnlagsdokument-${meetingId}.docx`);
    const xml = documentXml(Buffer.from(await docx.arrayBuffer()));
    expect(xml).toContain('For lite til legevakt.');
    expect(xml.indexOf('Handlingsplan 2027')).toBeLessThan(xml.indexOf('Budsjett 2027'));
    const mdUrl = JSON.parse(`"${/"url":"([^"]+grunnlag\.md[^"]+)"/.exec(card)![1]}"`) as string;
    const md = await (await fetch(mdUrl)).text();
    expect(md).toContain('For lite til legevakt.');
    // A link with a changed path, a forged signature or no signature downloads nothing.
    expect((await fetch(docxUrl.replace('grunnlag.docx', 'grunnlag.md'))).status).toBe(403);
    expect((await fetch(docxUrl.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect((await fetch(docxUrl.split('?')[0]!)).status).toBe(403);
  });

  it("the card refreshes to the municipality's latest answer, and only for those who answer for it", async () => {
    const mine = await press(people.respondent, 'input.refresh', { meetingId, municipality: '3324' });
    expect(mine).toContain('Sendt inn');
    expect(mine).toContain('"refresh"');
    expect(await press(people.boardMember, 'input.refresh', { meetingId, municipality: '3324' })).toContain(
      'Du svarer ikke for noen kommune',
    );
  });

  it("an older client's Action.Submit reaches the same action, and the card offers it as fallback", async () => {
    const card = await press(people.respondent, 'input.refresh', { meetingId, municipality: '3324' });
    expect(card).toContain('"fallback":{"type":"Action.Submit"');
    bot.connector.clear();
    const submit = {
      ...message(bot.connector.url, people.respondent, ''),
      text: undefined,
      value: {
        verb: 'input.save',
        meetingId,
        version: await versionOf(),
        municipality: '3324',
        'position-0': 'against',
        'text-0': 'Fra en eldre klient.',
      },
    };
    await bot.post(submit);
    expect(bot.connector.everything()).toContain('Fra en eldre klient.');
    const stored = await bot.samrad.store.get<{ answers: { items: { text: string }[] }[] }>(
      'inputAnswers',
      `${meetingId}:3324`,
    );
    expect(stored?.value.answers.at(-1)?.items[0]?.text).toBe('Fra en eldre klient.');
  });

  it('after the deadline the card says so and nothing more is saved', async () => {
    now = new Date('2026-12-08T11:30:00Z');
    const version = await versionOf();
    const late = await press(people.respondent, 'input.submit', {
      meetingId,
      version,
      municipality: '3324',
      'position-0': 'support',
      'position-1': 'support',
      'position-2': 'no-view',
    });
    expect(late).toContain('Fristen er ute');
    expect(late).not.toContain('"verb":"input.submit"');
    const stored = await bot.samrad.store.get<{ answers: unknown[] }>('inputAnswers', `${meetingId}:3324`);
    expect(stored?.value.answers).toHaveLength(3); // the two before, and the older client's draft
  });
});
