import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { unzip } from '../unit/exports/read-docx';

let now = new Date('2026-11-20T10:00:00Z');
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => {
  await bot.stop();
});

const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  const res = await bot.post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  expect(res.status).toBe(200);
  expectValidCards(bot.connector.cards());
  // Amounts keep together with no-break spaces; the texts as read, then the cards.
  return [...bot.connector.texts(), bot.connector.everything()].join('\n').replace(/\u00a0/g, ' ');
};
const press = async (from: Person, verb: string, data: object) => {
  const res = await bot.post(cardAction(bot.connector.url, from, verb, data, { kind: 'personal' }, randomUUID()));
  expect(res.status).toBe(200);
  return res.body.replace(/\\u00a0|\u00a0/g, ' ');
};
interface Plan {
  year: number;
  focusAreas: { title: string; measures: { description: string; owner: string; due: string }[] }[];
  presented?: { meetingId: string; itemId: string };
  adopted?: { meetingId: string; itemId: string };
}
const plan = async (year: number) => (await bot.samrad.store.get<Plan>('actionPlans', String(year)))?.value;
const tasks = async () =>
  (await bot.samrad.store.find<{ id: string; owner: string; due: string; description: string }>('followUps')).map(
    (r) => r.value,
  );

let meetingId = '';

