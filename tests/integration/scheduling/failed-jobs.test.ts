import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text } from '../../../src/app/reply';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS, failedWith, newJob } from '../../../src/app/scheduling/job';
import { jobRef } from '../../../src/app/scheduling/job-ref';
import { formatDateTime } from '../../../src/i18n/dates';
import { message, people, type Person } from '../../fixtures/activities';
import { startBot, type BotUnderTest } from '../../fixtures/bot-under-test';
import { chatWith } from '../../fixtures/chat';
import { waitForJobs } from '../../fixtures/proactive-fixtures';

let bot: BotUnderTest;
const coordinatorChat = `a:personal-${people.coordinator.id}`;
const failedAt = new Date('2026-11-20T08:30:00.000Z'); // 09.30 in Oslo

/** A job that used up its attempts, written as the runner leaves it. */
async function failed(id: string, kind: string, payload: unknown, error: string, attempts = 5): Promise<Job> {
  const job = failedWith({ ...newJob({ id, kind, dueAt: failedAt, payload }, failedAt), attempts }, error, failedAt);
  await bot.samrad.store.create(JOBS, id, job);
  return job;
}

/** The failed jobs as stored, most recent first (the order `feilede jobber` shows). */
const failedNow = async () =>
  (await bot.samrad.store.find<Job>(JOBS))
    .map((r) => r.value)
    .filter((j) => j.state === 'failed')
    .sort((a, b) => (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt));

const chat = chatWith(() => bot);
/** What the coordinator reads in answer: the words of the messages sent. */
const say = async (who: Person, words: string, locale = 'nb-NO') => {
  await chat.say(who, words, { kind: 'personal', locale });
  return bot.connector.texts().join('\n');
};

