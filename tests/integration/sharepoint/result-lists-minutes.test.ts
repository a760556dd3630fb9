import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUpTask } from '../../../src/domain/follow-up';
import { completeFollowUp } from '../../../src/domain/follow-up';
import type { Meeting } from '../../../src/domain/meeting';
import type { Minutes } from '../../../src/domain/minutes';
import type { MinutesRecord } from '../../../src/app/minutes/minutes-records';
import type { Clock } from '../../../src/ports/clock';
import type { ResultLists } from '../../../src/ports/result-lists';
import { upsert } from '../../../src/ports/record-store';
import { SharePointResultLists } from '../../../src/adapters/sharepoint/typed-lists/sharepoint-result-lists';
import { Catalogue } from '../../../src/i18n/catalogue';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { projectionOnFake, rowsOf } from '../../fakes/fake-graph/result-lists-on-fake';
import { org } from '../../unit/voting/voting-fixtures';

const now = new Date('2026-12-11T10:00:00Z');
const clock: Clock = { now: () => now };
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const meeting: Meeting = {
  id: 'M1',
  bodyId: 'styret',
  title: 'Styremøte desember',
  start: '2026-12-10T09:00:00.000Z',
  end: '2026-12-10T11:00:00.000Z',
  place: 'Rådhuset',
  year: 2026,
  number: 4,
  state: 'held',
  version: 5,
  heldAt: '2026-12-10T09:00:00.000Z',
  agenda: [
    {
      id: 'i1',
      caseNumber: { number: 11, year: 2026 },
      kind: 'minutes-approval',
      title: '',
      proposal: { kind: 'standard' },
      documents: [],
      status: 'decided',
    },
    {
      id: 'i2',
      caseNumber: { number: 12, year: 2026 },
      kind: 'case',
      title: 'Handlingsplan 2027',
      proposal: { kind: 'text', text: 'Planen vedtas.' },
      documents: [],
      status: 'decided',
    },
    {
      id: 'i3',
      caseNumber: { number: 13, year: 2026 },
      kind: 'case',
      title: 'Trukket sak',
      proposal: { kind: 'in-meeting' },
      documents: [],
      status: 'withdrawn',
    },
  ],
};
const attendance = { present: ['kari', 'ola', 'siri'], absent: [], deputies: [] };
const item = (itemId: string, decision: string) => ({ itemId, proposals: [], votes: [], decision });
const draft: Omit<Minutes, 'earlier'> = {
  meetingId: 'M1',
  status: 'approved',
  version: 1,
  content: { attendance, items: [item('i1', 'Protokollen godkjent.'), item('i2', 'Planen vedtas.')] },
  approval: { at: '2026-12-10T12:00:00.000Z', by: { members: ['kari', 'ola'] } },
};
const minutes: Minutes = {
  ...draft,
  version: 2,
  content: { attendance, items: [item('i1', 'Protokollen godkjent.'), item('i2', 'Planen vedtas med endringer.')] },
  change: { at: '2026-12-11T09:00:00.000Z', by: 'kari', reason: 'Skrivefeil i vedtaket' },
  earlier: [draft],
};
const record: MinutesRecord = { meetingId: 'M1', bodyId: 'styret', minutes, revision: 3, memberApprovals: [] };
const task: FollowUpTask = {
  id: 'F1',
  meetingId: 'M1',
  bodyId: 'styret',
  itemId: 'i2',
  caseNumber: { number: 12, year: 2026 },
  description: 'Send planen til kommunene',
  owner: 'ola',
  due: '2027-01-15',
  status: 'open',
  createdAt: now.toISOString(),
};

/** The lists as the product writes them, except that the first sync of Vedtak dies half-way: the process gone after Protokoller was written. */
const dyingOnce = (lists: ResultLists): ResultLists & { died: number } => {
  const wrapped = {
    died: 0,
    sync: async (...args: Parameters<ResultLists['sync']>) => {
      if (args[0] === 'decisions' && wrapped.died === 0) {
        wrapped.died++;
        await lists.sync(args[0], args[1], args[2].slice(0, 1)); // one row in, then the crash
        throw new Error('the process died');
      }
      return lists.sync(...args);
    },
  };
  return wrapped;
};

