import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Calendar, CalendarErrorCode, CalendarEvent } from '../../src/ports/calendar';
import { isCalendarError } from '../../src/ports/calendar';

/** What the suite needs from an adapter under test: the calendar and a way to tidy up. */
export interface CalendarUnderTest {
  readonly calendar: Calendar;
  close(): Promise<void>;
}

let keys = 0;

/** A formøte-like event far enough ahead to be valid whenever the suite runs. */
export function sampleEvent(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    idempotencyKey: `contract:${Date.now()}:${++keys}`,
    title: 'Formøte OSU 3/2030 – kommunesiden',
    start: '2030-10-24T08:00:00.000Z',
    end: '2030-10-24T09:00:00.000Z',
    timeZone: 'Europe/Oslo',
    organiser: { name: 'Sekretariatet', email: 'sekretariat@samhandling.example.no' },
    attendees: [
      { name: 'Åse Ødegård', email: 'ase@grimstad.example.no', attendance: 'required' },
      { name: 'Bjørn Bærum', email: 'bjorn@lillesand.example.no', attendance: 'optional' },
    ],
    location: 'Rådhuset, møterom 2',
    onlineMeeting: false,
    body: 'Saksliste:\nSak 6/2030 Høring om utskrivning, særlig eldre; frist 1. juni.',
    ...over,
  };
}

const failure = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
const expectCode = async (p: Promise<unknown>, code: CalendarErrorCode) => {
  const e = await failure(p);
  expect(isCalendarError(e, code), String(e)).toBe(true);
};

/**
 * What every calendar adapter must do: the local ICS one now, Graph (against a fake Graph
 * server) later. Only the port is used, so a provider passes by behaving, not by its insides.
 */
