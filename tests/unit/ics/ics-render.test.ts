import { describe, expect, it } from 'vitest';
import type { IcsSource } from '../../../src/adapters/ics/ics-render';
import { icsFor } from '../../../src/adapters/ics/ics-render';
import { osloWallClock } from '../../../src/domain/oslo-time';
import { component, physicalLines, prop, props, readIcs, unescapeText } from './ics-reader';

const agenda = [
  'Saksliste for møte 3/2026 i Overordnet samarbeidsutvalg (OSU):',
  'Sak 5/2026 Godkjenning av protokoll fra forrige møte; ingen merknader.',
  'Sak 6/2026 Høring: «Felles rutine for utskrivning av pasienter, særlig eldre med sammensatte behov» – frist 1. juni.',
  'Sti til saksdokumentene: \\\\fil\\samrad\\OSU, se også Teams-kanalen.',
].join('\n');

const sample = (over: Partial<IcsSource> = {}): IcsSource => ({
  id: 'ev-0123456789abcdef0123456789abcdef',
  idempotencyKey: 'meeting:m-3',
  sequence: 0,
  status: 'confirmed',
  updated: '2026-09-01T08:00:00.000Z',
  event: {
    idempotencyKey: 'meeting:m-3',
    title: 'OSU møte 3/2026, Kristiansand',
    start: '2026-10-24T08:00:00.000Z',
    end: '2026-10-24T10:00:00.000Z',
    timeZone: 'Europe/Oslo',
    organiser: { name: 'Sekretariatet, Samhandling Agder', email: 'sekretariat@samhandling.example.no' },
    attendees: [
      { name: 'Åse Ødegård', email: 'ase@grimstad.example.no', attendance: 'required' },
      { name: 'Per "PJ" Jensen', email: 'pj@arendal.example.no', attendance: 'optional' },
    ],
    location: 'Rådhuset; møterom 2, Kristiansand',
    onlineMeeting: true,
    joinUrl:
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
    body: agenda,
  },
  ...over,
});

const event = (ics: string) => component(readIcs(ics), 'VEVENT');
const value = (ics: string, name: string) => prop(event(ics), name)?.value;

