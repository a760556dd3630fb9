import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/*
 * The cooperation's business commands typed as people type them: the coordinator (Ingrid) and
 * a member who is a board member and respondent (Marit), in bokmål and English, with the slips
 * people make. Each answer must say what is wrong in the person's language, and a refused
 * command must change nothing.
 */
const now = new Date('2026-12-03T10:00:00Z'); // Thursday 3 December 2026, 11:00 in Oslo
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  await bot.post(installation(bot.connector.url, people.coordinator));
});
afterAll(async () => bot.stop());

const chat = chatWith(() => bot);
/** What the bot answered in words: the texts of its messages, joined. */
const say = async (from: Person, words: string, locale = 'nb-NO') => {
  await chat.say(from, words, { kind: 'personal', locale });
  return bot.connector.texts().join('\n');
};
const en = (from: Person, words: string) => say(from, words, 'en-US');
const { coordinator: ingrid, respondent: marit } = people;

/** Every record of the business collections, to show a refusal changed nothing. */
const business = async () => {
  const lists = ['actionPlans', 'projects', 'networkMeetings', 'networkInquiries', 'withdrawals', 'agreementChanges'];
  const all = await Promise.all(lists.map(async (l) => [l, (await bot.samrad.store.find(l)).map((r) => r.value)]));
  return JSON.stringify(all);
};

describe('the action plan (handlingsplan)', () => {
  it('a budget written with a space as thousands separator is refused, not read as kr 150', async () => {
    const before = await business();
    expect(await say(ingrid, 'nytt satsingsområde 2027 1 150 000 Helhetlige pasientforløp')).toContain(
      '«150 000» er ikke et beløp. Skriv hele kroner, for eksempel 150000.',
    );
    expect(await en(ingrid, 'new focus area 2027 1 150 000 Whole patient pathways')).toContain(
      '"150 000" is not an amount. Write whole kroner, for example 150000.',
    );
    expect(await business()).toBe(before);
  });

  it('the coordinator’s slips: a due date past, an owner misspelt, a priority the plan lacks', async () => {
    expect(await say(ingrid, 'nytt satsingsområde 2027 1 150000 Helhetlige pasientforløp')).toMatch(
      /Satsingsområde 1 i handlingsplanen for 2027: Helhetlige pasientforløp, med budsjett kr\s150\s000,00/,
    );
    const before = await business();
    expect(await say(ingrid, 'nytt tiltak 2027 1 15.06.2020 Ingrid Haugen: Felles rutine')).toContain(
      'Fristen har allerede passert',
    );
    expect(await say(ingrid, 'nytt tiltak 2027 1 15.06.2027 Ingrd Hagen: Felles rutine')).toContain(
      'Jeg finner ingen i organisasjonen som heter «Ingrd Hagen»',
    );
    expect(await en(ingrid, 'new measure 2027 9 15.06.2027 Ingrid Haugen: Joint routine')).toContain(
      'has no focus area with priority 9',
    );
    expect(await en(ingrid, 'new focus area 2027 one 1000 Title')).toContain('I did not understand "one" as priority');
    expect(await business()).toBe(before);
  });

  it('a member may read the plan but not change it, in either language', async () => {
    expect(await say(marit, 'nytt satsingsområde 2027 2 1000 Tittel')).toContain(
      '«nytt satsingsområde» hører ikke til rollen din',
    );
    expect(await en(marit, 'new measure 2027 1 15.06.2027 Ingrid Haugen: Routine')).toContain(
      '"new measure" is not part of your role',
    );
    expect(await en(marit, 'present action plan 2027')).toContain('"present action plan" is not part of your role');
    expect(await say(marit, 'handlingsplan 2027')).toContain('Helhetlige pasientforløp');
  });
});

describe('networks (nettverk)', () => {
  it('an unknown network is named back with the ones there are', async () => {
    expect(await say(ingrid, 'nettverk finnesikke')).toContain(
      'Jeg finner ikke nettverket «finnesikke». Nettverkene er: BPA-nettverket.',
    );
    expect(await en(marit, 'networks nowhere')).toContain('I cannot find the network "nowhere"');
  });

  it('an inquiry without its colon, or dated after today, is refused with the whole usage; nothing recorded', async () => {
    const before = await business();
    const nb = await say(ingrid, 'henvendelse Assistanse Vest');
    expect(nb).toContain('det mangler et kolon');
    expect(nb).toContain('henvendelse [mottatt dato] [leverandør: spørsmål | id]');
    expect(nb).not.toContain('[tekst]');
    expect(await say(ingrid, 'henvendelse 20.12.2026 Assistanse Vest: Hva nå?')).toContain('Datoen er etter i dag');
    expect(await en(ingrid, 'inquiry Assistanse Vest')).toContain('inquiry [received date] [supplier: question | id]');
    expect(await business()).toBe(before);
  });

  it('an unknown inquiry, a misspelt municipality, and a member who tries', async () => {
    expect(await say(ingrid, 'svar henvendelse QQQQ7: Svar')).toContain('Jeg finner ingen henvendelse QQQQ7');
    expect(await en(ingrid, 'answer inquiry QQQQ7 for Gool: Answer')).toContain(
      'I cannot find a municipality called "Gool"',
    );
    expect(await say(marit, 'henvendelse 01.12 Assistanse Vest: Spørsmål')).toContain(
      '«henvendelse» hører ikke til rollen din',
    );
    const missing = await say(ingrid, 'svar henvendelse');
    expect(missing).toContain('svar henvendelse <id> [for <kommuner>]: <svar>');
  });
});

