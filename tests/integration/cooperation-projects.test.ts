import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { heldMeeting, minutesRecord } from '../fixtures/held-meetings';
import { documentXml } from '../unit/exports/read-docx';

const now = new Date('2026-12-03T10:00:00Z');
let bot: BotUnderTest;
const nbsp = (s: string) => s.replace(/ (?=\d{3}\b|\d{3},)|kr /g, (m) => m.replace(' ', '\u00a0'));

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
  // The board decided in case 14/2026 (10.09.2026) to apply to Helsedirektoratet, as its minutes record.
  await bot.samrad.store.create(
    'meetings',
    'M9STY',
    heldMeeting({
      id: 'M9STY',
      bodyId: 'styret',
      title: 'Styremøte september',
      start: '2026-09-10T08:00:00Z',
      end: '2026-09-10T10:00:00Z',
      cases: [{ id: 'i14', number: 14, title: 'Søknad om midler til legevaktsprosjektet' }],
    }),
  );
  await bot.samrad.store.create(
    'minutes',
    'M9STY',
    minutesRecord('M9STY', 'styret', 'approved', [
      { itemId: 'i14', decision: 'Styret vedtar å søke Helsedirektoratet.' },
    ]),
  );
});
afterAll(async () => {
  await bot.stop();
});

const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  const res = await bot.post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  expect(res.status).toBe(200);
  return bot.connector.texts().join('\n');
};
const cardText = () => JSON.stringify(bot.connector.cards());