export function calendarContract(name: string, open: () => Promise<CalendarUnderTest>): void {
  describe(`Calendar contract: ${name}`, () => {
    let subject: CalendarUnderTest;
    let calendar: Calendar;
    beforeEach(async () => {
      subject = await open();
      calendar = subject.calendar;
    });
    afterEach(async () => subject.close());

    it('schedules an event at sequence 0 and reads it back as given', async () => {
      const input = sampleEvent();
      const scheduled = await calendar.schedule(input);
      expect(scheduled).toMatchObject({ idempotencyKey: input.idempotencyKey, sequence: 0, status: 'confirmed' });
      expect(scheduled.id).toBeTruthy();
      expect(scheduled.webLink).toMatch(/^https?:\/\//);
      const read = await calendar.get(scheduled.id);
      expect(read.event).toMatchObject({
        title: input.title,
        location: input.location,
        body: input.body,
        timeZone: 'Europe/Oslo',
      });
      expect(Date.parse(read.event.start)).toBe(Date.parse(input.start));
      expect(read.event.attendees.map((a) => [a.name, a.attendance])).toEqual([
        ['Åse Ødegård', 'required'],
        ['Bjørn Bærum', 'optional'],
      ]);
    });

    it('is idempotent: the same key gives the same event, also when retried at once', async () => {
      const input = sampleEvent();
      const first = await calendar.schedule(input);
      const again = await Promise.all([calendar.schedule(input), calendar.schedule(input), calendar.schedule(input)]);
      expect(new Set(again.map((e) => e.id))).toEqual(new Set([first.id]));
      expect(again.every((e) => e.sequence === 0)).toBe(true);
      const other = await calendar.schedule(sampleEvent());
      expect(other.id).not.toBe(first.id);
    });

    it('racing first schedules with one key make one event', async () => {
      const input = sampleEvent();
      const all = await Promise.all(Array.from({ length: 5 }, () => calendar.schedule(input)));
      expect(new Set(all.map((e) => e.id)).size).toBe(1);
    });

    it('an online meeting with a join link reports an https join link', async () => {
      const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
      const scheduled = await calendar.schedule(sampleEvent({ onlineMeeting: true, joinUrl }));
      expect(scheduled.joinUrl).toMatch(/^https:\/\/\S+$/);
    });

    it('an update applies the changes and raises the sequence by one each time', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      const moved = await calendar.update(id, { start: '2030-10-25T07:00:00Z', end: '2030-10-25T08:00:00Z' });
      expect(moved.sequence).toBe(1);
      expect(Date.parse(moved.event.start)).toBe(Date.parse('2030-10-25T07:00:00Z'));
      const renamed = await calendar.update(id, {
        title: 'Formøte OSU 3/2030 (flyttet)',
        location: 'Fylkeshuset, sal B',
      });
      expect(renamed.sequence).toBe(2);
      const read = await calendar.get(id);
      expect(read).toMatchObject({
        sequence: 2,
        status: 'confirmed',
        event: { title: 'Formøte OSU 3/2030 (flyttet)', location: 'Fylkeshuset, sal B' },
      });
      expect(Date.parse(read.event.end)).toBe(Date.parse('2030-10-25T08:00:00Z'));
    });

    it('an update that changes nothing keeps the sequence (a retried update is harmless)', async () => {
      const input = sampleEvent();
      const { id } = await calendar.schedule(input);
      await calendar.update(id, { title: 'Nytt navn' });
      const retried = await calendar.update(id, { title: 'Nytt navn', location: input.location });
      expect(retried.sequence).toBe(1);
    });

    it('an update can replace the attendees', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      const attendees = [{ name: 'Vara for Åse', email: 'vara@grimstad.example.no', attendance: 'required' as const }];
      const updated = await calendar.update(id, { attendees });
      expect(updated.event.attendees.map((a) => a.email)).toEqual(['vara@grimstad.example.no']);
      expect(updated.sequence).toBe(1);
    });

    it('refuses an update that would end before it starts, and keeps the event', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      await expectCode(calendar.update(id, { end: '2030-10-24T07:00:00Z' }), 'CALENDAR.INVALID');
      expect((await calendar.get(id)).sequence).toBe(0);
    });

    it('refuses an invalid event', async () => {
      await expectCode(calendar.schedule(sampleEvent({ end: '2030-10-24T07:00:00Z' })), 'CALENDAR.INVALID');
      await expectCode(calendar.schedule(sampleEvent({ title: '  ' })), 'CALENDAR.INVALID');
      // Only Oslo's zone is planned in; another, from a caller outside TypeScript, is refused all the same.
      const utc = { timeZone: 'UTC' } as unknown as Partial<CalendarEvent>;
      await expectCode(calendar.schedule(sampleEvent(utc)), 'CALENDAR.INVALID');
    });

    it('cancels with a reason and a higher sequence; a second cancel changes nothing', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      const cancelled = await calendar.cancel(id, 'Møtet er flyttet');
      expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, cancelled: { reason: 'Møtet er flyttet' } });
      const again = await calendar.cancel(id, 'Enda en gang');
      expect(again).toMatchObject({ status: 'cancelled', sequence: 1, cancelled: { reason: 'Møtet er flyttet' } });
      expect((await calendar.get(id)).sequence).toBe(1);
    });

    it('refuses to update a cancelled event', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      await calendar.cancel(id);
      await expectCode(calendar.update(id, { title: 'Likevel' }), 'CALENDAR.CONFLICT');
      expect((await calendar.get(id)).status).toBe('cancelled');
    });

    it('scheduling the key of a cancelled event again gives the cancelled event, not a new one', async () => {
      const input = sampleEvent();
      const { id } = await calendar.schedule(input);
      await calendar.cancel(id);
      expect(await calendar.schedule(input)).toMatchObject({ id, status: 'cancelled' });
    });

    it('an unknown id is CALENDAR.NOT_FOUND for get, update and cancel', async () => {
      const unknown = 'ev-00000000000000000000000000000000';
      await expectCode(calendar.get(unknown), 'CALENDAR.NOT_FOUND');
      await expectCode(calendar.update(unknown, { title: 'x' }), 'CALENDAR.NOT_FOUND');
      await expectCode(calendar.cancel(unknown), 'CALENDAR.NOT_FOUND');
    });

    it('concurrent updates of different fields lose nothing', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      await Promise.all([
        calendar.update(id, { title: 'Ny tittel' }),
        calendar.update(id, { location: 'Nytt sted' }),
        calendar.update(id, { body: 'Ny saksliste' }),
        calendar.update(id, { start: '2030-10-24T09:00:00Z', end: '2030-10-24T10:00:00Z' }),
        calendar.update(id, {
          attendees: [{ name: 'Kari', email: 'kari@vennesla.example.no', attendance: 'required' }],
        }),
        calendar.update(id, { onlineMeeting: true }),
      ]);
      const read = await calendar.get(id);
      expect(read.sequence).toBe(6);
      expect(read.event).toMatchObject({
        title: 'Ny tittel',
        location: 'Nytt sted',
        body: 'Ny saksliste',
        onlineMeeting: true,
      });
      expect(Date.parse(read.event.start)).toBe(Date.parse('2030-10-24T09:00:00Z'));
      expect(read.event.attendees.map((a) => a.email)).toEqual(['kari@vennesla.example.no']);
    });

    it('an update racing a cancel either lands before it or is refused, never lost silently', async () => {
      const { id } = await calendar.schedule(sampleEvent());
      const [updated] = await Promise.allSettled([calendar.update(id, { title: 'Kappløp' }), calendar.cancel(id)]);
      const read = await calendar.get(id);
      expect(read.status).toBe('cancelled');
      if (updated.status === 'fulfilled') {
        expect(read).toMatchObject({ sequence: 2, event: { title: 'Kappløp' } });
      } else {
        expect(isCalendarError(updated.reason, 'CALENDAR.CONFLICT')).toBe(true);
        expect(read.sequence).toBe(1);
      }
    });
  });
}
