import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { installation, people, type Person } from '../fixtures/activities';
import { osuMeetingForms } from '../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { documentXml } from '../unit/exports/read-docx';

let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const { say, press } = chatWith(() => bot);
interface StoredMinutes {
  revision: number;
  minutes: {
    status: string;
    version: number;
    earlier: unknown[];
    change?: { by: string; reason: string };
    approval?: { by: unknown };
    content: { items: { decision: string }[] };
  };
}
const stored = async (meetingId: string) => (await bot.samrad.store.get<StoredMinutes>('minutes', meetingId))!.value;

/** Jon, Per, Anne and Lars sent word; Ola is away with his deputy Eva in his seat. */
const attendance = {
  'att-ola-berg': 'absent',
  'reason-ola-berg': 'Sykdom',
  'dep-eva-nilsen': 'true',
  ...Object.fromEntries(['jon-strand', 'per-dahl', 'anne-moe', 'lars-hagen'].map((id) => [`att-${id}`, 'absent'])),
};

let meetingId = '';

describe('minutes: record, approve, lock, new version', () => {
  it('the form opens only once the meeting has begun, prefilled from forfall and the proposals', async () => {
    await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte desember',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    meetingId = (await bot.samrad.store.find<{ id: string }>('meetings'))[0]!.id;
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Handlingsplan 2027',
      proposal: 'Styret vedtar handlingsplanen.',
    });
    await say(people.boardMember, `meld forfall ${meetingId} Sykdom`);
    expect(await say(people.coordinator, `protokoll ${meetingId}`)).toContain('Møtet har ikke begynt ennå');

    now = new Date('2026-12-10T09:30:00Z');
    const form = await say(people.coordinator, `protokoll ${meetingId}`);
    expect(form).toContain('"verb":"minutes.save"');
    expect(form).toContain('Eva Nilsen møtte for Ola Berg');
    expect(form).toContain('Styret vedtar handlingsplanen.');
    expect((await bot.samrad.store.get<{ state: string }>('meetings', meetingId))?.value.state).toBe('held');
    expect(await say(people.respondent, `protokoll ${meetingId}`)).toContain('Protokoll, versjon 1'); // a member reads, does not edit
  });

  it('saves a draft; a stale card and a proposal without its proposer are refused; a retried submit is answered', async () => {
    const first = randomUUID();
    const saved = await press(
      people.coordinator,
      'minutes.save',
      { meetingId, revision: '1', ...attendance, 'prop-1': 'Planen sendes på høring.', 'propBy-1': 'marit-kvam' },
      { kind: 'personal' },
      first,
    );
    expect(saved).toContain('Protokollen er lagret (versjon 1)');
    expect(saved).toContain('Marit Kvam: Planen sendes på høring.');
    expect(
      await press(
        people.coordinator,
        'minutes.save',
        { meetingId, revision: '1', ...attendance },
        { kind: 'personal' },
        first,
      ),
    ).toContain('Protokollen er lagret');
    expect(await press(people.coordinator, 'minutes.save', { meetingId, revision: '1', ...attendance })).toContain(
      'ble endret etter at dette kortet ble laget',
    );
    const refused = await press(people.coordinator, 'minutes.save', {
      meetingId,
      revision: '2',
      ...attendance,
      'prop-1': 'Uten navn',
      'decision-1': 'Vedtatt som innstilt.',
    });
    expect(refused).toContain('Velg hvem som fremmet');
    // Refused, the form keeps what was typed (issue 16, part 3): the proposal and the decision.
    expect(refused).toContain('"id":"prop-1","label":"Nytt forslag');
    expect(refused).toMatch(/"id":"prop-1"[^}]*"value":"Uten navn"/);
    expect(refused).toMatch(/"id":"decision-1"[^}]*"value":"Vedtatt som innstilt."/);
    expect(await press(people.boardMember, 'minutes.save', { meetingId, revision: '2', ...attendance })).toContain(
      'Bare koordinatoren',
    );
    expect((await stored(meetingId)).revision).toBe(2);
  });

  it('the members who took part approve it on the card; then it is locked', async () => {
    expect(await press(people.respondent, 'minutes.approve', { meetingId, revision: '2' })).toContain(
      'før hver sak har et vedtak',
    );
    const decided = await press(people.coordinator, 'minutes.save', {
      meetingId,
      revision: '2',
      ...attendance,
      'decision-0': 'Godkjent.',
      'decision-1': 'Styret vedtar handlingsplanen.',
    });
    expect(decided).toContain('Protokollen er lagret');
    expect(await press(people.boardMember, 'minutes.approve', { meetingId, revision: '3' })).toContain(
      'Bare de som deltok',
    );
    // The coordinator sends the card to those who took part and can be reached: Marit has a personal chat.
    await bot.post(installation(bot.connector.url, people.respondent));
    const asked = await press(people.coordinator, 'minutes.request-approval', { meetingId });
    expect(asked).toContain('sendes til godkjenning hos 1 deltaker: Marit Kvam');
    expect(asked).toContain('Eva Nilsen');
    bot.connector.clear();
    await bot.samrad.jobs.runDue(now);
    await press(people.coordinator, 'minutes.request-approval', { meetingId }); // pressed twice: sent once
    await bot.samrad.jobs.runDue(now);
    const toMarit = bot.connector.sent.filter((s) => s.conversationId === `a:personal-${people.respondent.id}`);
    expect(toMarit).toHaveLength(1);
    expect(JSON.stringify(toMarit[0]?.activity)).toContain('"verb":"minutes.approve"');
    expect(await say(eva, `godkjenn protokoll ${meetingId}`)).toContain('"verb":"minutes.approve"');
    // Present: Marit and Siri, and Eva for Ola: two of three approve.
    const one = await press(people.respondent, 'minutes.approve', { meetingId, revision: '3' });
    expect(one).toContain('Godkjenningen din er registrert');
    expect(one).toContain('Godkjent av Marit Kvam (1 av 2 som trengs)');
    expect(await press(eva, 'minutes.approve', { meetingId, revision: '3' })).toContain(
      'Protokollen er nå godkjent og låst',
    );
    const approved = await stored(meetingId);
    expect(approved.minutes).toMatchObject({
      status: 'approved',
      version: 1,
      approval: { by: { members: ['marit-kvam', 'eva-nilsen'] } },
    });
  });

  it('a change to approved minutes needs a reason and becomes version 2, recorded with who and why', async () => {
    const change = {
      meetingId,
      revision: '3',
      ...attendance,
      'decision-0': 'Godkjent.',
      'decision-1': 'Styret vedtar handlingsplanen med endringer.',
    };
    expect(await press(people.coordinator, 'minutes.save', change)).toContain('kan bare endres i en ny versjon (2)');
    expect(
      await press(people.coordinator, 'minutes.save', {
        ...change,
        'decision-1': 'Styret vedtar handlingsplanen.',
        'rec-1': 'Ny innstilling',
      }),
    ).toContain('krever en begrunnelse');
    expect(
      await press(people.coordinator, 'minutes.save', {
        ...change,
        'decision-1': 'Styret vedtar handlingsplanen.',
        reason: 'Ingen grunn',
      }),
    ).toContain('Ingenting er endret');
    expect((await stored(meetingId)).minutes.version).toBe(1); // nothing changed
    const versioned = await press(people.coordinator, 'minutes.save', { ...change, reason: 'Skrivefeil i vedtaket.' });
    expect(versioned).toContain('Protokollen er lagret (versjon 2)');
    const after = await stored(meetingId);
    expect(after.minutes).toMatchObject({
      status: 'approved',
      version: 2,
      change: { by: 'ingrid-haugen', reason: 'Skrivefeil i vedtaket.' },
    });
    expect(after.minutes.earlier).toHaveLength(1);
    expect(after.minutes.content.items[1]?.decision).toBe('Styret vedtar handlingsplanen med endringer.');

    expect(await say(people.respondent, `minutes ${meetingId}`, { kind: 'personal', locale: 'en-GB' })).toContain(
      'Minutes, version 2',
    );
    const card = await press(people.respondent, 'minutes.show', { meetingId });
    expect(card).toContain('Protokoll, versjon 2');
    expect(card).toContain('Skrivefeil i vedtaket.');
    expect(card).not.toContain('"verb":"minutes.approve"');
    const docxUrl = JSON.parse(`"${/"url":"([^"]+protokoll\.docx[^"]+)"/.exec(card)![1]}"`) as string;
    const docx = await fetch(docxUrl);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(`protokoll-${meetingId}-v2.docx`);
    const xml = documentXml(Buffer.from(await docx.arrayBuffer()));
    expect(xml).toContain('Styret vedtar handlingsplanen med endringer.');
    // Version 2 says it was changed after approval, and that its approvers approved version 1 (issue 16, finding 10).
    expect(xml).toContain('Versjon 2, endret etter godkjenningen.');
    expect(xml).toMatch(/Godkjent av [^<]*, versjon 1/);
    expect(xml).not.toMatch(/Godkjent av [^<]*, versjon 2/);
  });

  it('the next meeting approves the previous minutes under its first item', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    for (const form of osuMeetingForms) await press(people.coordinator, 'meeting.create', form);
    const osu = (
      await bot.samrad.store.find<{ id: string; title: string; agenda: { id: string }[] }>('meetings', {
        bodyId: 'osu',
      })
    ).map((r) => r.value);
    const first = osu.find((m) => m.title === 'OSU desember')!;
    const second = osu.find((m) => m.title === 'OSU januar')!;
    now = new Date('2026-12-01T10:00:00Z');
    await say(people.coordinator, `protokoll ${first.id}`);
    await press(people.coordinator, 'minutes.save', { meetingId: first.id, revision: '1', 'decision-0': 'Godkjent.' });
    expect((await stored(first.id)).minutes.status).toBe('draft');
    now = new Date('2026-12-15T10:00:00Z');
    await say(people.coordinator, `protokoll ${second.id}`);
    const saved = await press(people.coordinator, 'minutes.save', {
      meetingId: second.id,
      revision: '1',
      'decision-0': 'Protokollen fra forrige møte godkjennes.',
    });
    expect(saved).toContain('Protokollen fra «OSU desember» er dermed godkjent og låst');
    expect((await stored(first.id)).minutes).toMatchObject({
      status: 'approved',
      approval: { by: { meeting: second.id } },
    });
  });
});