describe('projects (prosjekter)', () => {
  it('a command with nothing after it gets its usage once, as the catalogue writes it', async () => {
    const nb = await say(ingrid, 'milepæl');
    expect(nb).toContain('milepæl <prosjekt> <dato>: <milepæl>');
    expect(nb.split('Bruk:')).toHaveLength(2);
    const enAnswer = await en(ingrid, 'funding');
    expect(enAnswer).toContain('funding <project> own <amount> [note]');
    expect(enAnswer.split('Usage:')).toHaveLength(2);
    expect(await say(ingrid, 'prosjektrapport')).toContain('prosjektrapport <prosjekt>');
  });

  it('an unknown project, an impossible date, a milestone or funding line the project lacks', async () => {
    const before = await business();
    expect(await say(ingrid, 'milepæl finnesikke 15.12.2026: X')).toContain('Jeg finner ikke prosjektet «finnesikke»');
    expect(await en(ingrid, 'project report nothing')).toContain('I cannot find the project "nothing"');
    expect(await say(ingrid, 'milepæl komut 31.02.2027: Avtale')).toContain('«31.02.2027» er ikke en dato');
    expect(await say(ingrid, 'milepæl komut 9 nådd')).toContain('Prosjektet har ingen milepæl 9');
    expect(await en(ingrid, 'milestone komut 2 reached 01.01.2030')).toContain('The date is after today');
    expect(await say(ingrid, 'finansiering komut 9 innvilget')).toContain('ingen finansieringspost 9');
    expect(await business()).toBe(before);
  });

  it('an amount written with a space as thousands separator is refused, not recorded as kr 150', async () => {
    const before = await business();
    expect(await say(ingrid, 'finansiering komut egen 150 000 Kommunenes andel')).toContain(
      '«150 000» er ikke et beløp',
    );
    expect(await en(ingrid, 'funding komut own 150 000 The municipalities’ share')).toContain(
      '"150 000" is not an amount',
    );
    expect(await business()).toBe(before);
  });

  it('external funding without the board’s case asks for the case, not for “”', async () => {
    const nb = await say(ingrid, 'finansiering komut ekstern 500000 Helsedirektoratet');
    expect(nb).toContain('sak 14/2026');
    expect(nb).not.toContain('«»');
    const enAnswer = await en(ingrid, 'funding komut external 500000 Helsedirektoratet');
    expect(enAnswer).toContain('case 14/2026');
    expect(enAnswer).not.toContain('""');
  });

  it('a member is told the command is not theirs', async () => {
    expect(await say(marit, 'milepæl komut 15.12.2026: X')).toContain('«milepæl» hører ikke til rollen din');
    expect(await en(marit, 'project report komut')).toContain('"project report" is not part of your role');
    // A member reads a project: its card.
    expect(await chat.say(marit, 'projects komut', { kind: 'personal', locale: 'en-US' })).toContain('KomUt');
  });
});

describe('fees, withdrawal, agreement changes, the board’s rules', () => {
  it('fees: a year the rates do not cover, a word that is no year', async () => {
    expect(await say(ingrid, 'kontingent 1999')).toContain('Det er ingen kontingentsats for 1999');
    expect(await say(ingrid, 'kontingent neste')).toContain('Jeg forstod ikke «neste» som år');
    expect(await en(ingrid, 'fees 20277')).toContain('I did not understand "20277" as year');
  });

  it('withdrawal: missing date, a misspelt municipality, a date after today, a member; nothing recorded', async () => {
    const before = await business();
    expect(await say(ingrid, 'meld utmelding Gol')).toContain('Det mangler varslet dato. Jeg forstod: kommune «Gol»');
    expect(await say(ingrid, 'meld utmelding Gool 10.03.2026')).toContain(
      'Jeg finner ingen medlemskommune som heter «Gool»',
    );
    expect(await say(ingrid, 'meld utmelding Gol 10.03.2027')).toContain('Datoen 10.03.2027 er etter i dag');
    expect(await en(ingrid, 'report withdrawal Gol 31.02.2026')).toContain(
      'I did not understand "31.02.2026" as notice date',
    );
    expect(await say(marit, 'meld utmelding Gol 10.03.2026')).toContain('«meld utmelding» hører ikke til rollen din');
    expect(await business()).toBe(before);
  });

  it('agreement change: a deadline past, no title, a date written with its colon, a member who starts one', async () => {
    const before = await business();
    expect(await say(ingrid, 'avtaleendring 01.01.2020 Ny sats: Tekst')).toContain('Svarfristen må være etter i dag');
    expect(await say(ingrid, 'avtaleendring 01.06.2027: Bare tekst')).toContain(
      'Endringen trenger en tittel før kolonet',
    );
    expect(await en(ingrid, 'agreement change 01.06.2027: Text only')).toContain(
      'The change needs a title before the colon',
    );
    expect(await en(ingrid, 'agreement change 31.02.2027 New rate: Text')).toContain(
      '"31.02.2027" is not a date. Write the answer-by date like this: 01.06.2027.',
    );
    expect(await say(marit, 'avtaleendring 01.06.2027 Ny sats: Tekst')).toContain(
      'Det er koordinatoren som starter avtaleendringer',
    );
    expect(await business()).toBe(before);
  });

  it('the board’s rules: a word too many is named; a member sees the warnings', async () => {
    expect(await say(ingrid, 'sjekk styret nå')).toContain('Jeg forstod ikke «nå». Skriv slik: «sjekk styret».');
    expect(await en(marit, 'check board')).toContain('The term of Marit Kvam ends on');
  });
});
