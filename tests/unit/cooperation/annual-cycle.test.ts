import { describe, expect, it } from 'vitest';
import { annualPlanIcs } from '../../../src/adapters/ics/annual-plan-ics';
import type { AnnualEntry } from '../../../src/domain/annual-cycle';
import { annualPlan, yearlyMeetingsMissing } from '../../../src/domain/annual-cycle';
import type { Organisation } from '../../../src/domain/organisation';

const org = {
  cooperation: { name: 'KHS', hospitalTrust: 'VV' },
  areas: [],
  municipalities: [],
  members: [],
  bodies: [
    { id: 'styret', name: 'Styret', kind: 'board', aliases: [] },
    { id: 'ordformotet', name: 'Ordførermøtet', kind: 'mayors-meeting', aliases: [] },
    { id: 'dialogmotet', name: 'Dialogmøtet', kind: 'dialogue-meeting', aliases: [] },
  ],
} as Organisation;
const entries: AnnualEntry[] = [
  {
    kind: 'meeting',
    ref: 'meeting-B',
    date: '2027-06-14',
    start: '2027-06-14T08:00:00Z',
    end: '2027-06-14T10:00:00Z',
    title: 'Ordførermøtet',
    bodyId: 'ordformotet',
  },
  { kind: 'fee-due', ref: 'fee-2027', date: '2027-01-15', title: 'Kontingenten forfaller' },
  {
    kind: 'meeting',
    ref: 'meeting-A',
    date: '2026-12-10',
    start: '2026-12-10T08:00:00Z',
    title: 'Styret',
    bodyId: 'styret',
  },
];

describe('the annual cycle', () => {
  it('holds the year’s entries in date order, the fee day on 15 January', () => {
    expect(annualPlan(2027, entries).map((e) => e.ref)).toEqual(['fee-2027', 'meeting-B']);
  });

  it('flags a year without the dialogue meeting', () => {
    expect(yearlyMeetingsMissing(org, annualPlan(2027, entries))).toEqual(['dialogmotet']);
    expect(yearlyMeetingsMissing(org, annualPlan(2026, entries))).toEqual(['ordformotet', 'dialogmotet']);
  });

  it('as iCalendar: a published calendar, the fee day all-day, meetings in Oslo time with stable UIDs', () => {
    const ics = annualPlanIcs('Årshjul 2027', annualPlan(2027, entries), '2026-12-02T10:00:00Z');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270115');
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20270614T100000');
    expect(ics).toContain('UID:annual-meeting-B@');
    expect(ics.split('BEGIN:VEVENT')).toHaveLength(3);
  });
});
