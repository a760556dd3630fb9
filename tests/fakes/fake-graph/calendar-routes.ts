import type { FakeGraphRequest, FakeGraphResponse, FakeGraphRoutes } from './route';
import { instantOf } from './graph-times';
import { getSchedule, type BusyItem } from './get-schedule';

/** What the fake holds of an event: Graph's own JSON, as Graph answers it. */
type GraphEvent = Record<string, unknown> & { id: string; attendees: GraphAttendee[] };
interface GraphAttendee {
  readonly emailAddress: { readonly address: string; readonly name?: string };
  readonly type: string;
}

/** A message Exchange would have sent to attendees: an invitation, an update or a cancellation. */
export interface SentNotice {
  readonly kind: 'request' | 'update' | 'cancel';
  readonly eventId: string;
  readonly to: readonly string[];
  readonly comment?: string;
}

const graphError = (status: number, code: string, message: string): FakeGraphResponse => ({
  status,
  body: { error: { code, message } },
});
const notFound = () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const invalid = (message: string) => graphError(400, 'ErrorInvalidRequest', message);
const addressesOf = (e: GraphEvent) => e.attendees.map((a) => a.emailAddress.address.toLowerCase());
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface FakeCalendarOptions {
  /**
   * False when the organiser mailbox cannot host Teams meetings (no Teams licence, or Teams
   * meetings turned off for it): Graph still creates the event with 201, but answers
   * `isOnlineMeeting: false` and no `onlineMeeting.joinUrl` (microsoft-graph-docs#9741).
   */
  readonly teamsMeetings?: boolean;
}

/**
 * The calendar part of a fake Microsoft Graph, as documented: events in a user's mailbox
 * (create deduplicated by `transactionId`, get, patch), `/cancel` (the event moves to Deleted
 * Items and attendees get the comment), and `calendar/getSchedule`. Transport-free: an
 * in-process middleware or an HTTP server calls `handle`.
 */
export class FakeGraphCalendar implements FakeGraphRoutes {
  /** Per mailbox (lower case), its calendar's events by id. */
  private readonly calendars = new Map<string, Map<string, GraphEvent>>();
  /** Cancelled events: moved to Deleted Items, out of reach of `/events/{id}`. */
  readonly deletedItems = new Map<string, GraphEvent>();
  private readonly busy = new Map<string, BusyItem[]>();
  readonly notices: SentNotice[] = [];
  private next = 1;

  constructor(private readonly options: FakeCalendarOptions = {}) {}

  private get hostsTeams(): boolean {
    return this.options.teamsMeetings !== false;
  }

  /** A mailbox in the tenant: getSchedule can read it. */
  mailbox(address: string): Map<string, GraphEvent> {
    const key = address.toLowerCase();
    if (!this.calendars.has(key)) this.calendars.set(key, new Map());
    return this.calendars.get(key)!;
  }

  /** Something in a person's calendar that Samråd did not put there. */
  seedBusy(address: string, item: { start: string; end: string; status?: BusyItem['status'] }): void {
    this.mailbox(address);
    const busy = { start: Date.parse(item.start), end: Date.parse(item.end), status: item.status ?? 'busy' };
    this.busy.set(address.toLowerCase(), [...(this.busy.get(address.toLowerCase()) ?? []), busy]);
  }

  events(address: string): GraphEvent[] {
    return [...this.mailbox(address).values()];
  }

  handle(request: FakeGraphRequest): FakeGraphResponse | undefined {
    const m = /^\/users\/([^/]+)\/(events|calendar\/getSchedule)(?:\/([^/]+))?(?:\/(cancel))?$/i.exec(request.path);
    if (!m) return undefined;
    const user = decodeURIComponent(m[1]!);
    const [what, id, action] = [m[2]!, m[3] && decodeURIComponent(m[3]), m[4]];
    if (what.toLowerCase() === 'calendar/getschedule') {
      return request.method === 'POST' && !id ? getSchedule(request, (a) => this.busyOf(a)) : undefined;
    }
    if (!id) return request.method === 'POST' ? this.create(user, request.body) : undefined;
    if (action) return request.method === 'POST' ? this.cancel(user, id, request.body) : undefined;
    if (request.method === 'GET') return this.read(user, id);
    if (request.method === 'PATCH') return this.patch(user, id, request.body);
    return undefined;
  }

