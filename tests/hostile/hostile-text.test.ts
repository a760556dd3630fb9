import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, TEAM_ID } from '../fixtures/activities';
import { cardFindings, END, hostileParts, shownTexts, START } from '../fixtures/hostile-text';
import { Harness, runCase, type Answer, type HostileCase } from './harness';
import { createTargets, type Targets } from './setup';

/*
 * Markdown, template expressions, {{DATE()}}, bidi and zero-width characters in every free-text
 * field that reaches another person's card. One person writes; someone else looks; what they
 * see must show the text as written: no live link, emphasis or list, no date function, no
 * bidi control. Each field is a row; each payload a column. Add both as the product grows.
 */

const payloads: Record<string, string> = {
  'a disguised link': '[Klikk her](https://evil.example/login) for Gols vedtak',
  'a link that looks like regjeringen.no': '[https://www.regjeringen.no/vedtak](https://evil.example/)',
  'a fake notice': '**VIKTIG: Møtet er avlyst**\n\n- Fra sekretariatet: møtet er avlyst',
  'a date function': '{{DATE(2026-01-15T09:30:00Z, SHORT)}} kl. {{TIME(2026-01-15T09:30:00Z)}}',
  'a right-to-left override': 'Vedtak \u202Enetsket revne\u202C og \u2066isolert\u2069 \u200Fmerke',
  'zero-width and control characters': 'null\u200Bbredde\u200C\u200D\u2060\uFEFF myk\u00AD \u0007\u001B[31m',
  'template and script injection':
    '${$root.voteId} ${ADMIN} <script>alert(1)</script> <img src=x onerror=alert(1)> &#x202E;',
  'our own markup markers': '\uE000**falsk markup**\uE001 \uE001\uE000',
};
const wrap = (p: string) => `${START} ${p} ${END}`;

let h: Harness;
let x: Targets;
beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
}, 60_000);
afterAll(() => h.stop());

const channel = { kind: 'channel' as const };
const cardsIn = (a: Answer): unknown[] =>
  a.text
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .flatMap((l) => {
      const o = JSON.parse(l) as { type?: string; value?: unknown; attachments?: { content: unknown }[] };
      return [
        ...(typeof o.value === 'object' && o.value ? [o.value] : []),
        ...(o.attachments ?? []).map((at) => at.content),
      ];
    });

/** A field: someone writes `value` there, and someone else's view of it comes back. */
type Field = (hh: Harness, value: string) => Promise<Answer>;

const meetingVersion = async (hh: Harness) =>
  (await hh.bot.samrad.store.get<{ version: number }>('meetings', x.meetingId))!.value.version;
let alternativeCount = 0;
let planYear = 2040;

