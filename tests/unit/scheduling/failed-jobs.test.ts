import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import { describeJob } from '../../../src/app/scheduling/describe-job';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, failedWith, newJob } from '../../../src/app/scheduling/job';
import { jobErrorCause } from '../../../src/app/scheduling/job-errors';
import { findJobByRef, jobRef } from '../../../src/app/scheduling/job-ref';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { Catalogue } from '../../../src/i18n/catalogue';
import { ManualClock, t0 } from './scheduling-fixtures';

const parsed = parseOrganisation(
  readFileSync(join(__dirname, '..', '..', '..', 'config', 'organisation.yaml'), 'utf8'),
);
if (!parsed.ok) throw new Error('sample organisation does not load');
const org = parsed.value;
const catalogue = Catalogue.load();
const nb = catalogue.for('nb');
const en = catalogue.for('en');

const job = (id: string, kind: string, payload: unknown = {}): Job => newJob({ id, kind, dueAt: t0, payload }, t0);
const message = (id: string) =>
  job(id, 'outbox.message', { conversationId: 'a:personal', message: { kind: 'text', text: 'x' } });

describe('a failed job in words', () => {
  it('names what a message was and whom it was for, from its id and the organisation', () => {
    expect(describeJob(message('input.send:M4TQ2:2026-11-20T08:00:00.000Z:3324:marit-kvam'), org, nb)).toBe(
      'innspillskort for møte M4TQ2 til Marit Kvam (Gol)',
    );
    expect(describeJob(message('vote-remind:K7P3Q:marit-kvam:2026-11-20T08:00'), org, nb)).toBe(
      'påminnelse om avstemning K7P3Q til Marit Kvam',
    );
    expect(describeJob(message('vote-remind:K7P3Q:marit-kvam:2026-11-20T08:00'), org, en)).toBe(
      'reminder of vote K7P3Q to Marit Kvam',
    );
    expect(describeJob(message('hearing-card:H2Q9R:3324:marit-kvam'), org, nb)).toBe(
      'høringskort for høring H2Q9R til Marit Kvam (Gol)',
    );
    // An absence notice names the absent member first, its recipient last.
    expect(describeJob(message('absence:M4TQ2:marit-kvam:coordinator:ingrid-haugen'), org, nb)).toBe(
      'melding om forfall i møte M4TQ2 til Ingrid Haugen',
    );
    expect(describeJob(message('notice:M4TQ2'), org, nb)).toBe('kunngjøring av møte M4TQ2 i kanalen');
    expect(describeJob(message('project-milestone-message:komut:2027-03-31-x1:week:ingrid-haugen'), org, nb)).toBe(
      'påminnelse om milepæl i prosjekt komut til Ingrid Haugen',
    );
    expect(describeJob(message('network-inquiry-message:H7K2Q:ingrid-haugen'), org, en)).toBe(
      'reminder of inquiry H7K2Q to Ingrid Haugen',
    );
    expect(describeJob(message('test:1:0'), org, en)).toBe('message');
  });

  it('names other work by its kind and subject, and an unknown kind by its name', () => {
    expect(describeJob(job('vote-close:K7P3Q', 'vote.close-at-deadline', { voteId: 'K7P3Q' }), org, nb)).toBe(
      'lukking av avstemning K7P3Q ved fristen',
    );
    expect(
      describeJob(
        job('meeting-announce:M4TQ2:3:moved', 'meeting.announce', { meetingId: 'M4TQ2', reason: 'moved' }),
        org,
        en,
      ),
    ).toBe('update of meeting M4TQ2 (calendar, invitations and notice)');
    expect(
      describeJob(
        job('hearing-remind:H2Q9R:2026-11-20T08:00:00.000Z', 'hearing.remind', { hearingId: 'H2Q9R' }),
        org,
        nb,
      ),
    ).toBe('påminnelser om høring H2Q9R');
    expect(
      describeJob(job('network-inquiry-remind:H7K2Q', 'network.inquiry-remind', { inquiryId: 'H7K2Q' }), org, nb),
    ).toBe('påminnelse om henvendelse H7K2Q');
    expect(describeJob(job('x:1', 'something.new'), org, nb)).toBe('jobb av typen something.new');
  });

  it('reads the cause from the last error, and every cause has words in both languages', () => {
    expect(jobErrorCause('blocked or uninstalled (403)')).toBe('blocked');
    expect(jobErrorCause('the bot is not installed in that conversation')).toBe('not-installed');
    expect(jobErrorCause('conversation not found (404)')).toBe('conversation-gone');
    expect(jobErrorCause('MessageSizeTooBig (413)')).toBe('too-big');
    expect(jobErrorCause('lease expired in attempt 5: the runner stopped or overran its lease')).toBe('lease-expired');
    expect(jobErrorCause('Request failed with status 429')).toBe('throttled');
    expect(jobErrorCause('STORE.UNAVAILABLE jobs/x')).toBe('store');
    // The store's refusal of a record too large for it is its own cause, not Teams' 413 nor a store outage.
    expect(
      jobErrorCause(
        'STORE.TOO_LARGE ballotBoxes/b1: Graph answered 400 invalidRequest: too long (Value holds 70012 characters; the column takes 63999)',
      ),
    ).toBe('too-large-record');
    expect(nb.t('jobs.error.too-large-record')).toContain('for stor for lagringen');
    expect(jobErrorCause('fetch failed')).toBe('network');
    expect(jobErrorCause('Bad Gateway 502')).toBe('service');
    expect(jobErrorCause('TypeError: x is not a function')).toBe('unknown');
    expect(jobErrorCause(undefined)).toBe('unknown');
    // A payload that no longer fits is named as such, even when the issues it lists read like another cause.
    expect(jobErrorCause('JOB.PAYLOAD_INVALID outbox.message: message.text: String too large (413 characters)')).toBe(
      'payload-invalid',
    );
    expect(jobErrorCause('the text mentions JOB.PAYLOAD_INVALID later')).toBe('unknown');
    expect(nb.t('jobs.error.payload-invalid')).toContain('passer ikke lenger');
    expect(en.t('jobs.error.payload-invalid')).toContain('no longer fits');
    for (const cause of [
      'payload-invalid',
      'lease-expired',
      'blocked',
      'not-installed',
      'conversation-gone',
      'too-big',
      'too-large-record',
      'cannot-render',
      'no-conversation',
      'throttled',
      'locked',
      'store',
      'network',
      'service',
      'unknown',
    ])
      for (const t of [nb, en]) expect(t.has(`jobs.error.${cause}`), `${t.locale} ${cause}`).toBe(true);
  });
});

