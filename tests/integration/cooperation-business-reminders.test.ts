import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

let now = new Date('2026-12-03T10:00:00Z');
const clock = { now: () => now };
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock });
});
afterAll(async () => {
  await bot.stop();
});

const post = async (activity: object) => {
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
};
const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  await post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  return bot.connector.texts().join('\n');
};
/** Runs what is due; twice, because a reminder puts its message in the outbox for the next pass. */
const runDue = async () => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};
const sentTo = (person: Person, words: string) =>
  bot.connector.sent.filter(
    (s) => s.conversationId === `a:personal-${person.id}` && (s.activity.text ?? '').includes(words),
  );
const jobs = async (kind: string) =>
  (await bot.samrad.store.find<{ dueAt: string; state: string }>('jobs', { kind })).map((j) => ({
    id: j.id,
    ...j.value,
  }));

let answeredId = '';
let waitingId = '';

describe('reminders for milestones and inquiries, through the job runner', () => {
  it('a milestone added and an inquiry received get their reminders at 09.00 Oslo time', async () => {
    await post(installation(bot.connector.url, people.coordinator));
    await post(installation(bot.connector.url, people.respondent));
    expect(
      await say(people.coordinator, 'nytt prosjekt Legevaktsamarbeid leder Marit Kvam: Felles legevakt'),
    ).toContain('Legevaktsamarbeid');
    await say(people.coordinator, 'milepæl legevakt 15.12.2026: Avtale signert');
    await say(people.coordinator, 'milepæl legevakt 20.12.2026: Oppstart');
    const milestoneJobs = (await jobs('project.milestone-remind')).filter((j) => !j.id.includes(':komut:'));
    expect(milestoneJobs.map((j) => j.dueAt).sort()).toEqual([
      '2026-12-08T08:00:00.000Z',
      '2026-12-13T08:00:00.000Z',
      '2026-12-16T08:00:00.000Z',
      '2026-12-21T08:00:00.000Z',
    ]);
    // The sample KomUt's open milestones (from the organisation file) got theirs at start.
    expect((await jobs('project.milestone-remind')).filter((j) => j.id.includes(':komut:'))).toHaveLength(4);

    await say(people.coordinator, 'henvendelse 25.11 Assistanse Vest: Hvordan skal timelister sendes?');
    await say(people.coordinator, 'henvendelse 26.11 BPA-partner: Hvem signerer timelistene?');
    const inquiries = await bot.samrad.store.find<{ id: string; supplier: string }>('networkInquiries');
    waitingId = inquiries.find((i) => i.value.supplier === 'Assistanse Vest AS')!.id;
    answeredId = inquiries.find((i) => i.value.supplier === 'BPA-partner AS')!.id;
    expect((await jobs('network.inquiry-remind')).map((j) => j.dueAt).sort()).toEqual([
      '2026-12-09T08:00:00.000Z',
      '2026-12-10T08:00:00.000Z',
    ]);
  });

  it('a reached milestone and an answered inquiry cancel their reminders', async () => {
    expect(await say(people.coordinator, 'milepæl legevakt 2 nådd')).toContain('Oppstart');
    expect(await say(people.coordinator, `svar henvendelse ${answeredId}: Brukeren signerer.`)).toContain(answeredId);
    const cancelled = [...(await jobs('project.milestone-remind')), ...(await jobs('network.inquiry-remind'))]
      .filter((j) => j.state === 'cancelled')
      .map((j) => j.dueAt)
      .sort();
    expect(cancelled).toEqual(['2026-12-10T08:00:00.000Z', '2026-12-13T08:00:00.000Z', '2026-12-21T08:00:00.000Z']);
  });

  it('a restart schedules nothing twice', async () => {
    const before = (await bot.samrad.store.find('jobs')).length;
    await bot.restart();
    expect(await bot.samrad.store.find('jobs')).toHaveLength(before);
  });

  it('the project leader is reminded a week before, once, also when the process dies after the reminder ran', async () => {
    now = new Date('2026-12-08T08:00:30Z');
    bot.connector.clear();
    await bot.samrad.jobs.runDue(now); // the reminder has run and put its message in the outbox; then a restart
    await bot.restart();
    await runDue();
    await runDue();
    const week = sentTo(people.respondent, 'har frist om en uke');
    expect(week).toHaveLength(1);
    expect(week[0]!.activity.text).toContain(
      'milepælen «Avtale signert» i prosjektet Legevaktsamarbeid (prosjektleder Marit Kvam) har frist om en uke (15.12.2026)',
    );
    expect(sentTo(people.coordinator, 'Avtale signert')).toHaveLength(0);
  });

  it('the coordinator is reminded once of the inquiry waiting 14 days; the answered one is never brought up', async () => {
    now = new Date('2026-12-09T08:01:00Z');
    await runDue();
    await bot.restart();
    now = new Date('2026-12-10T08:01:00Z');
    await runDue();
    const waiting = sentTo(people.coordinator, `henvendelse ${waitingId}`);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.activity.text).toContain(
      'fra Assistanse Vest AS til BPA-nettverket, mottatt 25.11.2026, er ikke besvart etter 14 dager',
    );
    expect(sentTo(people.coordinator, answeredId)).toHaveLength(0);
  });

  it('overdue: the first day after, once; the milestone reached brings nothing', async () => {
    now = new Date('2026-12-16T08:01:00Z');
    await runDue();
    now = new Date('2026-12-21T08:01:00Z');
    await runDue();
    await bot.restart();
    await runDue();
    const overdue = sentTo(people.respondent, 'gikk ut 15.12.2026');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.activity.text).toContain('«Avtale signert»');
    expect(sentTo(people.respondent, 'Oppstart')).toHaveLength(0);
    expect(sentTo(people.coordinator, 'Oppstart')).toHaveLength(0);
  });

  it('a project leader who is not a member: the coordinators are reminded instead', async () => {
    // KomUt's leader, Kari Nordmann, is not in the organisation: its reminders go to the coordinators.
    const komut = (await jobs('project.milestone-remind')).find(
      (j) => j.id.includes(':komut:') && j.id.endsWith(':week'),
    )!;
    now = new Date(komut.dueAt);
    await runDue();
    expect(sentTo(people.coordinator, 'prosjektleder Kari Nordmann')).toHaveLength(1);
  });
});
