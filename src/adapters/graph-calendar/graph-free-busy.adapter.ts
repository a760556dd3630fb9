import type { Client } from '@microsoft/microsoft-graph-client';
import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import type { Availability, FreeBusy, TimeInterval } from '../../ports/free-busy';
import { FreeBusyError } from '../../ports/free-busy';
import { instantFromGraph } from './graph-event-mapping';

/**
 * getSchedule's documented limits for one call: 20 addresses (the service lets more through,
 * but the documentation promises 20) and a window shorter than 62 days, so 61 days a call.
 */
export const SCHEDULES_PER_CALL = 20;
const WINDOW_PER_CALL_MS = 61 * 24 * 3600_000;
/** Statuses that keep a person from a meeting; free and working elsewhere do not. */
const BUSY = new Set(['busy', 'tentative', 'oof']);

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

/**
 * Free/busy from the tenant's mailboxes through `POST /users/{organiser}/calendar/getSchedule`
 * (`findMeetingTimes` is delegated-only, so an app cannot use it). Asked in UTC and answered
 * in UTC (`Prefer: outlook.timezone="UTC"`); split into calls of at most 20 people and 61 days.
 * Someone Graph cannot read (a guest whose mailbox is in another tenant) comes back unknown.
 */
export class GraphFreeBusy implements FreeBusy {
  private readonly path: string;

  constructor(private readonly options: { readonly client: Client; readonly organiser: string }) {
    this.path = `/users/${encodeURIComponent(options.organiser)}/calendar/getSchedule`;
  }

  async busy(emails: readonly string[], window: TimeInterval): Promise<Availability[]> {
    const answers = new Map(emails.map((e) => [e.toLowerCase(), { known: true, busy: [] as TimeInterval[] }]));
    const [from, to] = [Date.parse(window.start), Date.parse(window.end)];
    const calls: Promise<void>[] = [];
    for (let start = from; start < to; start += WINDOW_PER_CALL_MS) {
      const end = Math.min(to, start + WINDOW_PER_CALL_MS);
      for (const people of chunks([...answers.keys()], SCHEDULES_PER_CALL)) {
        calls.push(this.schedules(people, start, end).then((infos) => this.record(answers, infos)));
      }
    }
    await Promise.all(calls);
    return emails.map((email) => ({ email, ...answers.get(email.toLowerCase())! }));
  }

  private async schedules(people: string[], start: number, end: number): Promise<ScheduleInformation[]> {
    try {
      const answer = (await this.options.client
        .api(this.path)
        .header('Prefer', 'outlook.timezone="UTC"')
        .post({ schedules: people, startTime: utc(start), endTime: utc(end), availabilityViewInterval: 30 })) as {
        value?: ScheduleInformation[];
      };
      return answer.value ?? [];
    } catch (e) {
      throw new FreeBusyError({ cause: e, detail: 'getSchedule failed' });
    }
  }

  private record(answers: Map<string, { known: boolean; busy: TimeInterval[] }>, infos: ScheduleInformation[]): void {
    for (const info of infos) {
      const answer = answers.get((info.scheduleId ?? '').toLowerCase());
      if (!answer) continue;
      if (info.error) {
        answer.known = false;
        continue;
      }
      for (const item of info.scheduleItems ?? []) {
        const start = instantFromGraph(item.start);
        const end = instantFromGraph(item.end);
        if (start && end && BUSY.has((item.status ?? 'busy').toLowerCase())) answer.busy.push({ start, end });
      }
    }
  }
}