describe('handlingsplan og budsjett over HTTP (nb)', () => {
  it('drafts the year’s plan: prioritised focus areas with budgets, measures with owner and due date', async () => {
    await bot.post(installation(bot.connector.url, people.respondent)); // Marit will be reminded in her chat
    expect(await say(people.coordinator, 'handlingsplan 2027')).toContain(
      'Det er ingen handlingsplan for 2027 ennå. Begynn med «nytt satsingsområde 2027',
    );
    expect(await say(people.coordinator, 'nytt satsingsområde 2027 1 150000 Helhetlige pasientforløp')).toContain(
      'Satsingsområde 1 i handlingsplanen for 2027: Helhetlige pasientforløp, med budsjett kr 150 000,00.',
    );
    // "150.000" would read as kr 150: refused, not guessed.
    expect(await say(people.coordinator, 'nytt satsingsområde 2027 2 150.000 Kompetanse')).toContain(
      '«150.000» er ikke et beløp. Skriv hele kroner, for eksempel 150000.',
    );
    expect(await say(people.coordinator, 'nytt satsingsområde 2027 1 50000 Kompetanse')).toContain(
      'Et annet satsingsområde har allerede prioritet 1.',
    );
    await say(people.coordinator, 'nytt satsingsområde 2027 2 100000 Kompetanse og rekruttering');
    expect(
      await say(people.coordinator, 'nytt tiltak 2027 1 15.06.2027 Marit: Felles rutine for utskrivning'),
    ).toContain(
      'Tiltaket «Felles rutine for utskrivning» er lagt under satsingsområde 1 i handlingsplanen for 2027, med Marit Kvam som ansvarlig og frist 15.06.2027.',
    );
    expect(await say(people.coordinator, 'nytt tiltak 2027 3 15.06.2027 Marit: Noe')).toContain(
      'Handlingsplanen for 2027 har ikke noe satsingsområde med prioritet 3.',
    );
    expect(await say(people.coordinator, 'nytt tiltak 2027 1 15.06.2027 Ukjent Person: Noe')).toContain(
      'Jeg finner ingen i organisasjonen som heter «Ukjent Person».',
    );
    expect(await say(people.coordinator, 'nytt tiltak 2027 1 15.06.2027 Marit Felles rutine')).toContain(
      'Skriv slik: «nytt tiltak <år> <prioritet> <frist> [ansvarlig: tiltak]»',
    );
    expect(await say(people.coordinator, 'nytt tiltak 2027 2 01.11.2026 Ola: For sent')).toContain(
      'Fristen har allerede passert',
    );
    await say(people.coordinator, 'nytt tiltak 2027 2 01.03.2027 ola berg: Felles opplæringsdag');
    // Only the coordinator drafts the plan; nothing is kept of a refused command.
    expect(await say(people.respondent, 'nytt satsingsområde 2027 3 1000 Annet')).toContain(
      '«nytt satsingsområde» hører ikke til rollen din',
    );
    const stored = await plan(2027);
    expect(stored?.focusAreas.map((a) => [a.title, a.measures.map((m) => [m.description, m.owner, m.due])])).toEqual([
      ['Helhetlige pasientforløp', [['Felles rutine for utskrivning', 'marit-kvam', '2027-06-15']]],
      ['Kompetanse og rekruttering', [['Felles opplæringsdag', 'ola-berg', '2027-03-01']]],
    ]);

    const shown = await say(people.boardMember, 'handlingsplan 2027');
    expect(shown).toContain('Handlingsplan og budsjett 2027 for Kommunehelsesamarbeidet i Vestre Viken');
    expect(shown).toContain('Utkast: ikke lagt fram for styret ennå.');
    expect(shown).toContain('1. Helhetlige pasientforløp: kr 150 000,00');
    expect(shown).toContain('- Felles rutine for utskrivning (ansvarlig Marit Kvam, frist 15.06.2027)');
    expect(shown).toContain('Samlet budsjett: kr 250 000,00.');
    expect(shown).toContain('Kontingenten for året gir kr');
    // The how-to is the coordinator's.
    expect(shown).not.toContain('legg fram handlingsplan 2027');
  });

  it('goes on the next board meeting’s agenda as a case, once', async () => {
    expect(await say(people.coordinator, 'legg fram handlingsplan 2027')).toContain(
      'Styret har ikke noe planlagt møte.',
    );
    await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte desember',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    meetingId = (await bot.samrad.store.find<{ id: string }>('meetings'))[0]!.id;
    const out = await say(people.coordinator, 'legg fram handlingsplan 2027');
    expect(out).toContain('Handlingsplanen for 2027 står nå på sakslisten som sak 2/2026 i «Styremøte desember».');
    expect(out).toContain('Handlingsplan og budsjett 2027');
    await say(people.coordinator, `legg fram handlingsplan 2027 ${meetingId}`); // the same again: one case
    const meeting = (await bot.samrad.store.get<{ agenda: { id: string; title: string; background?: string }[] }>(
      'meetings',
      meetingId,
    ))!.value;
    const cases = meeting.agenda.filter((i) => i.title === 'Handlingsplan og budsjett 2027');
    expect(cases).toHaveLength(1);
    expect(cases[0]?.background?.replace(/\u00a0/g, ' ')).toContain('2. Kompetanse og rekruttering: kr 100 000,00');
    expect((await plan(2027))?.presented).toEqual({ meetingId, itemId: cases[0]!.id });

    // A measure added while the case waits: the case says it too; one due before the meeting is refused.
    const added = await say(people.coordinator, 'nytt tiltak 2027 2 01.09.2027 Marit: Kurs i samhandling');
    expect(added).toContain('Sak 2/2026 på sakslisten er oppdatert med planen slik den er nå.');
    expect(await say(people.coordinator, 'nytt tiltak 2027 2 05.12.2026 Marit: Før møtet')).toContain(
      'har frist før styremøtet',
    );
    expect(await say(people.coordinator, `saksliste ${meetingId}`)).toContain('Kurs i samhandling');
    expect(await say(people.boardMember, 'handlingsplan 2027')).toContain(
      'Lagt fram for styret som sak 2/2026 i «Styremøte desember» (10.12.2026).',
    );
  });

  it('the vedtak in the minutes adopts it: every measure a follow-up task with owner, due date and reminders', async () => {
    now = new Date('2026-12-10T09:30:00Z');
    await say(people.coordinator, `protokoll ${meetingId}`);
    const saved = await press(people.coordinator, 'minutes.save', {
      meetingId,
      revision: '1',
      'decision-1': 'Styret vedtar handlingsplan og budsjett for 2027.',
    });
    expect(saved).toContain('Handlingsplanen for 2027 er vedtatt: 3 tiltak er blitt oppfølgingsoppgaver.');
    const made = await tasks();
    expect(made.map((t) => [t.description, t.owner, t.due]).sort()).toEqual([
      ['Helhetlige pasientforløp: Felles rutine for utskrivning', 'marit-kvam', '2027-06-15'],
      ['Kompetanse og rekruttering: Felles opplæringsdag', 'ola-berg', '2027-03-01'],
      ['Kompetanse og rekruttering: Kurs i samhandling', 'marit-kvam', '2027-09-01'],
    ]);
    const jobs = await bot.samrad.store.find<{ dueAt: string }>('jobs', { kind: 'follow-up.remind' });
    expect(jobs).toHaveLength(9);
    // Saving again adopts nothing twice.
    await press(people.coordinator, 'minutes.save', {
      meetingId,
      revision: '2',
      'decision-1': 'Styret vedtar handlingsplan og budsjett for 2027.',
    });
    expect(await tasks()).toHaveLength(3);
    expect((await plan(2027))?.adopted?.meetingId).toBe(meetingId);
    expect(await say(people.coordinator, 'nytt satsingsområde 2027 3 1000 Annet')).toContain(
      'Handlingsplanen for 2027 er vedtatt. Endringer må behandles som en ny sak i styret.',
    );

    const shown = await say(people.respondent, 'handlingsplan 2027');
    expect(shown).toContain('Vedtatt av styret i sak 2/2026, «Styremøte desember» (10.12.2026).');
    expect(shown).toContain('- Helhetlige pasientforløp: 0 utført, 1 åpent, ingen forfalt');
    expect(shown).toMatch(/Statusrapport for ordfører- og rådmannsmøtet \(Word\): http\S+H2027\/handlingsplan\.docx/);
  });

  it('the owner is reminded as every follow-up task’s owner is', async () => {
    now = new Date('2027-06-08T07:01:00Z');
    bot.connector.clear();
    await bot.samrad.jobs.runDue(now);
    await bot.samrad.jobs.runDue(now);
    const toMarit = bot.connector.sent.filter(
      (s) =>
        s.conversationId === `a:personal-${people.respondent.id}` &&
        (s.activity.text ?? '').includes('Felles rutine for utskrivning'),
    );
    expect(toMarit).toHaveLength(1);
  });
});

