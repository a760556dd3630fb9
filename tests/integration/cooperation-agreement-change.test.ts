import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cardAction, installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { parseOrganisation } from '../../src/adapters/organisation-file/yaml-organisation-source';
import { readFileSync } from 'node:fs';

let now = new Date('2026-03-12T10:00:00Z');
const clock = { now: () => now };
let bot: BotUnderTest;
const loaded = parseOrganisation(readFileSync('config/organisation.yaml', 'utf8'));
const numbers = loaded.ok ? loaded.value.municipalities.map((m) => m.number) : [];

beforeAll(async () => {
  bot = await startBot({}, { clock });
  for (const p of [people.coordinator, people.boardMember, people.respondent])
    await post(installation(bot.connector.url, p));
});
afterAll(async () => {
  await bot.stop();
});

const post = async (activity: object) => {
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
  return res.body;
};
const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  await post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  expectValidCards(bot.connector.cards());
  return bot.connector.everything();
};
const press = async (from: Person, data: object) => {
  const body = JSON.parse(
    await post(cardAction(bot.connector.url, from, 'agreement.decide', data, { kind: 'personal' }, randomUUID())),
  ) as { type: string; value: unknown };
  if (body.type.endsWith('card.adaptive')) expectValidCards([body.value]);
  return JSON.stringify(body.value);
};
const runDue = async () => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};
const sentTo = (person: Person, words: string) =>
  bot.connector.sent.filter(
    (s) => s.conversationId === `a:personal-${person.id}` && JSON.stringify(s.activity).includes(words),
  );

let changeId = '';

describe('avtaleendring / agreement change over HTTP', () => {
  it('the coordinator starts a change; every member municipality is asked, the respondent gets a card', async () => {
    const out = await say(
      people.coordinator,
      'avtaleendring 01.06.2026 Ny kontingentsats: Kontingenten settes til kr 4 per innbygger fra 2027.',
    );
    changeId = /Avtaleendring ([A-Z2-9]{5}) «Ny kontingentsats» er sendt til 21 medlemskommuner/.exec(out)?.[1] ?? '';
    expect(changeId).toMatch(/^[A-Z2-9]{5}$/);
    expect(out).toContain('Svarfrist 01.06.2026');
    await runDue();
    const card = sentTo(people.respondent, 'Kontingenten settes til kr 4 per innbygger');
    expect(card).toHaveLength(1);
    expect(JSON.stringify(card[0]!.activity)).toContain(`Avtaleendring ${changeId} · Gol`);
  });

  it('a board member may follow the tracker but not start one', async () => {
    const tracker = await say(people.boardMember, `avtaleendring ${changeId}`);
    expect(tracker).toContain('Under behandling');
    expect(tracker).toContain('0 av 21 kommuner har vedtatt endringen.');
    expect(await say(people.boardMember, 'avtaleendring Noe: annet')).toContain(
      'Det er koordinatoren som starter avtaleendringer',
    );
  });

  it('Gol’s respondent records the council’s decision; bad input comes back as typed with a clear message', async () => {
    const refused = await press(people.respondent, {
      changeId,
      municipality: '3324',
      approved: 'yes',
      caseNumber: '26/14',
      date: '2026-03-02',
      link: 'ftp://gol',
    });
    expect(refused).toContain('Lenken må begynne med https://');
    expect(refused).toContain('26/14'); // nothing typed is lost
    const saved = await press(people.respondent, {
      changeId,
      municipality: '3324',
      approved: 'yes',
      caseNumber: '26/14',
      date: '2026-03-02',
      link: 'https://gol.kommune.no/vedtak/26-14',
    });
    expect(saved).toContain('Registrert: Vedtatt');
    expect(saved).toContain('1 av 21 kommuner har vedtatt endringen.');
  });

  it('nobody records for a municipality they do not answer for', async () => {
    expect(
      await press(people.respondent, {
        changeId,
        municipality: '3201',
        approved: 'no',
        caseNumber: '1',
        date: '2026-03-02',
        link: '',
      }),
    ).toContain('Bare kommunens kontaktperson eller koordinatoren');
  });

  it('reminds those who have not answered, two weeks before the answer-by date', async () => {
    now = new Date('2026-05-18T07:30:00Z'); // 09.30 Oslo, 14 days before 01.06.2026
    bot.connector.clear();
    await runDue();
    expect(sentTo(people.boardMember, 'ikke registrert for Ringerike')).toHaveLength(1);
    expect(sentTo(people.respondent, 'ikke registrert for Gol')).toHaveLength(0); // Gol has answered
  });

  it('is "vedtatt" only when every member municipality has approved; the board is told once', async () => {
    const others = numbers.filter((n) => n !== '3324');
    for (const [i, n] of others.entries()) {
      const out = await press(people.coordinator, {
        changeId,
        municipality: n,
        approved: 'yes',
        caseNumber: `26/${i + 20}`,
        date: '2026-05-10',
        link: '',
      });
      if (i < others.length - 1) expect(out).toContain('Under behandling');
      else expect(out).toContain('Vedtatt av alle medlemskommunene');
    }
    bot.connector.clear();
    await runDue();
    expect(sentTo(people.boardMember, 'er vedtatt av alle medlemskommunene')).toHaveLength(1);
    const tracker = await say(people.coordinator, `agreement change ${changeId}`, 'en-US');
    expect(tracker).toContain('Adopted by every member municipality');
    expect(tracker).toContain('21 of 21 municipalities have adopted the change.');
    const docxUrl = (bot.connector.cards()[0]?.actions as { url: string }[])[0]!.url;
    const docx = await fetch(docxUrl);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(`avtaleendring-${changeId}.docx`);
  });

  it('one "no" stops a change, in English too', async () => {
    const out = await say(
      people.coordinator,
      'agreement change 2026-09-01 Shorter notice: Three months instead of six.',
      'en-US',
    );
    const id = /Agreement change ([A-Z2-9]{5})/.exec(out)?.[1] ?? '';
    const no = await press(people.respondent, {
      changeId: id,
      municipality: '3324',
      approved: 'no',
      caseNumber: '26/30',
      date: '2026-05-17',
      link: '',
    });
    expect(no).toContain('Ikke vedtatt: minst én kommune har sagt nei');
    const list = await say(people.boardMember, 'agreement change', 'en-US');
    expect(list).toContain(`${id} \\"Shorter notice\\": Not adopted: at least one municipality said no.`);
    expect(await say(people.coordinator, 'avtaleendring uten kolon')).toContain(
      'Skriv tittel og foreslått tekst med kolon imellom',
    );
  });
});
