/**
 * The secretariat's dashboard (issue 11): its first view on the embedded SQLite store after a
 * year of work. A year is seeded through the bot's own buttons and commands with the clock moved
 * month by month (2026): two meetings a month (the board and OSU) with four cases each and input
 * asked for, every municipality answering; a hearing a month, every municipality responding,
 * then closed;
 * then in December two coming meetings and an open hearing, half answered. The first view is
 * `GET /tab/api/dashboard` with no eTag, as the tab sends it when opened; then the same again
 * (what a reload costs) and the 304 a poll gets while nothing changed. Timed here, never in a test.
 *
 *   npx tsx bench/dashboard-bench.ts     this section alone
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import type { Person } from '../tests/fixtures/activities';
import { startBot } from '../tests/fixtures/bot-under-test';
import type { BotUnderTest } from '../tests/fixtures/bot-under-test';
import { press, say } from '../tests/fixtures/tab-seed';
import { idleTimer } from '../tests/unit/scheduling/scheduling-fixtures';
import { percentile } from './stats';
import { dashboardStamp } from '../src/app/dashboard/dashboard-stamp';
import type { RecordStore } from '../src/ports/record-store';

/** The goal for the first view. */
export const FIRST_VIEW_GOAL_MS = 1000;
const REPEATS = 20;
const MONTHS = 11;
const CASES = 4;

export interface DashboardSection {
  readonly records: Record<string, number>;
  readonly seedWallS: number;
  readonly firstViewMs: number;
  readonly againP50Ms: number;
  readonly againMaxMs: number;
  readonly notModifiedP50Ms: number;
  /** The version stamp alone (what a 304 computes), called in-process: its share of the poll. */
  readonly stampP50Ms: number;
  /** Records the stamp reads on each poll, and the store calls it makes. */
  readonly stampReads: { readonly records: number; readonly calls: number };
  readonly bytes: number;
  readonly shown: { readonly meetings: number; readonly hearings: number };
}

interface Respondent {
  readonly person: Person;
  readonly municipality: string;
}

