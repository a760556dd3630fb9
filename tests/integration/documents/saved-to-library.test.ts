import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, message, people, type Person } from '../../fixtures/activities';
import { osuMeetingForms } from '../../fixtures/board-meeting';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';
import { expectValidCards } from '../../fixtures/card-validation';
import { documentXml } from '../../unit/exports/read-docx';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
const channel = { kind: 'channel' as const };
const personal = { kind: 'personal' as const };

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
});
afterAll(async () => bot.stop());

const press = async (from: Person, verb: string, data: object, where: { kind: 'personal' | 'channel' } = personal) => {
  const res = await bot.post(cardAction(bot.connector.url, from, verb, { lang: 'nb', ...data }, where, randomUUID()));
  const body = JSON.parse(res.body) as { type: string; value: any };
  if (body.type.endsWith('card.adaptive')) expectValidCards([body.value]);
  return JSON.stringify(body.value);
};
const say = async (from: Person, text: string, where: { kind: 'personal' | 'channel' } = personal) => {
  bot.connector.clear();
  await bot.post(message(bot.connector.url, from, text, where));
  expectValidCards(bot.connector.cards());
  return bot.connector.everything();
};
const runJobs = async (passes = 3) => {
  for (let i = 0; i < passes; i++) await bot.samrad.jobs.runDue(now);
};
const library = (path: string) => join(bot.dir, 'documents', ...path.split('/'));
interface StoredJob {
  kind: string;
  state: string;
  attempts: number;
  payload: { kind: string; subjectId: string; version: string };
}
const archiveJobs = async (kind: string, subjectId: string) =>
  (await bot.samrad.store.find<StoredJob>('jobs', { kind: 'document.archive' }))
    .map((j) => j.value)
    .filter((j) => j.payload.kind === kind && j.payload.subjectId === subjectId);

/** Runs the jobs again: a done save is not made a second time, so the file is not written again. */
async function savedOnce(path: string, kind: string, subjectId: string) {
  expect(existsSync(library(path)), path).toBe(true);
  const written = statSync(library(path)).mtimeMs;
  await runJobs(2);
  expect(statSync(library(path)).mtimeMs).toBe(written);
  const jobs = await archiveJobs(kind, subjectId);
  expect(jobs.map((j) => [j.state, j.attempts])).toEqual(jobs.map(() => ['done', 1]));
  return jobs;
}

describe('finished documents go to the document library (a local folder)', () => {
  it('the basis document, when the input summary is posted at the deadline', async () => {
    await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    const meetingId = (
      await bot.samrad.store.find<{ id: string; bodyId: string }>('meetings', { bodyId: 'styret' })
    )[0]!.value.id;
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Handlingsplan 2027',
      proposal: 'Styret vedtar handlingsplanen.',
    });
    await say(people.coordinator, `be om innspill ${meetingId} frist 2026-12-08 12:00`);
    await runJobs();
    expect(await archiveJobs('basis-document', meetingId)).toEqual([]); // nothing before the deadline

    now = new Date('2026-12-08T11:30:00Z');
    bot.connector.clear();
    await runJobs();
    const path = 'Grunnlagsdokumenter/2026/samarbeidsstyret-møte-1-2026.docx';
    expect(await savedOnce(path, 'basis-document', meetingId)).toHaveLength(1);
    expect(documentXml(readFileSync(library(path)))).toContain('Handlingsplan 2027');
    // The summary went out, and a file on the server's disk is no link for Teams.
    expect(bot.connector.everything()).toContain('Handlingsplan 2027');
    expect(bot.connector.everything()).not.toContain('dokumentbiblioteket');

    // The coordinator asking again for the same input saves nothing new.
    await say(people.coordinator, `innspill ${meetingId}`);
    await runJobs();
    expect(await archiveJobs('basis-document', meetingId)).toHaveLength(1);
  });

  it('the minutes, when they are approved, and each new version', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    for (const form of osuMeetingForms) await press(people.coordinator, 'meeting.create', form);
    const osu = (await bot.samrad.store.find<{ id: string; title: string }>('meetings', { bodyId: 'osu' })).map(
      (r) => r.value,
    );
    const first = osu.find((m) => m.title === 'OSU desember')!;
    const second = osu.find((m) => m.title === 'OSU januar')!;
    now = new Date('2026-12-01T10:00:00Z');
    await say(people.coordinator, `protokoll ${first.id}`);
    await press(people.coordinator, 'minutes.save', { meetingId: first.id, revision: '1', 'decision-0': 'Godkjent.' });
    await runJobs();
    expect(await archiveJobs('minutes', first.id)).toEqual([]); // a draft stays out of the library

    now = new Date('2026-12-15T10:00:00Z');
    await say(people.coordinator, `protokoll ${second.id}`);
    expect(
      await press(people.coordinator, 'minutes.save', {
        meetingId: second.id,
        revision: '1',
        'decision-0': 'Protokollen fra forrige møte godkjennes.',
      }),
    ).toContain('godkjent og låst');
    await runJobs();
    const v1 = 'Protokoller/2026/overordnet-samarbeidsutvalg-møte-1-2026-v1.docx';
    await savedOnce(v1, 'minutes', first.id);

    const amended = await press(people.coordinator, 'minutes.save', {
      meetingId: first.id,
      revision: '3',
      'decision-0': 'Godkjent med én merknad.',
      reason: 'Merknaden manglet.',
    });
    expect(amended).toContain('versjon 2');
    await runJobs();
    const jobs = await savedOnce(v1.replace('-v1', '-v2'), 'minutes', first.id);
    expect(jobs.map((j) => j.payload.version).sort()).toEqual(['1', '2']);
    expect(documentXml(readFileSync(library(v1)))).not.toContain('én merknad'); // version 1 kept as it was
    expect(documentXml(readFileSync(library(v1.replace('-v1', '-v2'))))).toContain('én merknad');
  });

  it('the joint statement and the responses, when the hearing is compiled', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    await say(people.coordinator, 'hjelp', channel);
    const registered = await press(
      people.coordinator,
      'hearing.register',
      {
        title: 'Ny forskrift: legevakt?',
        issuer: 'Helsedirektoratet',
        externalDeadline: '2026-12-15',
        questions: 'Enig?',
      },
      channel,
    );
    const id = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered)![1]!;
    await runJobs();
    expect(await say(people.coordinator, `sammenstill høring ${id}`)).toContain('Felles høringsuttalelse');
    await say(people.coordinator, `sammenstill høring ${id}`); // nothing changed: nothing new to save
    await runJobs();
    await savedOnce('Høringer/2026/ny-forskrift-legevakt-felles-uttalelse.docx', 'joint-statement', id);
    await savedOnce('Høringer/2026/ny-forskrift-legevakt-høringssvar.csv', 'hearing-responses', id);
  });
});