beforeAll(async () => {
  bot = await startBot();
  await bot.post(message(bot.connector.url, people.coordinator, 'hjelp')); // her chat is remembered
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('failed jobs: the coordinator sees them in words and retries one', () => {
  it('lists none, then each failed job with its short id, what it was, when (Oslo) and why in words', async () => {
    expect(await say(people.coordinator, 'feilede jobber')).toContain('Ingen feilede jobber');
    const card = await failed(
      'input.send:M4TQ2:2026-11-20T07:00:00.000Z:3324:marit-kvam',
      'outbox.message',
      { conversationId: 'a:personal-29:marit', message: text('Innspill') },
      'blocked or uninstalled (403)',
      1,
    );
    const close = await failed(
      'vote-close:K7P3Q',
      'vote.close-at-deadline',
      { voteId: 'K7P3Q' },
      'connect ECONNREFUSED 10.1.2.3:443',
    );

    const nb = await say(people.coordinator, 'feilede jobber');
    expect(nb).toContain('2 jobber har feilet');
    expect(nb).toContain(
      `${jobRef(card.id)}: innspillskort for møte M4TQ2 til Marit Kvam (Gol). Feilet ${formatDateTime(failedAt, 'nb')} etter ett forsøk: Teams svarte at boten er blokkert`,
    );
    expect(nb).toContain(
      `${jobRef(close.id)}: lukking av avstemning K7P3Q ved fristen. Feilet ${formatDateTime(failedAt, 'nb')} etter 5 forsøk: forbindelsen til Microsoft brøt`,
    );
    expect(formatDateTime(failedAt, 'nb')).toContain('09.30');
    expect(nb).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|blocked or uninstalled/);

    const en = await say(people.coordinator, 'failed jobs', 'en-US');
    expect(en).toContain('2 jobs have failed');
    expect(en).toContain('closing vote K7P3Q at its deadline');
  });

  it('refuses everyone but the coordinator, naming no job', async () => {
    const reply = await say(people.boardMember, 'feilede jobber');
    expect(reply).not.toContain('innspillskort');
    expect(reply).not.toContain('K7P3Q');
    expect(reply).toContain('«feilede jobber» hører ikke til rollen din');
    const retry = await say(people.boardMember, `prøv igjen ${jobRef('vote-close:K7P3Q')}`);
    expect(retry).toContain('«prøv igjen» hører ikke til rollen din');
    expect((await bot.samrad.store.get<Job>(JOBS, 'vote-close:K7P3Q'))?.value.state).toBe('failed');
  });

  it('retry queues it due now with fresh attempts; it runs and is sent; retrying again changes nothing', async () => {
    const job = await failed(
      'absence:M4TQ2:marit-kvam:coordinator:ingrid-haugen',
      'outbox.message',
      { conversationId: coordinatorChat, message: text('Marit Kvam har meldt forfall') },
      'Request failed with status 502',
    );
    const ref = jobRef(job.id);
    expect(await say(people.coordinator, `prøv igjen ${ref.toLowerCase()}`)).toContain(
      `Satt i kø igjen: melding om forfall i møte M4TQ2 til Ingrid Haugen (${ref})`,
    );
    const queued = (await bot.samrad.store.get<Job>(JOBS, job.id))!.value;
    expect(queued).toMatchObject({ state: 'pending', attempts: 0 });
    expect(Date.parse(queued.dueAt)).toBeLessThanOrEqual(Date.now());

    bot.connector.clear();
    bot.samrad.jobs.wake();
    expect((await waitForJobs(bot.samrad.store, [job.id], 10_000)).get(job.id)).toMatchObject({
      state: 'done',
      attempts: 1,
    });
    expect(bot.connector.texts().filter((t) => t === 'Marit Kvam har meldt forfall')).toHaveLength(1);

    expect(await say(people.coordinator, `prøv igjen ${job.id}`)).toContain('er allerede gjort');
    expect(bot.connector.texts().filter((t) => t === 'Marit Kvam har meldt forfall')).toHaveLength(0);
  }, 20_000);

  it('a second retry while it waits says so; no id or an unknown one gets a clear answer', async () => {
    const job = await failed(
      'vote-remind:K7P3Q:marit-kvam:0830',
      'outbox.message',
      { conversationId: 'a:personal-nobody', message: text('x') },
      'fetch failed',
    );
    const ref = jobRef(job.id);
    await bot.samrad.jobs.stop(); // keep it waiting
    expect(await say(people.coordinator, `prøv igjen ${ref}`)).toContain('Satt i kø igjen');
    const first = (await bot.samrad.store.get<Job>(JOBS, job.id))!.value;
    expect(await say(people.coordinator, `retry ${ref}`, 'en-US')).toContain(
      'Already queued again: reminder of vote K7P3Q to Marit Kvam',
    );
    expect((await bot.samrad.store.get<Job>(JOBS, job.id))!.value.dueAt).toBe(first.dueAt);
    expect(await say(people.coordinator, 'prøv igjen QQQQQQ')).toContain('Fant ingen feilet jobb med id QQQQQQ');
    bot.samrad.jobs.start();
  });

  it('a job whose stored payload no longer fits is named as such, in nb and en, not as an unknown cause', async () => {
    const job = await failed(
      'vote-close:Q9W4E',
      'vote.close-at-deadline',
      { voteId: 42 },
      'JOB.PAYLOAD_INVALID vote.close-at-deadline: voteId: Invalid input: expected string, received number',
      1,
    );
    const nb = await say(people.coordinator, 'feilede jobber');
    expect(nb).toContain(
      `${jobRef(job.id)}: lukking av avstemning Q9W4E ved fristen. Feilet ${formatDateTime(failedAt, 'nb')} etter ett forsøk: det som er lagret om jobben, passer ikke lenger til jobbtypen`,
    );
    expect(nb).not.toContain('JOB.PAYLOAD_INVALID');
    const en = await say(people.coordinator, 'failed jobs', 'en-US');
    expect(en).toContain('what is stored for the job no longer fits its kind');
    expect(en).not.toContain('an unexpected error');
  });

  it('prøv igjen without an id offers the failed jobs as buttons, and takes the only one without asking', async () => {
    await bot.samrad.jobs.stop(); // keep retried jobs waiting
    const listed = (await failedNow()).map((j) => j.id);
    expect(listed.length).toBeGreaterThan(1);
    await say(people.coordinator, 'prøv igjen');
    const card = JSON.stringify(bot.connector.cards());
    expect(card).toContain('Hvilken jobb vil du prøve igjen?');
    for (const id of listed) expect(card).toContain(`"value":"prøv igjen ${jobRef(id)}"`);
    expect((await failedNow()).length).toBe(listed.length); // asking retried nothing
    await say(people.coordinator, 'retry', 'en-US');
    expect(JSON.stringify(bot.connector.cards())).toContain(`"value":"retry ${jobRef(listed[0]!)}"`);

    for (const id of listed.slice(1)) await say(people.coordinator, `prøv igjen ${jobRef(id)}`);
    expect(await say(people.coordinator, 'prøv igjen')).toContain('Satt i kø igjen');
    expect(await failedNow()).toEqual([]);
    expect(await say(people.coordinator, 'retry', 'en-US')).toContain('No failed jobs');
    bot.samrad.jobs.start();
  });
});
