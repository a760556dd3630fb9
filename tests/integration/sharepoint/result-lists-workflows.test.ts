import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { provisionResultLists } from '../../../src/adapters/sharepoint/typed-lists/provision-result-lists';
import { Catalogue } from '../../../src/i18n/catalogue';
import { cardAction, installation, message, people, type Person } from '../../fixtures/activities';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';
import { Started } from '../../fixtures/started';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { rowsOf } from '../../fakes/fake-graph/result-lists-on-fake';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';
import { requestProjection } from '../../../src/app/projection/request-projection';

/*
 * The bot on a tenant with SAMRAD_SHAREPOINT_LISTS on: a meeting with its cases, a
 * municipality's input and a hearing with a response, driven through Teams activities; then
 * the typed lists read from the fake as a coordinator opening the site would, and compared
 * with what the cards and summaries say.
 */
const credential: TokenCredential = {
  getToken: async () => ({ token: 'fake-app-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const now = new Date('2026-11-23T10:00:00Z');
let fake: FakeGraph;
let bot: BotUnderTest;
let meetingId = '';
let hearingId = '';
const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };

const started = new Started();
beforeAll(async () => {
  fake = started.add(await FakeGraph.start(), (f) => f.close());
  const http = graphOnFake(fake).http;
  await provisionSite(http, fake.lists.siteId);
  await provisionResultLists(http, fake.lists.siteId, Catalogue.load().for('nb'));
  bot = await startBot(
    {
      graph: {
        baseUrl: fake.baseUrl,
        credential: { kind: 'managedIdentity' },
        siteId: fake.lists.siteId,
        resultLists: true,
      },
    },
    { graphCredential: credential, clock: { now: () => now }, timer: idleTimer },
  );
  started.add(bot, (b) => b.stop());
  for (const p of [people.boardMember, people.respondent, eva]) await bot.post(installation(bot.connector.url, p));
});
afterAll(() => started.stopAll());

const press = async (from: Person, verb: string, data: object) =>
  JSON.stringify(
    (
      JSON.parse((await bot.post(cardAction(bot.connector.url, from, verb, { lang: 'nb', ...data }))).body) as {
        value: unknown;
      }
    ).value,
  );
const say = async (from: Person, text: string) => {
  bot.connector.clear();
  await bot.post(message(bot.connector.url, from, text));
  return bot.connector.everything();
};
const runJobs = async () => {
  for (let i = 0; i < 4; i++) await bot.samrad.jobs.runDue(now);
};

describe('the result lists follow the workflows, and show what the cards show', () => {
  it('Møter and Saker: the meeting and its agenda as the notice gives them', async () => {
    const created = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    meetingId = /Møte 1\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Handlingsplan 2027',
      proposal: 'Styret vedtar handlingsplanen.',
      documents: 'Saksframlegg | https://samarbeid.sharepoint.com/saker/2.pdf',
      responsible: 'ola-berg',
    });
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Budsjett 2027',
      proposal: 'Styret vedtar budsjettet.',
    });
    await runJobs();
    const agenda = await say(people.coordinator, `saksliste ${meetingId}`);
    const [meeting] = rowsOf(fake, 'SamradMeetings');
    expect(meeting).toMatchObject({
      Title: 'Styremøte',
      State: 'Planlagt',
      MeetingNumber: '1/2026',
      Start: '2026-12-10T09:00:00Z',
      End: '2026-12-10T11:00:00Z',
      Online: true,
      Cases: 2,
    });
    expect(agenda).toContain(String(meeting!.Body));
    const cases = rowsOf(fake, 'SamradCases').sort((a, b) => String(a.CaseNumber).localeCompare(String(b.CaseNumber)));
    expect(cases.map((c) => [c.CaseNumber, c.Title, c.ItemStatus])).toEqual([
      ['1/2026', 'Godkjenning av protokoll', 'Til behandling'],
      ['2/2026', 'Handlingsplan 2027', 'Til behandling'],
      ['3/2026', 'Budsjett 2027', 'Til behandling'],
    ]);
    for (const c of cases.slice(1)) {
      expect(agenda).toContain(String(c.Title));
      expect(agenda).toContain(String(c.Proposal));
    }
    expect(cases[1]).toMatchObject({
      Document: { Url: 'https://samarbeid.sharepoint.com/saker/2.pdf', Description: 'Saksframlegg' },
      Responsible: 'Ola Berg',
    });
  });

  it('Innspill: one row per municipality and case from the submitted answer, as the summary gives it', async () => {
    const version = (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))!.value.version;
    await press(people.respondent, 'input.save', {
      meetingId,
      version,
      municipality: '3324',
      'position-0': 'support',
      'text-0': 'Utkast.',
    });
    await runJobs();
    expect(rowsOf(fake, 'SamradInput')).toEqual([]); // a draft stays off the list
    await press(people.respondent, 'input.submit', {
      meetingId,
      version,
      municipality: '3324',
      'position-0': 'support',
      'position-1': 'against',
      'text-1': 'For lite til legevakt.',
    });
    await runJobs();
    const summary = await say(people.boardMember, `innspill ${meetingId}`);
    expect(summary).toContain('Støtter 0 · Støtter med endringer 0 · Mot 1');
    const rows = rowsOf(fake, 'SamradInput').sort((a, b) => String(a.CaseNumber).localeCompare(String(b.CaseNumber)));
    expect(rows.map((r) => [r.Municipality, r.CaseNumber, r.Position, r.InputText, r.AnswerStatus])).toEqual([
      ['Gol', '2/2026', 'Støtter', null, 'Sendt inn'],
      ['Gol', '3/2026', 'Mot', 'For lite til legevakt.', 'Sendt inn'],
    ]);
  });

  it('Høringer and Høringssvar: the hearing and each municipality’s answer per question, as `høring` shows them', async () => {
    const registered = await press(people.coordinator, 'hearing.register', {
      title: 'Forslag om krav til helsefellesskap',
      issuer: 'Helse- og omsorgsdepartementet',
      externalDeadline: '2026-12-15 12:00',
      internalDeadline: '',
      documents: 'https://www.regjeringen.no/horing.pdf',
      questions: 'Er forslaget godt nok utredet?\nHva betyr forslaget for legevakt?',
      municipalities: '',
      background: 'Forslaget gir kommunene nye plikter.',
      reminders: '5, 2, 0',
    });
    hearingId = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered)![1]!;
    await runJobs();
    await press(people.respondent, 'hearing.submit', {
      hearingId,
      version: 1,
      municipality: '3324',
      position: 'agree-with-remarks',
      'answer-0': 'Godt utredet for Gol.',
      'answer-1': 'Legevakten i Hallingdal får mer å gjøre.',
      text: 'Gol ber om midler.',
      links: '',
    });
    await runJobs();
    const [hearing] = rowsOf(fake, 'SamradHearings');
    expect(hearing).toMatchObject({
      HearingId: hearingId,
      Title: 'Forslag om krav til helsefellesskap',
      Issuer: 'Helse- og omsorgsdepartementet',
      HearingState: 'Åpen',
      Municipalities: 21,
      ExternalDeadline: '2026-12-15T11:00:00Z',
    });
    expect(hearing!.Document).toEqual({
      Url: 'https://www.regjeringen.no/horing.pdf',
      Description: 'https://www.regjeringen.no/horing.pdf',
    });
    const card = await say(people.coordinator, `høring ${hearingId}`);
    expect(card).toContain('1 av 21 har svart');
    const responses = rowsOf(fake, 'SamradHearingResponses');
    expect(responses.map((r) => [r.Municipality, r.QuestionNumber, r.Question, r.Answer, r.Position, r.Late])).toEqual([
      ['Gol', 1, 'Er forslaget godt nok utredet?', 'Godt utredet for Gol.', 'Enig med merknader', false],
      [
        'Gol',
        2,
        'Hva betyr forslaget for legevakt?',
        'Legevakten i Hallingdal får mer å gjøre.',
        'Enig med merknader',
        false,
      ],
    ]);
    expect(card).toMatch(/"title":"Gol","value":"[^"]+"/);
    expect(responses.filter((r) => r.AnswerStatus === 'Sendt inn')).toHaveLength(1 * 2);
  });

  it('moving and cancelling the meeting: its row follows within the next pass, and a second pass writes nothing', async () => {
    expect(await say(people.coordinator, `avlys møte ${meetingId} Ingen saker`)).toContain('Avlys møtet');
    await press(people.coordinator, 'meeting.cancel', { meetingId, reason: 'Ingen saker' });
    await runJobs();
    expect(rowsOf(fake, 'SamradMeetings')[0]).toMatchObject({ State: 'Avlyst', CancelReason: 'Ingen saker' });
    const typedWrites = () =>
      fake.count(undefined, /\/lists\/[^/]+\/items/, (r) => r.method !== 'GET' && !r.path.includes('SamradRecords'));
    expect(typedWrites()).toBeGreaterThan(0);
    const before = typedWrites();
    // Asked again (as after a crash before the job settled): read, compared, nothing written.
    await say(people.coordinator, `saksliste ${meetingId}`);
    await requestProjection(bot.samrad.store, { now: () => now }, { collection: 'meetings', id: meetingId });
    const reads = fake.count('GET', /\/lists\/[^/]+\/items$/, (r) => !r.path.includes('SamradRecords'));
    await runJobs();
    expect(fake.count('GET', /\/lists\/[^/]+\/items$/, (r) => !r.path.includes('SamradRecords'))).toBe(reads + 2); // Møter and Saker read again
    expect(typedWrites()).toBe(before);
  });
});