const fields: Record<string, Field> = {
  'a vote’s title, seen by a member refreshing the vote': async (hh, value) => {
    const opened = await hh.press(people.coordinator, 'vote.open', { title: value, body: 'styret' }, channel);
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.text)?.[1] ?? 'NONE';
    return hh.press(people.respondent, 'vote.refresh', { voteId: id }, channel);
  },
  'a vote’s alternatives, seen in the result line after the close': async (hh, value) => {
    alternativeCount++;
    const opened = await hh.press(
      people.coordinator,
      'vote.open',
      {
        title: `Valg ${alternativeCount}`,
        body: 'styret',
        alternatives: `${value.replace(/\n/g, ' ')}\nKongsberg`,
        quorum: 'none',
        interimResults: 'shown',
      },
      channel,
    );
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.text)?.[1] ?? 'NONE';
    await hh.press(people.respondent, 'vote.cast', { voteId: id, option: 'a1' }, channel);
    return hh.press(people.coordinator, 'vote.close', { voteId: id }, channel);
  },
  'a meeting’s title, place and notes, seen on the notice by a member': async (hh, value) => {
    const created = await hh.press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: value.slice(0, 190),
      date: '2026-12-17',
      startTime: '10:00',
      endTime: '11:00',
      place: value,
      notes: value,
    });
    const id = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created.text)?.[1] ?? 'NONE';
    return hh.say(people.respondent, `saksliste ${id}`);
  },
  'a case’s title and proposal, seen on a respondent’s input card': async (hh, value) => {
    await hh.press(people.coordinator, 'agenda.add', {
      meetingId: x.meetingId,
      title: value.slice(0, 190),
      proposal: value,
    });
    return hh.say(people.respondent, `gi innspill ${x.meetingId}`);
  },
  'a respondent’s input, seen on the input summary by a board member': async (hh, value) => {
    const version = await meetingVersion(hh);
    const cases = (await hh.bot.samrad.store.get<{ agenda: unknown[] }>('meetings', x.meetingId))!.value.agenda.length;
    const positions = Object.fromEntries(
      Array.from({ length: cases }, (_, k) => [`position-${k}`, k === 0 ? 'support' : 'against']),
    );
    const texts = Object.fromEntries(Array.from({ length: cases }, (_, k) => [`text-${k}`, value]));
    await hh.press(people.respondent, 'input.submit', {
      meetingId: x.meetingId,
      version,
      municipality: '3324',
      ...positions,
      ...texts,
    });
    return hh.say(people.boardMember, `innspill ${x.meetingId}`);
  },
  'an action plan’s focus area and measure, seen in the board case on the agenda by a member': async (hh, value) => {
    // Typed in a chat message: one line, the title within its 200 characters.
    const line = value.replace(/\s+/g, ' ');
    const year = planYear++;
    await hh.say(people.coordinator, `nytt satsingsområde ${year} 1 1000 ${line.slice(0, 190)}`);
    await hh.say(people.coordinator, `nytt tiltak ${year} 1 01.06.${year} Marit: ${line}`);
    await hh.say(people.coordinator, `legg fram handlingsplan ${year} ${x.meetingId}`);
    return hh.say(people.respondent, `saksliste ${x.meetingId}`);
  },
  'a Teams display name, seen in the coordinator’s synkroniser report': async (hh, value) => {
    hh.bot.connector.members.set(TEAM_ID, [
      { id: '29:ingrid', name: 'Ingrid Haugen', aadObjectId: people.coordinator.aadObjectId },
      {
        id: '29:evil',
        name: value,
        aadObjectId: 'aaaaaaaa-0000-4000-8000-0000000000ee',
        userPrincipalName: 'evil_example.org#EXT#@samrad.onmicrosoft.com',
      },
    ]);
    return hh.say(people.coordinator, 'synkroniser', channel);
  },
  'a hearing’s title and background, seen on a respondent’s response card': async (hh, value) => {
    const registered = await hh.press(
      people.coordinator,
      'hearing.register',
      {
        title: value.slice(0, 190),
        issuer: value.slice(0, 190),
        externalDeadline: '2026-12-20 12:00',
        internalDeadline: '',
        documents: '',
        questions: value.replace(/\n/g, ' '),
        municipalities: '',
        background: value,
        reminders: '',
      },
      channel,
    );
    const id = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered.text)?.[1] ?? 'NONE';
    return hh.say(people.respondent, `svar høring ${id}`);
  },
};

const cases: HostileCase[] = Object.entries(fields).flatMap(([field, write]) =>
  Object.entries(payloads).map(([payload, text]): HostileCase => ({
    name: `${payload} in ${field}`,
    send: (hh) => write(hh, wrap(text)),
    // The hostile value reached the other person's card.
    expect: new RegExp(START),
    changes: true,
    then: (_hh, answer) => {
      const cards = cardsIn(answer);
      expect(cards.length, 'a card came back').toBeGreaterThan(0);
      expect(
        cards.flatMap((c) => shownTexts(c)).some((s) => hostileParts(s.text).length > 0),
        'the value is shown',
      ).toBe(true);
      expect(cards.flatMap(cardFindings)).toEqual([]);
    },
  })),
);

describe('hostile: text one person writes and another sees', () => {
  for (const c of cases) it(c.name, () => runCase(h, c));
});
