import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { Inquiry } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import type { Project } from '../../../src/domain/project';
import { INQUIRIES } from '../../../src/app/networks/network-records';
import { backfillReminders } from '../../../src/app/projects/reminder-backfill';
import { JOBS } from '../../../src/app/scheduling/job';
import { BACKFILLS, runOnce } from '../../../src/app/scheduling/run-once';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { ListName, RecordStore, StoredRecord, Where } from '../../../src/ports/record-store';
import { StoreError } from '../../../src/ports/record-store';
import { CountingStore } from '../scheduling/scheduling-fixtures';

const now = new Date('2026-12-03T10:00:00Z');
const clock = { now: () => now };

const komut: Project = {
  id: 'komut',
  name: 'KomUt',
  purpose: '',
  leader: 'Kari Nordmann',
  startedAt: '2018-01-22T08:00:00Z',
  startedBy: 'ingrid-haugen',
  funding: [],
  reports: [],
  milestones: [
    { title: 'Pleie- og omsorgsmeldinger', due: '2026-06-30', reached: '2026-06-12' },
    { title: 'Dialogmeldinger med fastlegene', due: '2026-12-15' },
  ],
};
const orgWith = (projects: Project[]): Organisation => ({
  cooperation: { name: 'KHS', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  municipalities: [],
  bodies: [],
  members: [],
  projects,
});
const waiting: Inquiry = {
  id: 'H7K2Q',
  networkId: 'bpa',
  supplier: 'Assistanse Vest AS',
  received: '2026-11-25',
  text: 'Hvordan skal timelister sendes?',
  recordedBy: 'ingrid-haugen',
  recordedAt: '2026-11-25T10:00:00Z',
};

/** A store that counts the reads of each list, to show what a start costs. */
class ReadCounter extends CountingStore {
  readonly finds = new Map<string, number>();
  override find<T>(list: ListName, where?: Where) {
    this.finds.set(list, (this.finds.get(list) ?? 0) + 1);
    return super.find<T>(list, where);
  }
}

const jobIds = async (store: RecordStore) => (await store.find(JOBS)).map((j) => j.id).sort();

describe('runOnce: a piece of start-up work done once per store', () => {
  it('runs the first time, writes its marker after, and at the next start reads only the marker', async () => {
    const store = new CountingStore(new MemoryStore());
    let runs = 0;
    const count = async () => {
      runs++;
    };
    expect(await runOnce(store, 'x', count, clock)).toBe(true);
    expect((await store.get(BACKFILLS, 'x'))?.value).toEqual({ name: 'x', finishedAt: now.toISOString() });
    const before = { ...store.calls };
    expect(await runOnce(store, 'x', count, clock)).toBe(false);
    expect(runs).toBe(1);
    expect(store.calls).toEqual({ ...before, get: before.get + 1 });
  });

  it('a run that dies half-way leaves no marker, so the next start runs it again', async () => {
    const store = new MemoryStore();
    await expect(
      runOnce(
        store,
        'x',
        async () => {
          throw new Error('the process died');
        },
        clock,
      ),
    ).rejects.toThrow('the process died');
    expect(await store.get(BACKFILLS, 'x')).toBeUndefined();
    let runs = 0;
    const count = async () => {
      runs++;
    };
    expect(await runOnce(store, 'x', count, clock)).toBe(true);
    expect(runs).toBe(1);
  });

  it('two instances starting at once both finish without an error, and one marker is written', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const results = await Promise.all([runOnce(store, 'x', work, clock), runOnce(store, 'x', work, clock)]);
    expect(results).toEqual([true, true]);
    expect(runs).toBe(2);
    expect(await store.find(BACKFILLS)).toHaveLength(1);
  });

  it('a store error other than a marker already there is not hidden', async () => {
    class Refusing extends CountingStore {
      override create<T>(list: ListName): Promise<StoredRecord<T>> {
        return Promise.reject(new StoreError('STORE.UNAVAILABLE', list, 'x'));
      }
    }
    await expect(runOnce(new Refusing(new MemoryStore()), 'x', async () => {}, clock)).rejects.toThrow(
      'STORE.UNAVAILABLE',
    );
  });
});

describe('the reminder backfill: milestones and inquiries made before reminders existed', () => {
  it('schedules the file’s milestones and a stored inquiry’s reminder at the first start', async () => {
    const store = new MemoryStore();
    await store.create(INQUIRIES, waiting.id, waiting);
    await backfillReminders(store, new JobScheduler(store, clock), orgWith([komut]), clock);
    expect(await jobIds(store)).toEqual([
      'network-inquiry-remind:H7K2Q',
      expect.stringMatching(/^project-milestone-remind:komut:2026-12-15-\w+:overdue$/),
      expect.stringMatching(/^project-milestone-remind:komut:2026-12-15-\w+:week$/),
    ]);
  });

  it('at the second start reads neither projects nor inquiries nor jobs', async () => {
    const store = new ReadCounter(new MemoryStore());
    await store.create(INQUIRIES, waiting.id, waiting);
    const org = orgWith([komut]);
    await backfillReminders(store, new JobScheduler(store, clock), org, clock);
    store.finds.clear();
    const before = { ...store.calls };
    await backfillReminders(store, new JobScheduler(store, clock), org, clock);
    expect(Object.fromEntries(store.finds)).toEqual({});
    expect(store.calls).toEqual({ ...before, get: before.get + 1 });
  });

  it('runs again when the organisation file’s projects change, adding only the new milestone’s', async () => {
    const store = new MemoryStore();
    await backfillReminders(store, new JobScheduler(store, clock), orgWith([komut]), clock);
    const first = await jobIds(store);
    const moved: Project = {
      ...komut,
      milestones: [...komut.milestones, { title: 'Sluttrapport', due: '2027-06-30' }],
    };
    await backfillReminders(store, new JobScheduler(store, clock), orgWith([moved]), clock);
    const second = await jobIds(store);
    expect(second).toHaveLength(first.length + 2);
    expect(second.filter((id) => !first.includes(id))).toEqual([
      expect.stringMatching(/^project-milestone-remind:komut:2027-06-30-\w+:overdue$/),
      expect.stringMatching(/^project-milestone-remind:komut:2027-06-30-\w+:week$/),
    ]);
  });

  it('finished after a death half-way: the jobs already made are not doubled', async () => {
    const inner = new MemoryStore();
    await inner.create(INQUIRIES, waiting.id, waiting);
    // The first start dies once the milestones are scheduled, before the inquiries are read.
    let dies = true;
    class Dying extends CountingStore {
      override find<T>(list: ListName, where?: Where) {
        return list === INQUIRIES && dies ? Promise.reject(new Error('the process died')) : super.find<T>(list, where);
      }
    }
    const dying = new Dying(inner);
    await expect(backfillReminders(dying, new JobScheduler(dying, clock), orgWith([komut]), clock)).rejects.toThrow(
      'the process died',
    );
    expect(await jobIds(inner)).toHaveLength(2);
    dies = false;
    await backfillReminders(dying, new JobScheduler(dying, clock), orgWith([komut]), clock);
    expect(await jobIds(inner)).toHaveLength(3);
    expect(await inner.find(BACKFILLS)).toHaveLength(1);
  });
});
