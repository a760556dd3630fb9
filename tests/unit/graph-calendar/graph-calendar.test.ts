import { describe, expect, it } from 'vitest';
import { GraphCalendar } from '../../../src/adapters/graph-calendar/graph-calendar.adapter';
import {
  graphDateTime,
  instantFromGraph,
  transactionIdFor,
} from '../../../src/adapters/graph-calendar/graph-event-mapping';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { CalendarErrorCode } from '../../../src/ports/calendar';
import { isCalendarError } from '../../../src/ports/calendar';
import { StoreError } from '../../../src/ports/record-store';
import { sampleEvent } from '../../contract/calendar.contract';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { callCounts, inProcessGraphClient } from '../../fakes/fake-graph/in-process-client';
import type { FakeGraphRoutes } from '../../fakes/fake-graph/route';

const organiser = 'sekretariat@samhandling.example.no';
const events = `/users/${organiser}/events`;

function setup(routes: FakeGraphRoutes = new FakeGraphCalendar(), store = new MemoryStore()) {
  const { client, calls } = inProcessGraphClient(routes);
  return { calendar: new GraphCalendar({ client, organiser, store }), calls, store };
}

const codeOf = async (p: Promise<unknown>): Promise<CalendarErrorCode | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (isCalendarError(e) ? e.code : undefined),
  );

describe('the Graph calendar adapter', () => {
  it('a meeting created, moved and cancelled sends the right calls once each', async () => {
    const fake = new FakeGraphCalendar();
    const { calendar, calls } = setup(fake);
    const scheduled = await calendar.schedule(sampleEvent({ onlineMeeting: true }));
    const [graphEvent] = fake.events(organiser);
    const one = `${events}/${graphEvent!.id}`;
    await calendar.update(scheduled.id, { start: '2030-10-25T07:00:00Z', end: '2030-10-25T08:00:00Z' });
    await calendar.update(scheduled.id, { start: '2030-10-25T07:00:00Z' }); // nothing changes: no call
    await calendar.cancel(scheduled.id, 'Møtet utgår');
    await calendar.cancel(scheduled.id, 'Møtet utgår'); // already cancelled: no call
    await calendar.get(scheduled.id);
    expect(callCounts(calls)).toEqual({ [`POST ${events}`]: 1, [`PATCH ${one}`]: 1, [`POST ${one}/cancel`]: 1 });
  });

  it('creates a Teams meeting in the organiser mailbox, in Oslo time by its Windows name, with a transactionId', async () => {
    const fake = new FakeGraphCalendar();
    const { calendar } = setup(fake);
    const input = sampleEvent({ onlineMeeting: true });
    const scheduled = await calendar.schedule(input);
    const [sent] = fake.events(organiser);
    expect(sent).toMatchObject({
      subject: input.title,
      body: { contentType: 'text', content: input.body },
      start: { dateTime: '2030-10-24T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-10-24T11:00:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Rådhuset, møterom 2' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: transactionIdFor(input.idempotencyKey),
      attendees: [
        { emailAddress: { address: 'ase@grimstad.example.no', name: 'Åse Ødegård' }, type: 'required' },
        { emailAddress: { address: 'bjorn@lillesand.example.no', name: 'Bjørn Bærum' }, type: 'optional' },
      ],
    });
    expect(scheduled.joinUrl).toBe((sent!.onlineMeeting as { joinUrl: string }).joinUrl);
    expect(scheduled.webLink).toBe(sent!.webLink);
    expect(calendar.notifiesAttendees).toBe(true);
    expect(fake.notices).toEqual([
      { kind: 'request', eventId: sent!.id, to: ['ase@grimstad.example.no', 'bjorn@lillesand.example.no'] },
    ]);
  });

  it('an event Graph made without a join link (no Teams for the mailbox) says so, and keeps saying so after a move', async () => {
    const { calendar } = setup(new FakeGraphCalendar({ teamsMeetings: false }));
    const scheduled = await calendar.schedule(sampleEvent({ onlineMeeting: true }));
    expect(scheduled.joinUrl).toBeUndefined();
    expect(scheduled.joinLinkMissing).toBe(true);
    const moved = await calendar.update(scheduled.id, { start: '2030-10-25T07:00:00Z', end: '2030-10-25T08:00:00Z' });
    expect(moved.joinLinkMissing).toBe(true);
    const inPerson = await calendar.update(scheduled.id, { onlineMeeting: false });
    expect(inPerson.joinLinkMissing).toBeUndefined(); // no Teams meeting wanted: nothing missing
    const withTeams = await setup().calendar.schedule(sampleEvent({ onlineMeeting: true }));
    expect([Boolean(withTeams.joinUrl), withTeams.joinLinkMissing]).toEqual([true, undefined]);
  });

  it('a move PATCHes only start and end', async () => {
    const fake = new FakeGraphCalendar();
    const patches: unknown[] = [];
    const { calendar } = setup({ handle: (r) => (r.method === 'PATCH' && patches.push(r.body), fake.handle(r)) });
    const { id } = await calendar.schedule(sampleEvent());
    await calendar.update(id, { start: '2030-10-25T07:00:00Z', end: '2030-10-25T08:00:00Z' });
    expect(patches).toEqual([
      {
        start: { dateTime: '2030-10-25T09:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2030-10-25T10:00:00', timeZone: 'W. Europe Standard Time' },
      },
    ]);
  });

  it('a create retried after its answer was lost makes one event: the same transactionId', async () => {
    const fake = new FakeGraphCalendar();
    const store = new MemoryStore();
    let failures = 1;
    const flaky = Object.assign(Object.create(store) as MemoryStore, {
      create: async (list: string, id: string, value: unknown) => {
        if (failures-- > 0) throw new StoreError('STORE.UNAVAILABLE', list, id);
        return store.create(list, id, value);
      },
    });
    const { calendar, calls } = setup(fake, flaky);
    const input = sampleEvent();
    expect(await codeOf(calendar.schedule(input))).toBe('CALENDAR.UNAVAILABLE');
    const first = await calendar.schedule(input);
    const again = await calendar.schedule(input);
    expect(again.id).toBe(first.id);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2); // the lost one and its retry
    expect(fake.events(organiser)).toHaveLength(1);
    expect(fake.notices.filter((n) => n.kind === 'request')).toHaveLength(1);
  });

  it('a cancel tells the attendees, with the reason as comment, and the event leaves the calendar', async () => {
    const fake = new FakeGraphCalendar();
    const { calendar } = setup(fake);
    const { id } = await calendar.schedule(sampleEvent());
    const [graphEvent] = fake.events(organiser);
    const cancelled = await calendar.cancel(id, 'Møtet er flyttet');
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, cancelled: { reason: 'Møtet er flyttet' } });
    expect(fake.notices.at(-1)).toEqual({
      kind: 'cancel',
      eventId: graphEvent!.id,
      to: ['ase@grimstad.example.no', 'bjorn@lillesand.example.no'],
      comment: 'Møtet er flyttet',
    });
    expect(fake.events(organiser)).toEqual([]);
    expect(fake.deletedItems.get(graphEvent!.id)).toMatchObject({ isCancelled: true });
  });

  it('maps Graph failures to the port: 400 invalid, 404 not found, 503 unavailable', async () => {
    const fake = new FakeGraphCalendar();
    let answer: number | undefined;
    const { calendar } = setup({
      handle: (r) => (answer ? { status: answer, body: { error: { code: 'x', message: 'y' } } } : fake.handle(r)),
    });
    const { id } = await calendar.schedule(sampleEvent());
    for (const [status, code] of [
      [400, 'CALENDAR.INVALID'],
      [404, 'CALENDAR.NOT_FOUND'],
      [503, 'CALENDAR.UNAVAILABLE'],
      [429, 'CALENDAR.UNAVAILABLE'],
    ] as const) {
      answer = status;
      expect(await codeOf(calendar.update(id, { title: `Ny ${status}` }))).toBe(code);
      expect(await codeOf(calendar.schedule(sampleEvent()))).toBe(code);
    }
    answer = undefined;
    expect((await calendar.get(id)).sequence).toBe(0); // nothing recorded for a refused change
  });
});