describe('short ids and the coordinator retry', () => {
  it('a short id is six typeable characters, the same for the same job', () => {
    const ref = jobRef('hearing-card:H2Q9R:3324:marit-kvam');
    expect(ref).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(jobRef('hearing-card:H2Q9R:3324:marit-kvam')).toBe(ref);
    const refs = new Set(Array.from({ length: 500 }, (_, i) => jobRef(`card:hearing-7:${i}`)));
    expect(refs.size).toBe(500);
  });

  it('retry puts a failed job back due now with fresh attempts; again changes nothing; done is refused', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const scheduler = new JobScheduler(store, clock);
    const failed = failedWith(
      { ...job('vote-close:K7P3Q', 'vote.close-at-deadline'), attempts: 5 },
      'fetch failed',
      t0,
    );
    await store.create(JOBS, failed.id, failed);
    clock.advance(60_000);

    const found = await findJobByRef(scheduler, jobRef(failed.id).toLowerCase());
    expect(found.map((j) => j.id)).toEqual([failed.id]);
    const first = await scheduler.retry(failed.id);
    expect(first.ok && first.value).toMatchObject({
      state: 'pending',
      attempts: 0,
      dueAt: clock.now().toISOString(),
      retriedAt: clock.now().toISOString(),
    });

    clock.advance(60_000);
    const again = await scheduler.retry(failed.id);
    expect(again.ok && again.value.dueAt).toBe(new Date(t0.getTime() + 60_000).toISOString());
    // Found again by its short id while it waits, so a second `prøv igjen` can say so.
    expect((await findJobByRef(scheduler, jobRef(failed.id))).map((j) => j.state)).toEqual(['pending']);

    const done = { ...job('done-one', 'x'), state: 'done' as const };
    await store.create(JOBS, done.id, done);
    expect(await scheduler.retry('done-one')).toMatchObject({ ok: false, error: { code: 'JOB.FINISHED' } });
    expect(await scheduler.retry('missing')).toMatchObject({ ok: false, error: { code: 'JOB.NOT_FOUND' } });
    expect(await findJobByRef(scheduler, 'ZZZZZZ')).toEqual([]);
  });
});