describe('the status report per focus area (DOCX) for the annual meeting', () => {
  it('downloads behind a signed link, in the reader’s language, with every measure’s state', async () => {
    const done = (await tasks()).find((t) => t.description.endsWith('Felles rutine for utskrivning'))!;
    now = new Date('2027-06-09T08:00:00Z');
    await say(people.respondent, 'oppfølging'); // Marit's own list, then she closes her task on its card
    await press(people.respondent, 'follow-up.done', { taskId: done.id });
    const shown = await say(people.coordinator, 'handlingsplan 2027');
    expect(shown).toContain('- Helhetlige pasientforløp: 1 utført, 0 åpne, ingen forfalt');
    const link = /https?:\/\/\S+H2027\/handlingsplan\.docx\S+/.exec(shown)?.[0];
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain('handlingsplan-2027.docx');
    const xml = unzip(Buffer.from(await res.arrayBuffer()))
      .get('word/document.xml')!
      .toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '|');
    for (const words of [
      'Handlingsplan og budsjett 2027: status',
      'Sak 2/2026, Styremøte desember (10.12.2026)',
      '1. Helhetlige pasientforløp',
      'Felles opplæringsdag',
      'Utført 09.06.2027',
      'Forfalt',
      'Pågår',
    ])
      expect(text).toContain(words);
    const en = await fetch(link!.replace('lang=nb', 'lang=en'));
    const enXml = unzip(Buffer.from(await en.arrayBuffer()))
      .get('word/document.xml')!
      .toString('utf8');
    expect(enXml).toContain('Action plan and budget 2027: status');
    expect(enXml).toContain('In progress');
    // A plan not adopted has no report yet; a forged year is refused.
    expect((await fetch(link!.replace('H2027', 'H2028'))).status).toBe(403);
  });
});

describe('action plan and budget over HTTP (en)', () => {
  it('shows the adopted plan with its status, and refuses in English', async () => {
    const shown = await say(people.boardMember, 'action plan 2027', 'en-US');
    expect(shown).toContain('Action plan and budget 2027 for Kommunehelsesamarbeidet i Vestre Viken');
    expect(shown).toContain('Adopted by the board in case 2/2026, "Styremøte desember" (10 Dec 2026).');
    expect(shown).toContain('Kompetanse og rekruttering: 0 done, 2 open, 1 overdue');
    expect(shown).toContain('Total budget: NOK 250,000.00.');
    expect(await say(people.coordinator, 'new measure 2027 1 01.09.2027 Marit: More', 'en-US')).toContain(
      'The action plan for 2027 has been adopted.',
    );
    expect(await say(people.coordinator, 'new focus area 2028 1 150.000 Digital services', 'en-US')).toContain(
      '"150.000" is not an amount. Write whole kroner, for example 150000.',
    );
    expect(await say(people.coordinator, 'new focus area 2028 1 120000 Digital services', 'en-US')).toContain(
      'Focus area 1 in the action plan for 2028: Digital services, with a budget of NOK 120,000.00.',
    );
    expect(await say(people.coordinator, 'new measure 2028 1 01.03.2028 Nobody Known: Pilot', 'en-US')).toContain(
      'I find no one in the organisation called "Nobody Known".',
    );
    expect(await say(people.coordinator, 'present action plan 2028', 'en-US')).toContain(
      'The board has no meeting planned.',
    );
    expect(await say(people.coordinator, 'action plan 2028', 'en-US')).toContain(
      'Draft: not yet presented to the board.',
    );
  });
});

describe('a process that died between the tasks and the plan', () => {
  it('is completed when the plan is asked for: the missing task made, none twice, the plan adopted', async () => {
    const store = bot.samrad.store;
    const before = await tasks();
    const stored = (await store.get<Plan>('actionPlans', '2027'))!;
    // As the store stands when the process died after the first task: one task, the plan not yet marked.
    const { adopted: _adopted, ...unmarked } = stored.value;
    await store.replace('actionPlans', '2027', unmarked, stored.etag);
    const lost = before.find((t) => t.description.endsWith('Kurs i samhandling'))!;
    await store.remove('followUps', lost.id);
    expect(await tasks()).toHaveLength(2);

    const shown = await say(people.boardMember, 'handlingsplan 2027');
    expect(shown).toContain('Vedtatt av styret i sak 2/2026');
    const after = await tasks();
    expect(after.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
    expect((await plan(2027))?.adopted?.meetingId).toBe(meetingId);
  });
});
