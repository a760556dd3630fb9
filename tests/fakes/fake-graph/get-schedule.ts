import type { FakeGraphRequest, FakeGraphResponse } from './route';
import { dateTimeIn, instantOf, preferredZone } from './graph-times';

export interface BusyItem {
  readonly start: number;
  readonly end: number;
  readonly status: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
}

/**
 * getSchedule's documented limits for one call (outlook-get-free-busy-schedule.md): at most 20
 * schedules (the service itself lets 100 through; the fake holds the documented figure) and a
 * window under 62 days.
 */
export const MAX_SCHEDULES = 20;
export const MAX_WINDOW_MS = 62 * 24 * 3600_000;

/** availabilityView digits: working elsewhere shows as free (0) for backward compatibility. */
const digit: Record<BusyItem['status'], number> = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 };

const invalid = (message: string): FakeGraphResponse => ({
  status: 400,
  body: { error: { code: 'ErrorInvalidParameter', message } },
});

/**
 * `POST /users/{id}/calendar/getSchedule` as documented: one scheduleInformation per address
 * asked, in order; times in UTC unless `Prefer: outlook.timezone` names a zone; a mailbox the
 * tenant does not hold gets an `error` instead of items (as for people in other tenants).
 */
export function getSchedule(
  request: FakeGraphRequest,
  busyOf: (address: string) => BusyItem[] | undefined,
): FakeGraphResponse {
  const body = request.body as Record<string, unknown> | undefined;
  const schedules = body?.schedules;
  const start = instantOf(body?.startTime);
  const end = instantOf(body?.endTime);
  const interval = body?.availabilityViewInterval === undefined ? 30 : Number(body.availabilityViewInterval);
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string'))
    return invalid('schedules is required.');
  if (schedules.length > MAX_SCHEDULES) return invalid(`At most ${MAX_SCHEDULES} schedules can be requested at once.`);
  if (start === undefined || end === undefined || end <= start)
    return invalid('startTime and endTime need a dateTime and a supported timeZone, end after start.');
  if (end - start >= MAX_WINDOW_MS) return invalid('The requested time window must be shorter than 62 days.');
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440)
    return invalid('availabilityViewInterval must be between 5 and 1440.');
  const zone = preferredZone(request.headers.prefer);
  const slotMs = interval * 60_000;
  const value = schedules.map((scheduleId) => {
    const items = busyOf(scheduleId);
    if (!items) {
      return {
        scheduleId,
        availabilityView: '',
        scheduleItems: [],
        error: { message: `Mailbox ${scheduleId} is not in this organisation.`, responseCode: 'ErrorMailboxNotFound' },
      };
    }
    const inWindow = items.filter((i) => i.start < end && start < i.end).sort((a, b) => a.start - b.start);
    let view = '';
    for (let t = start; t < end; t += slotMs) {
      view += String(
        Math.max(0, ...inWindow.filter((i) => i.start < t + slotMs && t < i.end).map((i) => digit[i.status])),
      );
    }
    return {
      scheduleId,
      availabilityView: view,
      scheduleItems: inWindow.map((i) => ({
        isPrivate: false,
        status: i.status,
        start: dateTimeIn(i.start, zone),
        end: dateTimeIn(i.end, zone),
      })),
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '16:00:00.0000000',
        timeZone: { name: 'W. Europe Standard Time' },
      },
    };
  });
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
      value,
    },
  };
}