/** The sample organisation with an object id for everyone, so each respondent can press a button. */
function organisation(): { yaml: string; coordinator: Person; respondents: Respondent[] } {
  const file = parse(readFileSync(join(__dirname, '..', 'config', 'organisation.yaml'), 'utf8')) as {
    members: {
      id: string;
      name: string;
      aadObjectId?: string;
      coordinator?: boolean;
      respondentFor?: { municipality: string; role: string }[];
    }[];
  };
  file.members.forEach((m, i) => {
    m.aadObjectId ??= `7b2d0000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`;
  });
  const person = (m: (typeof file.members)[number]): Person => ({
    id: `29:${m.id}`,
    name: m.name,
    aadObjectId: m.aadObjectId!,
  });
  const coordinator = file.members.find((m) => m.coordinator)!;
  const seen = new Set<string>();
  const respondents = file.members.flatMap((m) =>
    (m.respondentFor ?? [])
      .filter((r) => r.role === 'respondent' && !seen.has(r.municipality) && seen.add(r.municipality))
      .map((r) => ({ person: person(m), municipality: r.municipality })),
  );
  return { yaml: stringify(file), coordinator: person(coordinator), respondents };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function seedYear(bot: BotUnderTest, setNow: (iso: string) => void, org: ReturnType<typeof organisation>) {
  const c = org.coordinator;
  const store = bot.samrad.store;
  const planned = async (title: string) =>
    (await store.find<{ title: string; version: number }>('meetings', { state: 'planned' })).find(
      (m) => m.value.title === title,
    )!;
  const meeting = async (body: string, title: string, day: string, answering: readonly Respondent[]) => {
    await press(bot, c, 'meeting.create', {
      body,
      title,
      date: day,
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    const id = (await planned(title)).id;
    for (let n = 1; n <= CASES; n++)
      await press(bot, c, 'agenda.add', { meetingId: id, title: `${title}: sak ${n}`, proposal: `Vedtak i sak ${n}.` });
    await say(bot, c, `be om innspill ${id} frist ${day.slice(0, 8)}${pad(Number(day.slice(8)) - 2)} 12:00`);
    const version = (await planned(title)).value.version;
    for (const [i, r] of answering.entries()) {
      const positions = Object.fromEntries(
        Array.from({ length: CASES }, (_, n): [string, string][] => [
          [`position-${n}`, (['support', 'support-with-changes', 'against', 'no-view'] as const)[(i + n) % 4]!],
          [`text-${n}`, i % 3 === 0 ? `Kommunen mener dette om sak ${n + 1}.` : ''],
        ]).flat(),
      );
      await press(bot, r.person, 'input.submit', {
        meetingId: id,
        version,
        municipality: r.municipality,
        ...positions,
      });
    }
  };
  const hearing = async (title: string, deadline: string, answering: readonly Respondent[], close: boolean) => {
    await press(
      bot,
      c,
      'hearing.register',
      {
        title,
        issuer: 'Helsedirektoratet',
        externalDeadline: `${deadline} 12:00`,
        internalDeadline: '',
        documents: 'https://www.helsedirektoratet.no/horing.pdf',
        questions: 'Er forslaget godt nok utredet?',
        municipalities: '',
        background: 'Forslaget gir kommunene nye plikter.',
        reminders: '5, 2, 0',
      },
      { kind: 'channel' },
    );
    const h = (await store.find<{ title: string; version: number }>('hearings', { state: 'open' })).find(
      (r) => r.value.title === title,
    )!;
    for (const [i, r] of answering.entries())
      await press(bot, r.person, 'hearing.submit', {
        hearingId: h.id,
        version: h.value.version,
        municipality: r.municipality,
        position: (['agree', 'agree-with-remarks', 'disagree', 'no-comment'] as const)[i % 4],
        text: `Svar fra kommune ${r.municipality}.`,
        links: '',
        'answer-0': 'Ja, stort sett.',
      });
    // Answered by all: the coordinator closes it, as she does before compiling.
    if (close) await press(bot, c, 'hearing.close', { hearingId: h.id });
  };
  for (let month = 1; month <= MONTHS; month++) {
    setNow(`2026-${pad(month)}-01T08:00:00Z`);
    await meeting('styret', `Styremøte ${pad(month)}/2026`, `2026-${pad(month)}-20`, org.respondents);
    await meeting('osu', `OSU ${pad(month)}/2026`, `2026-${pad(month)}-22`, org.respondents);
    await hearing(`Høring ${pad(month)}/2026`, `2026-${pad(month)}-28`, org.respondents, true);
  }
  setNow('2026-12-01T08:00:00Z');
  const half = org.respondents.slice(0, Math.ceil(org.respondents.length / 2));
  await meeting('styret', 'Styremøte 12/2026', '2026-12-17', half);
  await meeting('osu', 'OSU 12/2026', '2026-12-18', half);
  await hearing('Høring 12/2026', '2026-12-21', half, false);
  setNow('2026-12-02T09:00:00Z');
}

export async function runDashboardBench(
  progress: (line: string) => void,
): Promise<{ section: DashboardSection; failures: string[] }> {
  let now = new Date('2026-01-01T08:00:00Z');
  const org = organisation();
  const bot = await startBot(
    { logLevel: 'error' },
    { clock: { now: () => new Date(now) }, timer: idleTimer, organisationYaml: org.yaml },
  );
  const failures: string[] = [];
  try {
    const origin = new URL(bot.url).origin;
    const seedStart = performance.now();
    progress(`bench: dashboard, seeding a year (${org.respondents.length} municipalities)`);
    await seedYear(bot, (iso) => (now = new Date(iso)), org);
    const seedWallS = (performance.now() - seedStart) / 1000;
    const records: Record<string, number> = {};
    for (const list of ['meetings', 'inputRequests', 'inputAnswers', 'hearings', 'hearingResponses', 'jobs'] as const)
      records[list] = (await bot.samrad.store.find(list)).length;
    const token = (
      (await (
        await fetch(`${origin}/tab-host/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ person: 'coordinator' }),
        })
      ).json()) as { token: string }
    ).token;
    const view = async (etag?: string) => {
      const started = performance.now();
      const res = await fetch(`${origin}/tab/api/dashboard`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'nb', ...(etag && { 'if-none-match': etag }) },
      });
      const body = await res.text();
      return { ms: performance.now() - started, status: res.status, body, etag: res.headers.get('etag') ?? '' };
    };
    const first = await view();
    if (first.status !== 200) failures.push(`dashboard: first view answered ${first.status}`);
    const shown = JSON.parse(first.body) as { meetings: unknown[]; hearings: unknown[] };
    if (shown.meetings.length !== 2 || shown.hearings.length !== 1)
      failures.push(
        `dashboard: showed ${shown.meetings.length} meetings and ${shown.hearings.length} hearings, not 2 and 1`,
      );
    const again: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      again.push((await view()).ms);
      const poll = await view(first.etag);
      if (poll.status !== 304) failures.push(`dashboard: a poll with the eTag answered ${poll.status}`);
      unchanged.push(poll.ms);
    }
    const stamp = await measureStamp(bot.samrad.store, bot.samrad.registry.organisation, () => new Date(now));
    if (first.ms > FIRST_VIEW_GOAL_MS) failures.push(`dashboard: first view took ${first.ms.toFixed(0)} ms`);
    const section: DashboardSection = {
      records,
      seedWallS,
      firstViewMs: first.ms,
      againP50Ms: percentile(
        [...again].sort((a, b) => a - b),
        50,
      ),
      againMaxMs: Math.max(...again),
      notModifiedP50Ms: percentile(
        [...unchanged].sort((a, b) => a - b),
        50,
      ),
      stampP50Ms: stamp.p50Ms,
      stampReads: stamp.reads,
      bytes: Buffer.byteLength(first.body),
      shown: { meetings: shown.meetings.length, hearings: shown.hearings.length },
    };
    progress(
      `bench: dashboard first view ${first.ms.toFixed(0)} ms, again p50 ${section.againP50Ms.toFixed(0)} ms, 304 p50 ${section.notModifiedP50Ms.toFixed(0)} ms`,
    );
    return { section, failures };
  } finally {
    await bot.stop();
  }
}

/** The stamp in-process on a store that counts what it hands back, so its share of a 304 is seen. */
async function measureStamp(
  store: RecordStore,
  org: Parameters<typeof dashboardStamp>[1],
  now: () => Date,
): Promise<{ p50Ms: number; reads: DashboardSection['stampReads'] }> {
  let records = 0;
  let calls = 0;
  const counting: RecordStore = {
    ...store,
    get: async (list, id) => {
      calls++;
      const r = await store.get(list, id);
      if (r) records++;
      return r as never;
    },
    find: async (list, where) => {
      calls++;
      const found = await store.find(list, where);
      records += found.length;
      return found as never;
    },
  };
  await dashboardStamp({ store: counting, clock: { now } }, org, 'nb');
  const reads = { records, calls };
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await dashboardStamp({ store, clock: { now } }, org, 'nb');
    times.push(performance.now() - started);
  }
  return {
    p50Ms: percentile(
      times.sort((a, b) => a - b),
      50,
    ),
    reads,
  };
}

const ms = (n: number) => n.toFixed(1);

/** The dashboard section of bench/results/latest.md. */
export function dashboardLines(d: DashboardSection): string[] {
  const records = Object.entries(d.records)
    .map(([list, n]) => `${n} ${list}`)
    .join(', ');
  return [
    `## The secretariat's dashboard after a year (issue 11: first view within ${FIRST_VIEW_GOAL_MS} ms)`,
    '',
    `A year (2026) seeded through the bot's own buttons and commands on the embedded SQLite store, with the clock moved month by month: two meetings a month with ${CASES} cases each and input from every municipality, a hearing a month answered by every municipality and then closed, and in December two coming meetings and an open hearing half answered (${records}; seeding took ${d.seedWallS.toFixed(0)} s). Then \`GET /tab/api/dashboard\` as the coordinator, over HTTP on loopback, token check included.`,
    '',
    '| First view (no eTag) ms | Again p50 ms | Again max ms | 304 poll p50 ms | Stamp alone p50 ms | Stamp reads (records, calls) | Body bytes | Meetings, hearings shown |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${ms(d.firstViewMs)} | ${ms(d.againP50Ms)} | ${ms(d.againMaxMs)} | ${ms(d.notModifiedP50Ms)} | ${ms(d.stampP50Ms)} | ${d.stampReads.records}, ${d.stampReads.calls} | ${d.bytes} | ${d.shown.meetings}, ${d.shown.hearings} |`,
    '',
  ];
}

if (require.main === module) {
  runDashboardBench((line) => process.stderr.write(`${line}\n`)).then(
    ({ section, failures }) => {
      process.stdout.write(`${dashboardLines(section).join('\n')}\n`);
      if (failures.length) process.stderr.write(`${failures.join('\n')}\n`);
      process.exitCode = failures.length ? 1 : 0;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