  private create(user: string, body: unknown): FakeGraphResponse {
    if (!isRecord(body)) return invalid('Empty Payload. JSON content expected.');
    const problem = this.problemWith(body);
    if (problem) return invalid(problem);
    const calendar = this.mailbox(user);
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    // A retried POST with the same transactionId is the same request: no second event, no second invitation.
    const earlier = transactionId
      ? [...calendar.values(), ...this.deletedItems.values()].find((e) => e.transactionId === transactionId)
      : undefined;
    if (earlier) return { status: 201, body: earlier };
    const id = `AAMkAGI2TG93AAA${this.next++}=`;
    const stamp = new Date().toISOString();
    const event: GraphEvent = {
      ...body,
      id,
      attendees: (body.attendees as GraphAttendee[] | undefined) ?? [],
      iCalUId: `040000008200E00074C5B7101A82E008${id}`,
      changeKey: `ck${this.next}`,
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      isCancelled: false,
      isOrganizer: true,
      organizer: { emailAddress: { address: user } },
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      isOnlineMeeting: body.isOnlineMeeting === true && this.hostsTeams,
      onlineMeeting:
        body.isOnlineMeeting === true && this.hostsTeams
          ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${this.next}%40thread.v2/0` }
          : null,
    };
    calendar.set(id, event);
    this.notices.push({ kind: 'request', eventId: id, to: addressesOf(event) });
    return { status: 201, body: event };
  }

  private read(user: string, id: string): FakeGraphResponse {
    const event = this.mailbox(user).get(id);
    return event ? { status: 200, body: event } : notFound();
  }

  private patch(user: string, id: string, body: unknown): FakeGraphResponse {
    const calendar = this.mailbox(user);
    const event = calendar.get(id);
    if (!event) return notFound();
    if (!isRecord(body)) return invalid('Empty Payload. JSON content expected.');
    if ('transactionId' in body && body.transactionId !== event.transactionId)
      return invalid('transactionId cannot be changed.');
    const merged = { ...event, ...body } as GraphEvent;
    const problem = this.problemWith(merged);
    if (problem) return invalid(problem);
    // Once a meeting is online it stays online; Outlook ignores isOnlineMeeting: false.
    const online = (event.isOnlineMeeting === true || body.isOnlineMeeting === true) && this.hostsTeams;
    const updated: GraphEvent = {
      ...merged,
      isOnlineMeeting: online,
      onlineMeeting: online
        ? (event.onlineMeeting ?? {
            joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_p${this.next++}%40thread.v2/0`,
          })
        : null,
      lastModifiedDateTime: new Date().toISOString(),
    };
    calendar.set(id, updated);
    const now = new Set(addressesOf(updated));
    const removed = addressesOf(event).filter((a) => !now.has(a));
    if (removed.length > 0) this.notices.push({ kind: 'cancel', eventId: id, to: removed });
    this.notices.push({ kind: 'update', eventId: id, to: [...now] });
    return { status: 200, body: updated };
  }

  private cancel(user: string, id: string, body: unknown): FakeGraphResponse {
    const calendar = this.mailbox(user);
    const event = calendar.get(id);
    if (!event) return notFound();
    const comment = isRecord(body) ? (body.comment ?? body.Comment) : undefined;
    if (comment !== undefined && typeof comment !== 'string') return invalid('comment must be a string.');
    calendar.delete(id);
    this.deletedItems.set(id, { ...event, isCancelled: true });
    this.notices.push({ kind: 'cancel', eventId: id, to: addressesOf(event), ...(comment ? { comment } : {}) });
    return { status: 202 };
  }

  private problemWith(e: Record<string, unknown>): string | undefined {
    const start = instantOf(e.start);
    const end = instantOf(e.end);
    if (start === undefined || end === undefined) return 'start and end need a dateTime and a supported timeZone.';
    if (end <= start) return 'The end of the event must be after its start.';
    if (
      e.isOnlineMeeting === true &&
      e.onlineMeetingProvider !== undefined &&
      e.onlineMeetingProvider !== 'teamsForBusiness'
    ) {
      return 'This mailbox offers only teamsForBusiness online meetings.';
    }
    const attendees = (e.attendees ?? []) as unknown[];
    const ok =
      Array.isArray(attendees) &&
      attendees.every(
        (a) =>
          isRecord(a) &&
          isRecord(a.emailAddress) &&
          typeof a.emailAddress.address === 'string' &&
          ['required', 'optional', 'resource'].includes(String(a.type)),
      );
    return ok ? undefined : 'attendees need emailAddress.address and type required, optional or resource.';
  }

  /** A mailbox's busy times: what was seeded, and the meetings it organises or is invited to. */
  private busyOf(address: string): BusyItem[] | undefined {
    const key = address.toLowerCase();
    if (!this.calendars.has(key)) return undefined;
    const meetings = [...this.calendars.values()]
      .flatMap((c) => [...c.values()])
      .filter(
        (e) =>
          (e.organizer as { emailAddress: { address: string } }).emailAddress.address.toLowerCase() === key ||
          addressesOf(e).includes(key),
      )
      .map((e) => ({
        start: instantOf(e.start)!,
        end: instantOf(e.end)!,
        status: (e.showAs as BusyItem['status'] | undefined) ?? 'busy',
      }));
    return [...(this.busy.get(key) ?? []), ...meetings];
  }
}
