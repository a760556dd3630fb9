import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import { composeSamrad, type Samrad } from '../../src/compose';
import type { Inquiry } from '../../src/domain/network';
import { createLogger } from '../../src/log';
import type { ListName, RecordStore, StoredRecord, Where } from '../../src/ports/record-store';
import { temporaryLocalConfig } from '../fixtures/local-config';

const now = new Date('2026-12-03T10:00:00Z');
const clock = { now: () => now };
const REMINDER_JOBS = /^(project-milestone-remind|network-inquiry-remind):/;

/** The SQLite store on the test's file, counting reads per list and the reminder jobs it is asked to create. */
class CountedStore implements RecordStore {
  readonly finds = new Map<string, number>();
  reminderCreates = 0;
  constructor(private readonly inner: RecordStore) {}
  get<T>(list: ListName, id: string) {
    return this.inner.get<T>(list, id);
  }
  find<T>(list: ListName, where?: Where) {
    this.finds.set(list, (this.finds.get(list) ?? 0) + 1);
    return this.inner.find<T>(list, where);
  }
  create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    if (list === 'jobs' && REMINDER_JOBS.test(id)) this.reminderCreates++;
    return this.inner.create<T>(list, id, value);
  }
  replace<T>(list: ListName, id: string, value: T, ifMatch: string) {
    return this.inner.replace<T>(list, id, value, ifMatch);
  }
  remove(list: ListName, id: string, ifMatch?: string) {
    return this.inner.remove(list, id, ifMatch);
  }
  close() {
    return this.inner.close();
  }
}

const config = temporaryLocalConfig({ prefix: 'samrad-backfill-' });
const running: Samrad[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

/** One process on the test's database file, through its own counted store. */
async function start(): Promise<CountedStore> {
  const store = new CountedStore(new SqliteStore(config.databaseFile));
  const samrad = await composeSamrad(config, { log: createLogger('error', () => {}), clock, store });
  running.push(samrad);
  await samrad.listen();
  return store;
}

/** An inquiry recorded by a version from before reminders: no job was made for it. */
const older: Inquiry = {
  id: 'H7K2Q',
  networkId: 'bpa',
  supplier: 'Assistanse Vest AS',
  received: '2026-11-25',
  text: 'Hvordan skal timelister sendes?',
  recordedBy: 'ingrid-haugen',
  recordedAt: '2026-11-25T10:00:00Z',
};

const reminderJobs = async () => {
  const store = new SqliteStore(config.databaseFile);
  try {
    return (await store.find('jobs')).map((j) => j.id).filter((id) => REMINDER_JOBS.test(id));
  } finally {
    await store.close();
  }
};

describe('the reminder backfill runs once per store, not at every start', () => {
  it('the first start reads the projects and inquiries and schedules the reminders', async () => {
    const seed = new SqliteStore(config.databaseFile);
    await seed.create('networkInquiries', older.id, older);
    await seed.close();
    const first = await start();
    expect(first.finds.get('projects')).toBe(1);
    expect(first.finds.get('networkInquiries')).toBe(1);
    const jobs = await reminderJobs();
    expect(jobs).toContain('network-inquiry-remind:H7K2Q');
    // The sample KomUt's two milestones not reached, a week before and the day after each.
    expect(jobs.filter((id) => id.startsWith('project-milestone-remind:komut:'))).toHaveLength(4);
  });

  it('the second start reads neither projects nor inquiries and asks for no reminder job', async () => {
    const before = await reminderJobs();
    const second = await start();
    expect(second.finds.get('projects') ?? 0).toBe(0);
    expect(second.finds.get('networkInquiries') ?? 0).toBe(0);
    expect(second.reminderCreates).toBe(0);
    expect(await reminderJobs()).toEqual(before);
  });

  it('two instances starting at once on a fresh store: one marker, no reminder twice', async () => {
    const fresh = temporaryLocalConfig({ prefix: 'samrad-backfill-pair-' });
    const open = () => new SqliteStore(fresh.databaseFile);
    const pair = await Promise.all(
      [open(), open()].map((store) =>
        composeSamrad(fresh, { log: createLogger('error', () => {}), clock, store }).then((s) => {
          running.push(s);
          return s;
        }),
      ),
    );
    await Promise.all(pair.map((s) => s.listen()));
    const markers = await pair[0]!.store.find('backfills');
    expect(markers.map((m) => m.id)).toEqual([expect.stringMatching(/^business-reminders:/)]);
    const jobs = (await pair[0]!.store.find('jobs')).map((j) => j.id).filter((id) => REMINDER_JOBS.test(id));
    expect(jobs).toHaveLength(new Set(jobs).size);
    expect(jobs.filter((id) => id.startsWith('project-milestone-remind:komut:'))).toHaveLength(4);
  });
});
