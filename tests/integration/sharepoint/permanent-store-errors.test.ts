import { afterEach, describe, expect, it } from 'vitest';
import type { JobHandler } from '../../../src/app/scheduling/execute-job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { jobErrorCause } from '../../../src/app/scheduling/job-errors';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { Catalogue } from '../../../src/i18n/catalogue';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';
import { ManualClock, idleTimer, t0 } from '../../unit/scheduling/scheduling-fixtures';
import { untypedJobs } from '../../fakes/untyped-jobs';

let fake: FakeGraph | undefined;
afterEach(async () => fake?.close());

describe('a job that meets a permanent refusal of the SharePoint store', () => {
  it('fails at its first attempt with the reason, instead of retrying for ever', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    const clock = new ManualClock();
    await new JobScheduler(store, clock).schedule({ id: 'grow', kind: 'grow', dueAt: t0, payload: {}, maxAttempts: 5 });
    const grow: JobHandler = async () => {
      // Past the 32 parts of 63,999 characters a record may take (SharePoint's column limit, 63,999).
      await store.create('ballotBoxes', 'b1', { ballots: 'x'.repeat(33 * 63_999) });
    };
    const runner = new JobRunner({
      store,
      clock,
      timer: idleTimer,
      owner: 'a',
      handlers: untypedJobs({ grow }),
      random: () => 0,
    });
    await runner.runDue();
    const [job] = await new JobScheduler(store, clock).list({ state: 'failed' });
    expect(job).toMatchObject({ id: 'grow', attempts: 1 });
    expect(job!.lastError).toMatch(/^STORE.TOO_LARGE ballotBoxes\/b1: The record is 2111\d{3} characters: 34 parts/);
    // Refused before anything was sent: no part was written, so nothing is left behind.
    expect(fake.count('POST', /\/items$/, (r) => r.status === 400)).toBe(0);
    expect(await store.find('recordParts')).toEqual([]);
    // What `feilede jobber` says of it, in words and in both languages.
    expect(jobErrorCause(job!.lastError)).toBe('too-large-record');
    expect(
      Catalogue.load()
        .for('nb')
        .t(`jobs.error.${jobErrorCause(job!.lastError)}`),
    ).toMatch(/for stor for lagringen.*hjelper ikke/);
    expect(
      Catalogue.load()
        .for('en')
        .t(`jobs.error.${jobErrorCause(job!.lastError)}`),
    ).toMatch(/too large for the store/);
  });
});