describe('Protokoller, Vedtak and Oppfølging, with 30% of Graph calls throttled and a run that dies half-way', () => {
  it('show every version, each decision with its follow-up, and catch up after the crash without duplicates', async () => {
    fake = await FakeGraph.start();
    let dying: ReturnType<typeof dyingOnce> | undefined;
    const p = await projectionOnFake(fake, () => org, { clock, wrapLists: (l) => (dying = dyingOnce(l)) });
    fake.setThrottle({ share: 0.3, seed: 11, retryAfter: '0' });
    await p.store.create('meetings', meeting.id, meeting);
    await p.store.create('minutes', 'M1', record);
    await p.store.create('followUps', task.id, task);
    await p.project();
    expect(dying!.died).toBe(1);
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);

    const versions = rowsOf(fake, 'SamradMinutes');
    expect(versions.map((v) => [v.SamradKey, v.MinutesVersion, v.Current, v.MinutesStatus, v.ChangeReason])).toEqual([
      ['minutes/M1/v1', 1, false, 'Godkjent', null],
      ['minutes/M1/v2', 2, true, 'Godkjent', 'Skrivefeil i vedtaket'],
    ]);
    expect(versions[0]).toMatchObject({
      ApprovedBy: 'kari, ola',
      Body: 'Samarbeidsstyret',
      MeetingStart: '2026-12-10T09:00:00Z',
    });
    const decisions = () =>
      rowsOf(fake!, 'SamradDecisions').map((d) => [d.CaseNumber, d.Title, d.Decision, d.FollowUp, d.OpenTasks]);
    // The withdrawn case has no decision; the current version's wording counts.
    expect(decisions()).toEqual([
      ['11/2026', 'Godkjenning av protokoll', 'Protokollen godkjent.', 'Ingen oppfølging', 0],
      ['12/2026', 'Handlingsplan 2027', 'Planen vedtas med endringer.', 'Under oppfølging', 1],
    ]);
    expect(rowsOf(fake, 'SamradFollowUps')).toEqual([
      expect.objectContaining({
        Title: 'Send planen til kommunene',
        CaseNumber: '12/2026',
        Owner: 'ola',
        Due: '2027-01-15T00:00:00Z',
        TaskStatus: 'Åpen',
      }),
    ]);

    await upsert<FollowUpTask>(p.store, 'followUps', 'F1', (t) =>
      t ? (completeFollowUp(t, now) as { ok: true; value: FollowUpTask }).value : undefined,
    );
    await p.project();
    expect(decisions()[1]).toEqual(['12/2026', 'Handlingsplan 2027', 'Planen vedtas med endringer.', 'Fulgt opp', 0]);
    expect(rowsOf(fake, 'SamradFollowUps')[0]).toMatchObject({
      TaskStatus: 'Fullført',
      DoneAt: '2026-12-11T10:00:00Z',
    });
    const jobs = await p.records.find<{ kind: string; state: string }>('jobs', {});
    expect(jobs.filter((j) => j.value.kind === 'project').every((j) => j.value.state === 'done')).toBe(true);
  });
});

describe('a tenant whose Graph refuses hyperlink values', () => {
  it('keeps every other column of the row, says so once, and stops sending links', async () => {
    fake = await FakeGraph.start();
    fake.lists.refuseHyperlinkValues = true;
    const warnings: string[] = [];
    const p = await projectionOnFake(fake, () => org, {
      clock,
      wrapLists: () =>
        new SharePointResultLists(graphOnFake(fake!).http, fake!.lists.siteId, Catalogue.load().for('nb'), (event) =>
          warnings.push(event),
        ),
    });
    const withDocuments = (id: string): Meeting => ({
      ...meeting,
      id,
      agenda: meeting.agenda.map((i) => ({
        ...i,
        documents: [{ title: 'Framlegg', url: `https://x.sharepoint.com/${id}.pdf` }],
      })),
    });
    await p.store.create('meetings', 'M1', withDocuments('M1'));
    await p.project();
    await p.store.create('meetings', 'M2', withDocuments('M2'));
    await p.project();
    const cases = rowsOf(fake, 'SamradCases');
    expect(cases).toHaveLength(6);
    expect(
      cases.every(
        (c) => c.Document === undefined && String(c.Documents).startsWith('Framlegg: https://x.sharepoint.com/'),
      ),
    ).toBe(true);
    expect(warnings).toEqual(['result-lists.links-refused']);
    const refused = fake.requests.filter((r) => r.status === 400);
    expect(refused).toHaveLength(1);
  });
});