describe('the Graph mapping', () => {
  it('derives one UUID-shaped transactionId per key', () => {
    expect(transactionIdFor('meeting:M4TQ2')).toBe(transactionIdFor('meeting:M4TQ2'));
    expect(transactionIdFor('meeting:M4TQ2')).not.toBe(transactionIdFor('pre-meeting:M4TQ2'));
    expect(transactionIdFor('møte: æøå/?#')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('writes Oslo wall-clock times, and the repeated October hour in UTC', () => {
    expect(graphDateTime('2026-01-15T09:00:00Z')).toEqual({
      dateTime: '2026-01-15T10:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(graphDateTime('2026-06-15T09:00:00Z')).toEqual({
      dateTime: '2026-06-15T11:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    // 25 October 2026: 02:30 happens at 00:30Z (summer time) and again at 01:30Z (winter time).
    expect(graphDateTime('2026-10-25T00:30:00Z')).toEqual({ dateTime: '2026-10-25T00:30:00.000', timeZone: 'UTC' });
    expect(graphDateTime('2026-10-25T01:30:00Z')).toEqual({ dateTime: '2026-10-25T01:30:00.000', timeZone: 'UTC' });
    expect(graphDateTime('2026-10-25T02:30:00Z')).toEqual({
      dateTime: '2026-10-25T03:30:00',
      timeZone: 'W. Europe Standard Time',
    });
    for (const instant of ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-03-29T01:00:00.000Z']) {
      expect(instantFromGraph(graphDateTime(instant))).toBe(instant);
    }
    expect(instantFromGraph({ dateTime: '2026-10-25T01:30:00.0000000', timeZone: 'UTC' })).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(instantFromGraph({ dateTime: '2026-10-25T01:30:00', timeZone: 'Europe/Oslo' })).toBeUndefined();
  });
});