describe('icsFor', () => {
  it('writes CRLF lines of at most 75 octets with the calendar and event frame', () => {
    const ics = icsFor(sample());
    const lines = physicalLines(ics);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long agenda was folded
    const all = readIcs(ics);
    expect(all[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(all.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(prop(all, 'VERSION')?.value).toBe('2.0');
    expect(prop(all, 'PRODID')?.value).toMatch(/^-\/\//);
  });

  it('is REQUEST with CONFIRMED, a stable UID, the SEQUENCE and a UTC DTSTAMP', () => {
    const ics = icsFor(sample({ sequence: 4 }), { uidDomain: 'samrad.example.no' });
    expect(prop(readIcs(ics), 'METHOD')?.value).toBe('REQUEST');
    expect(value(ics, 'STATUS')).toBe('CONFIRMED');
    expect(value(ics, 'UID')).toBe('ev-0123456789abcdef0123456789abcdef@samrad.example.no');
    expect(value(ics, 'SEQUENCE')).toBe('4');
    expect(value(ics, 'DTSTAMP')).toBe('20260901T080000Z');
  });

  it('is CANCEL with CANCELLED, the same UID, the higher SEQUENCE and the reason', () => {
    const before = icsFor(sample({ sequence: 1 }));
    const after = icsFor(
      sample({
        sequence: 2,
        status: 'cancelled',
        updated: '2026-09-02T09:30:00Z',
        cancelled: { at: '2026-09-02T09:30:00Z', reason: 'Flyttet, se ny innkalling' },
      }),
    );
    expect(prop(readIcs(after), 'METHOD')?.value).toBe('CANCEL');
    expect(value(after, 'STATUS')).toBe('CANCELLED');
    expect(value(after, 'UID')).toBe(value(before, 'UID'));
    expect(value(after, 'SEQUENCE')).toBe('2');
    expect(value(after, 'DTSTAMP')).toBe('20260902T093000Z');
    expect(unescapeText(value(after, 'COMMENT') ?? '')).toBe('Flyttet, se ny innkalling');
    // Stopped when cancelled: no attendee addresses, join link or notes in the cancellation.
    expect(props(event(before), 'ATTENDEE').length).toBeGreaterThan(0);
    expect(props(event(after), 'ATTENDEE')).toEqual([]);
    expect(value(after, 'X-MICROSOFT-SKYPETEAMSMEETINGURL')).toBeUndefined();
    expect(value(after, 'URL')).toBeUndefined();
    expect(value(after, 'DESCRIPTION')).toBeUndefined();
    expect(value(before, 'COMMENT')).toBeUndefined();
  });

  it('writes times in Europe/Oslo with TZID, summer time the day before the October change', () => {
    const ics = icsFor(sample());
    expect(prop(event(ics), 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Oslo' },
      value: '20261024T100000',
    });
    expect(prop(event(ics), 'DTEND')).toEqual({
      name: 'DTEND',
      params: { TZID: 'Europe/Oslo' },
      value: '20261024T120000',
    });
  });

  it('on the last Sunday of October (winter time from 03:00) 10:00 in Oslo is 09:00 UTC', () => {
    const ics = icsFor(
      sample({ event: { ...sample().event, start: '2026-10-25T09:00:00Z', end: '2026-10-25T10:30:00Z' } }),
    );
    expect(value(ics, 'DTSTART')).toBe('20261025T100000');
    expect(value(ics, 'DTEND')).toBe('20261025T113000');
  });

  it('a night meeting across the change: the repeated hour is written in UTC, not misread as summer time', () => {
    const ics = icsFor(
      sample({ event: { ...sample().event, start: '2026-10-25T00:30:00Z', end: '2026-10-25T01:30:00Z' } }),
    );
    expect(prop(event(ics), 'DTSTART')).toMatchObject({ params: { TZID: 'Europe/Oslo' }, value: '20261025T023000' });
    expect(prop(event(ics), 'DTEND')).toEqual({ name: 'DTEND', params: {}, value: '20261025T013000Z' });
  });

  it('carries a VTIMEZONE for Europe/Oslo whose rules give the same offsets as the tz database', () => {
    const all = readIcs(icsFor(sample()));
    const tz = component(all, 'VTIMEZONE');
    expect(prop(tz, 'TZID')?.value).toBe('Europe/Oslo');
    const daylight = component(tz, 'DAYLIGHT');
    const standard = component(tz, 'STANDARD');
    expect(prop(daylight, 'RRULE')?.value).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(prop(standard, 'RRULE')?.value).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect([prop(daylight, 'TZOFFSETFROM')?.value, prop(daylight, 'TZOFFSETTO')?.value]).toEqual(['+0100', '+0200']);
    expect([prop(standard, 'TZOFFSETFROM')?.value, prop(standard, 'TZOFFSETTO')?.value]).toEqual(['+0200', '+0100']);
    // Apply the rules as a client would (last Sunday, local time of DTSTART) and compare with Intl.
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 0));
      return last.getUTCDate() - last.getUTCDay();
    };
    const hourOf = (p: typeof daylight) => Number(prop(p, 'DTSTART')?.value.slice(9, 11));
    for (const [part, month] of [
      [daylight, 3],
      [standard, 10],
    ] as const) {
      const start = prop(part, 'DTSTART')?.value ?? '';
      expect(start.slice(4, 6)).toBe(String(month).padStart(2, '0'));
      expect(Number(start.slice(6, 8)), 'DTSTART falls on the rule').toBe(lastSunday(Number(start.slice(0, 4)), month));
    }
    for (let year = 2024; year <= 2032; year++) {
      const springUtc = Date.UTC(year, 2, lastSunday(year, 3), hourOf(daylight) - 1); // local hour in +01:00
      const autumnUtc = Date.UTC(year, 9, lastSunday(year, 10), hourOf(standard) - 2); // local hour in +02:00
      expect(osloWallClock(springUtc - 1000).hour, `${year} spring before`).toBe(1);
      expect(osloWallClock(springUtc).hour, `${year} spring after`).toBe(3);
      expect(osloWallClock(autumnUtc - 1000).hour, `${year} autumn before`).toBe(2);
      expect(osloWallClock(autumnUtc).hour, `${year} autumn after`).toBe(2);
      expect(osloWallClock(autumnUtc + 3_600_000).hour, `${year} autumn an hour on`).toBe(3);
    }
  });

  it('names the organiser and each attendee with CN, ROLE, PARTSTAT and RSVP', () => {
    const ics = icsFor(sample());
    expect(prop(event(ics), 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: { CN: 'Sekretariatet, Samhandling Agder' },
      value: 'mailto:sekretariat@samhandling.example.no',
    });
    const [ase, per] = props(event(ics), 'ATTENDEE');
    expect(ase).toMatchObject({
      params: { CN: 'Åse Ødegård', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' },
      value: 'mailto:ase@grimstad.example.no',
    });
    expect(per).toMatchObject({
      params: { CN: "Per 'PJ' Jensen", ROLE: 'OPT-PARTICIPANT' },
      value: 'mailto:pj@arendal.example.no',
    });
  });

  it('gives the Teams link as URL and X-MICROSOFT-SKYPETEAMSMEETINGURL, unescaped, and leaves both out without one', () => {
    const link = sample().event.joinUrl;
    const ics = icsFor(sample());
    expect(value(ics, 'URL')).toBe(link);
    expect(value(ics, 'X-MICROSOFT-SKYPETEAMSMEETINGURL')).toBe(link);
    const { joinUrl: _, ...withoutLink } = sample().event;
    const plain = icsFor(sample({ event: withoutLink }));
    expect(value(plain, 'URL')).toBeUndefined();
    expect(value(plain, 'X-MICROSOFT-SKYPETEAMSMEETINGURL')).toBeUndefined();
  });

  it('round-trips title, place and a long agenda with Norwegian letters, commas, semicolons and backslashes', () => {
    const ics = icsFor(sample());
    expect(unescapeText(value(ics, 'SUMMARY') ?? '')).toBe('OSU møte 3/2026, Kristiansand');
    expect(unescapeText(value(ics, 'LOCATION') ?? '')).toBe('Rådhuset; møterom 2, Kristiansand');
    expect(unescapeText(value(ics, 'DESCRIPTION') ?? '')).toBe(agenda);
    expect(value(ics, 'DESCRIPTION')).not.toContain('\n');
  });

  it('leaves LOCATION out when there is no place, and is the same text for the same input', () => {
    const { location: _, ...noPlace } = sample().event;
    expect(value(icsFor(sample({ event: noPlace })), 'LOCATION')).toBeUndefined();
    expect(icsFor(sample())).toBe(icsFor(sample()));
  });
});