describe('prosjekter / projects over HTTP', () => {
  it('prosjekter lists the sample KomUt project with its leader, milestones and funding', async () => {
    const out = await say(people.respondent, 'prosjekter');
    expect(out).toContain('1 prosjekt:');
    expect(out).toContain('• KomUt (komut) (eksempeldata), prosjektleder Kari Nordmann: 1 av 3 milepæler nådd; neste:');
    expect(out).toContain(nbsp('finansiering sikret kr 700 000,00'));
    await say(people.respondent, 'prosjekter komut');
    expect(cardText()).toContain('innvilget (styresak 6/2018)');
    expect(cardText()).toContain('nådd 12.06.2026');
  });

  it('a new project gets milestones; one is reached once, and not in the future', async () => {
    const started = await say(
      people.coordinator,
      'nytt prosjekt Felles legevakt leder Per Hansen: Én legevakt for Hallingdal',
    );
    expect(started).toContain('Prosjektet Felles legevakt er registrert som');
    const id = /som ([A-Z0-9]{5})/.exec(started)![1]!;
    expect(await say(people.coordinator, `milepæl ${id} 31.03.2027: Avtale med alle kommunene`)).toContain(
      'Milepælen «Avtale med alle kommunene» (31.03.2027) er lagt til i Felles legevakt.',
    );
    expect(await say(people.coordinator, `milepæl ${id} 1 nådd`)).toContain('er ført som nådd 03.12.2026');
    expect(await say(people.coordinator, `milepæl ${id} 1 nådd`)).toContain(
      'Milepæl 1 («Avtale med alle kommunene») er allerede nådd.',
    );
    expect(await say(people.coordinator, `milepæl ${id} 31.02.2027: Feil`)).toContain('«31.02.2027» er ikke en dato.');
    expect(await say(people.coordinator, 'milepæl ukjent 31.03.2027: x')).toContain(
      'Jeg finner ikke prosjektet «ukjent».',
    );
  });

  it('external funding only after the board decided to apply; granted once', async () => {
    const id = /som ([A-Z0-9]{5})/.exec(
      await say(people.coordinator, 'nytt prosjekt Dagrehabilitering leder Eva Lund'),
    )![1]!;
    const refused = await say(people.coordinator, `finansiering ${id} ekstern 500000 Helsedirektoratet sak 15/2026`);
    expect(refused).toContain('Styret har ikke vedtatt å søke i sak 15/2026');
    expect(await say(people.coordinator, `prosjekter ${id}`)).toBe('');
    expect(cardText()).toContain('Ingen finansiering ført ennå.');
    const applied = await say(people.coordinator, `finansiering ${id} ekstern 500000 Helsedirektoratet sak 14/2026`);
    expect(applied).toContain(
      nbsp(
        'Søknaden til Helsedirektoratet om kr 500 000,00 til Dagrehabilitering er ført, etter styrets vedtak i sak 14/2026.',
      ),
    );
    expect(await say(people.coordinator, `finansiering ${id} egen 150000 Kontingent 2027`)).toContain(
      nbsp('Sikret nå: kr 150 000,00.'),
    );
    expect(await say(people.coordinator, `finansiering ${id} 1 innvilget`)).toContain(
      nbsp('har nå sikret kr 650 000,00'),
    );
    expect(await say(people.coordinator, `finansiering ${id} 1 avslått`)).toContain(
      'Søknaden i post 1 er allerede avgjort.',
    );
    expect(await say(people.coordinator, `finansiering ${id} egen mye`)).toContain('«mye» er ikke et beløp.');
  });

  it('a change to the file’s project is kept in the store; the status report to the board is a Word document', async () => {
    expect(await say(people.coordinator, 'milepæl komut 2 nådd 01.12.2026')).toContain('er ført som nådd 01.12.2026');
    const out = await say(people.coordinator, 'prosjektrapport komut');
    expect(out).toContain('Statusrapporten for KomUt til styret:');
    const link = /https?:\/\/\S+prosjektrapport\.docx\S+/.exec(out)?.[0];
    expect(link).toBeDefined();
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    const xml = documentXml(Buffer.from(await res.arrayBuffer()));
    expect(xml).toContain('Statusrapport: KomUt');
    expect(xml).toContain('Dialogmeldinger med fastlegene i alle kommunene');
    expect(xml).toContain('Forslag til vedtak: Styret tar statusrapporten for KomUt til orientering.');
    expect(out).toContain('Styret har ikke noe planlagt møte ennå');
    expect(await say(people.respondent, 'prosjekter')).toContain('2 av 3 milepæler nådd');
  });

  it('with a board meeting planned, the report comes as that meeting’s case form, filled in and not yet added', async () => {
    await bot.samrad.store.create('meetings', 'M1STY', {
      id: 'M1STY',
      bodyId: 'styret',
      title: 'Styremøte januar',
      start: '2027-01-14T08:00:00Z',
      end: '2027-01-14T10:00:00Z',
      state: 'planned',
      version: 1,
      agenda: [],
    });
    const out = await say(people.coordinator, 'prosjektrapport komut');
    expect(out).not.toContain('ikke noe planlagt møte');
    const form = bot.connector.cards().find((c) => JSON.stringify(c).includes('agenda.add'));
    expect(form).toBeDefined();
    const json = JSON.stringify(form);
    expect(json).toContain('Statusrapport: KomUt');
    expect(json).toContain('Styret tar statusrapporten for KomUt til orientering.');
    expect(json).toMatch(/prosjektrapport\.docx\?expires=\d+/);
    const meeting = await bot.samrad.store.get<{ agenda: unknown[] }>('meetings', 'M1STY');
    expect(meeting?.value.agenda).toEqual([]);
  });

  it('in English, and only the secretariat records', async () => {
    const out = await say(people.boardMember, 'projects', 'en-US');
    expect(out).toContain('project leader Kari Nordmann');
    expect(out).toContain('milestones reached');
    expect(await say(people.boardMember, 'new project X leader Y', 'en-US')).not.toContain('is recorded as');
    const started = await say(
      people.coordinator,
      'new project Joint training leader Ann Berg: Training for nurses',
      'en-US',
    );
    const id = /as ([A-Z0-9]{5})/.exec(started)![1]!;
    expect(
      await say(people.coordinator, `funding ${id} external 200000 Statsforvalteren case 3/2026`, 'en-US'),
    ).toContain('The board has not decided to apply in case 3/2026');
    expect(await say(people.coordinator, `milestone ${id} 30.06.2027: Course held`, 'en-US')).toContain(
      'The milestone "Course held"',
    );
  });
});
