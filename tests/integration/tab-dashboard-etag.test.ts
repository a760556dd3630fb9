import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/app/dashboard/dashboard';
import { recordDeliveryFailure } from '../../src/app/delivery/delivery-failures';
import { FOLLOW_UPS } from '../../src/app/follow-up/follow-up-records';
import { JOBS, completed, failedWith, newJob, type Job } from '../../src/app/scheduling/job';
import { jobRef } from '../../src/app/scheduling/job-ref';
import { VOTES } from '../../src/app/voting/vote-records';
import { upsert } from '../../src/ports/record-store';
import { people } from '../fixtures/activities';
import { press, say } from '../fixtures/tab-seed';
import { TAB_NOW, tabUnderTest } from '../fixtures/tab-under-test';

// The dashboard's eTag comes from version stamps (src/app/dashboard/dashboard-stamp.ts), not from
// the view: each thing the dashboard shows is changed here once, and the eTag must change with it.
let now = TAB_NOW;
const tab = tabUnderTest({ clock: { now: () => now } });
const { call } = tab;

const act = async (person: string, verb: string, body: object) => {
  const done = await call(person, `actions/${verb}`, { body: { actionId: `${verb}:${Date.now()}`, ...body } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
};
const poll = (etag: string, lang = 'nb') =>
  call('coordinator', 'dashboard', { lang, headers: { 'if-none-match': etag } });

/**
 * While nothing changes the poll is a 304; after `change` it is a 200 with another eTag and a
 * view that differs (so the change is one the dashboard shows); then a 304 again under the new eTag.
 */
async function changes(change: () => Promise<unknown>): Promise<{ before: Dashboard; after: Dashboard }> {
  const before = await call('coordinator', 'dashboard');
  expect(before.status).toBe(200);
  expect((await poll(before.etag)).status).toBe(304);
  await change();
  const after = await poll(before.etag);
  expect(after.status).toBe(200);
  expect(after.etag).not.toBe(before.etag);
  expect(after.body).not.toEqual(before.body);
  expect((await poll(after.etag)).status).toBe(304);
  return { before: before.body, after: after.body };
}

const shownMeeting = (view: Dashboard, id: string) => view.meetings.find((m) => m.meetingId === id);
const golRow = (view: Dashboard) =>
  shownMeeting(view, tab.seed.meetingId)?.input?.rows.find((r) => r.municipality === '3324');

describe("the dashboard's eTag changes with each thing it shows, and only then", () => {
  let laterId = '';

  it('a meeting: a case added to its agenda, and a meeting planned', async () => {
    const { after } = await changes(() =>
      act('coordinator', 'agenda.add', {
        meetingId: tab.seed.meetingId,
        title: 'Årsmelding 2026',
        proposal: 'Tas til orientering.',
      }),
    );
    expect(shownMeeting(after, tab.seed.meetingId)?.agenda.map((c) => c.title)).toContain('Årsmelding 2026');
    const planned = await changes(() =>
      act('coordinator', 'meeting.create', {
        // The board has no formøte, so no input is planned until it is asked for.
        body: 'styret',
        title: 'Ekstraordinært styremøte',
        date: '2026-12-14',
        startTime: '09:00',
        endTime: '11:00',
        online: 'true',
      }),
    );
    expect(planned.after.meetings.length).toBe(planned.before.meetings.length + 1);
    laterId = planned.after.meetings.find((m) => m.title === 'Ekstraordinært styremøte')!.meetingId;
  });

  it("the input request, a municipality's draft and its answer", async () => {
    // Planning the meeting planned its request; asking with another deadline changes it.
    const requested = await changes(() =>
      say(tab.bot, people.coordinator, `be om innspill ${laterId} frist 2026-12-12 12:00`),
    );
    expect(shownMeeting(requested.before, laterId)?.input?.deadline).not.toBe('2026-12-12T11:00:00.000Z');
    expect(shownMeeting(requested.after, laterId)?.input?.deadline).toBe('2026-12-12T11:00:00.000Z');
    const item = (await call('respondent', 'my-work')).body.items.find(
      (i: { kind: string; meetingId: string }) => i.kind === 'input' && i.meetingId === tab.seed.meetingId,
    );
    const base = { meetingId: item.meetingId, version: item.meetingVersion, municipality: item.municipality };
    const draft = await changes(() => act('respondent', 'input.save', { ...base, 'position-0': 'support' }));
    expect(golRow(draft.after)?.state).toBe('draft');
    const given = await changes(() =>
      act('respondent', 'input.submit', {
        ...base,
        'position-0': 'support',
        'position-1': 'support',
        'position-2': 'no-view',
      }),
    );
    expect(golRow(given.after)?.state).toBe('submitted');
  });

  it('a hearing registered, a response to it, and the hearing closed', async () => {
    const registered = await changes(() =>
      act('coordinator', 'hearing.register', {
        title: 'Høring om legevakt',
        issuer: 'Helsedirektoratet',
        externalDeadline: '2027-01-15',
        internalDeadline: '',
        documents: '',
        questions: '',
        municipalities: '',
        background: '',
        reminders: '5, 2, 0',
      }),
    );
    expect(registered.after.hearings.length).toBe(registered.before.hearings.length + 1);
    const item = (await call('respondent', 'my-work')).body.items.find(
      (i: { kind: string; hearingId: string }) => i.kind === 'hearing' && i.hearingId === tab.seed.hearingId,
    );
    const answered = await changes(() =>
      act('respondent', 'hearing.submit', {
        hearingId: item.hearingId,
        version: item.hearingVersion,
        municipality: item.municipality,
        position: 'agree',
        text: 'Gol støtter forslaget.',
        links: '',
        'answer-0': 'Ja.',
      }),
    );
    const track = (view: Dashboard) => view.hearings.find((h) => h.hearingId === tab.seed.hearingId);
    expect(track(answered.after)?.rows.find((r) => r.municipality === '3324')?.state).toBe('submitted');
    const closed = await changes(() =>
      press(tab.bot, people.coordinator, 'hearing.close', { hearingId: tab.seed.hearingId }),
    );
    expect(track(closed.before)).toBeDefined();
    expect(track(closed.after)).toBeUndefined();
  });

  it("a hearing's reminder sent: the tracker says when, and which are still to come", async () => {
    const track = (view: Dashboard) => view.hearings.find((h) => h.title === 'Høring om legevakt')!;
    const { body } = await call('coordinator', 'dashboard');
    const planned = track(body).reminders;
    expect(planned.length).toBe(3);
    expect(planned.every((r) => !r.sent)).toBe(true);
    const id = `hearing-remind:${track(body).hearingId}:${planned[0]!.at}`;
    const sent = await changes(() =>
      upsert<Job>(tab.bot.samrad.store, JOBS, id, (job) => job && completed(job, new Date(planned[0]!.at))),
    );
    expect(track(sent.after).reminders).toEqual([{ ...planned[0], sent: true }, ...planned.slice(1)]);
  });

  it('a vote opened, a ballot cast in it, and the vote closed', async () => {
    const opened = await changes(() => act('coordinator', 'vote.open', { title: 'Budsjett 2027', body: 'styret' }));
    expect(opened.after.votes.length).toBe(opened.before.votes.length + 1);
    const vote = (await call('board-member', 'my-work')).body.items.find(
      (i: { kind: string; voteId: string }) => i.kind === 'vote' && i.voteId === tab.seed.voteId,
    );
    const cast = await changes(() =>
      act('board-member', 'vote.cast', { voteId: vote.voteId, option: 'for', voterKey: vote.voterKey }),
    );
    expect(cast.after.votes.find((v) => v.voteId === tab.seed.voteId)?.cast).toBe(1);
    // The vote's own record, its ballot box untouched (as a store written by another instance leaves it).
    const renamed = await changes(() =>
      upsert<{ title: string }>(
        tab.bot.samrad.store,
        VOTES,
        tab.seed.voteId,
        (v) => v && { ...v, title: 'Årsmelding for 2026' },
      ),
    );
    expect(renamed.after.votes.find((v) => v.voteId === tab.seed.voteId)?.title).toBe('Årsmelding for 2026');
    const closed = await changes(() => act('coordinator', 'vote.close', { voteId: tab.seed.voteId }));
    expect(closed.after.votes.some((v: { voteId: string }) => v.voteId === tab.seed.voteId)).toBe(false);
  });

  it('a follow-up task overdue, then done', async () => {
    const task = (id: string, due: string) => ({
      id,
      meetingId: tab.seed.meetingId,
      bodyId: 'styret',
      itemId: 'i1',
      caseNumber: { number: 2, year: 2026 },
      description: `Oppfølging ${id}`,
      owner: 'ingrid-haugen',
      due,
      status: 'open',
      createdAt: '2026-11-01T10:00:00Z',
    });
    const overdue = await changes(() =>
      tab.bot.samrad.store.create(FOLLOW_UPS, 'F-late', task('F-late', '2026-11-20')),
    );
    expect(overdue.after.overdue.map((t) => t.taskId)).toEqual(['F-late']);
    const done = await changes(() => act('coordinator', 'follow-up.done', { taskId: 'F-late' }));
    expect(done.after.overdue).toEqual([]);
  });

  it('a delivery failure, and a job that failed and is tried again', async () => {
    const failure = {
      conversationId: 'a:personal-29:marit',
      message: 'input-request',
      operation: 'send' as const,
      kind: 'blocked-by-user' as const,
      reason: 'ConversationBlockedByUser (403)',
      at: now.toISOString(),
    };
    const refused = await changes(() => recordDeliveryFailure(tab.bot.samrad.store, 'outbox:1', failure));
    expect(refused.after.deliveryFailures.map((f) => f.id)).toEqual(['outbox:1']);
    const id = `vote-close:${tab.seed.voteId}:late`;
    const job = failedWith(
      newJob({ id, kind: 'vote.close-at-deadline', dueAt: now, payload: { voteId: tab.seed.voteId } }, now),
      'ECONNREFUSED',
      now,
    );
    const failed = await changes(() => tab.bot.samrad.store.create(JOBS, id, job));
    expect(failed.after.failedJobs.map((j) => j.ref)).toEqual([jobRef(id)]);
    const retried = await changes(() => say(tab.bot, people.coordinator, `prøv igjen ${jobRef(id)}`));
    expect(retried.after.failedJobs).toEqual([]);
  });

  it('the organisation: a municipality renamed in the file', async () => {
    const renamed = await changes(async () => {
      const yaml = readFileSync(tab.bot.organisationFile, 'utf8');
      writeFileSync(tab.bot.organisationFile, yaml.replace('name: Gol,', 'name: Gol kommune,'));
      expect((await tab.bot.samrad.registry.reload()).ok).toBe(true);
    });
    expect(golRow(renamed.before)?.name).toBe('Gol');
    expect(golRow(renamed.after)?.name).toBe('Gol kommune');
  });

  it('the reader’s language: another eTag in English, and the nb one still a 304', async () => {
    const nb = await call('coordinator', 'dashboard');
    const en = await poll(nb.etag, 'en');
    expect(en.status).toBe(200);
    expect(en.etag).not.toBe(nb.etag);
    expect(en.body).not.toEqual(nb.body);
    expect((await poll(nb.etag)).status).toBe(304);
    expect((await poll(en.etag, 'en')).status).toBe(304);
  });

  it('time: a task whose due day passes, and a meeting that is over', async () => {
    await tab.bot.samrad.store.create(FOLLOW_UPS, 'F-today', {
      ...(await tab.bot.samrad.store.get<object>(FOLLOW_UPS, 'F-late'))!.value,
      id: 'F-today',
      status: 'open',
      due: '2026-11-23',
    });
    const dayAfter = await changes(async () => (now = new Date('2026-11-24T10:00:00Z')));
    expect(dayAfter.before.overdue).toEqual([]);
    expect(dayAfter.after.overdue.map((t) => t.taskId)).toEqual(['F-today']);
    now = new Date('2026-12-10T08:00:00Z'); // the board meeting runs 10.00–12.00 Oslo time
    const over = await changes(async () => (now = new Date('2026-12-10T11:30:00Z')));
    expect(shownMeeting(over.before, tab.seed.meetingId)).toBeDefined();
    expect(shownMeeting(over.after, tab.seed.meetingId)).toBeUndefined();
  });
});
