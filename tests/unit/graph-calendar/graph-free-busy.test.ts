import { describe, expect, it } from 'vitest';
import { GraphFreeBusy } from '../../../src/adapters/graph-calendar/graph-free-busy.adapter';
import { FreeBusyError } from '../../../src/ports/free-busy';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { inProcessGraphClient } from '../../fakes/fake-graph/in-process-client';

const organiser = 'sekretariat@samhandling.example.no';
const week = { start: '2026-11-30T00:00:00Z', end: '2026-12-07T00:00:00Z' };

describe('free/busy through getSchedule', () => {
  it('reads busy and tentative times, not free ones; an address outside the tenant is unknown', async () => {
    const fake = new FakeGraphCalendar();
    fake.mailbox(organiser);
    fake.seedBusy('kari@agder.example.no', { start: '2026-12-01T08:00:00Z', end: '2026-12-01T09:00:00Z' });
    fake.seedBusy('kari@agder.example.no', {
      start: '2026-12-02T08:00:00Z',
      end: '2026-12-02T09:00:00Z',
      status: 'tentative',
    });
    fake.seedBusy('kari@agder.example.no', {
      start: '2026-12-03T08:00:00Z',
      end: '2026-12-03T09:00:00Z',
      status: 'free',
    });
    fake.seedBusy('ola@agder.example.no', {
      start: '2026-12-04T12:00:00Z',
      end: '2026-12-04T13:30:00Z',
      status: 'oof',
    });
    fake.seedBusy('ola@agder.example.no', { start: '2026-12-20T12:00:00Z', end: '2026-12-20T13:30:00Z' }); // outside the window
    const { client, calls } = inProcessGraphClient(fake);
    const answer = await new GraphFreeBusy({ client, organiser }).busy(
      ['Kari@agder.example.no', 'ola@agder.example.no', 'guest@grimstad.example.no'],
      week,
    );
    expect(answer).toEqual([
      {
        email: 'Kari@agder.example.no',
        known: true,
        busy: [
          { start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z' },
          { start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T09:00:00.000Z' },
        ],
      },
      {
        email: 'ola@agder.example.no',
        known: true,
        busy: [{ start: '2026-12-04T12:00:00.000Z', end: '2026-12-04T13:30:00.000Z' }],
      },
      { email: 'guest@grimstad.example.no', known: false, busy: [] },
    ]);
    expect(calls).toEqual([{ method: 'POST', path: `/users/${organiser}/calendar/getSchedule` }]);
  });

  it('meetings in the organiser mailbox make their attendees busy', async () => {
    const fake = new FakeGraphCalendar();
    fake.mailbox('kari@agder.example.no');
    const { client } = inProcessGraphClient(fake);
    await client.api(`/users/${organiser}/events`).post({
      subject: 'Styremøte',
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-01T12:00:00', timeZone: 'W. Europe Standard Time' },
      attendees: [{ emailAddress: { address: 'kari@agder.example.no' }, type: 'required' }],
    });
    const [kari] = await new GraphFreeBusy({ client, organiser }).busy(['kari@agder.example.no'], week);
    expect(kari!.busy).toEqual([{ start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T11:00:00.000Z' }]);
  });

  it('keeps to 20 people and under 62 days a call, however many people and days are asked', async () => {
    const fake = new FakeGraphCalendar();
    const people = Array.from({ length: 150 }, (_, i) => `p${i}@agder.example.no`);
    people.forEach((p) => fake.mailbox(p));
    fake.seedBusy('p149@agder.example.no', { start: '2027-02-10T08:00:00Z', end: '2027-02-10T09:00:00Z' });
    const { client, calls } = inProcessGraphClient(fake);
    const answer = await new GraphFreeBusy({ client, organiser }).busy(people, {
      start: '2026-12-01T00:00:00Z',
      end: '2027-03-01T00:00:00Z',
    });
    expect(calls).toHaveLength(2 * 8); // 90 days in 2 windows of at most 61 days × 150 people in 8 groups of at most 20
    expect(calls.every((c) => c.path === `/users/${organiser}/calendar/getSchedule`)).toBe(true);
    expect(answer.every((a) => a.known)).toBe(true);
    expect(answer[149]!.busy).toEqual([{ start: '2027-02-10T08:00:00.000Z', end: '2027-02-10T09:00:00.000Z' }]);
  });

  it('a failing getSchedule is FREE_BUSY.UNAVAILABLE', async () => {
    const { client } = inProcessGraphClient({
      handle: () => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } }),
    });
    await expect(new GraphFreeBusy({ client, organiser }).busy(['kari@agder.example.no'], week)).rejects.toBeInstanceOf(
      FreeBusyError,
    );
  });
});

describe('the fake getSchedule', () => {
  const ask = (body: object) =>
    new FakeGraphCalendar().handle({
      method: 'POST',
      path: `/users/${organiser}/calendar/getSchedule`,
      query: new URLSearchParams(),
      headers: {},
      body,
    });
  const day = (d: string) => ({ dateTime: `${d}T00:00:00`, timeZone: 'UTC' });

  it('refuses more than 20 schedules, windows of 62 days or more, and zones Graph does not know', () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@agder.example.no`);
    expect(ask({ schedules: people(21), startTime: day('2026-12-01'), endTime: day('2026-12-02') })?.status).toBe(400);
    expect(ask({ schedules: people(20), startTime: day('2026-12-01'), endTime: day('2026-12-02') })?.status).toBe(200);
    expect(ask({ schedules: ['a@b.no'], startTime: day('2026-12-01'), endTime: day('2027-02-01') })?.status).toBe(400); // 62 days
    expect(ask({ schedules: ['a@b.no'], startTime: day('2026-12-01'), endTime: day('2027-01-31') })?.status).toBe(200); // 61 days
    expect(
      ask({
        schedules: ['a@b.no'],
        startTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'Europe/Oslo' },
        endTime: day('2026-12-02'),
      })?.status,
    ).toBe(400);
  });

  it('answers an availabilityView per interval', () => {
    const fake = new FakeGraphCalendar();
    fake.seedBusy('a@b.no', { start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:00:00Z' });
    fake.seedBusy('a@b.no', { start: '2026-12-01T02:00:00Z', end: '2026-12-01T02:30:00Z', status: 'tentative' });
    const answer = fake.handle({
      method: 'POST',
      path: '/users/a@b.no/calendar/getSchedule',
      query: new URLSearchParams(),
      headers: {},
      body: {
        schedules: ['a@b.no'],
        startTime: day('2026-12-01'),
        endTime: { dateTime: '2026-12-01T03:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 30,
      },
    });
    expect((answer?.body as { value: { availabilityView: string }[] }).value[0]!.availabilityView).toBe('002210');
  });
});
