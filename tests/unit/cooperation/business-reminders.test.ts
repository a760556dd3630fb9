import { describe, expect, it } from 'vitest';
import {
  inquiryReminderDay,
  milestoneKey,
  milestoneReminders,
  milestoneToRemind,
} from '../../../src/domain/business-reminders';
import type { Inquiry } from '../../../src/domain/network';
import type { Project } from '../../../src/domain/project';
import { milestoneReminderJobs } from '../../../src/app/projects/milestone-reminders';
import { inquiryReminderJob } from '../../../src/app/networks/inquiry-reminder';

const komut: Project = {
  id: 'komut',
  name: 'KomUt',
  purpose: '',
  leader: 'Kari Nordmann',
  startedAt: '2018-01-22T08:00:00Z',
  startedBy: 'ingrid-haugen',
  funding: [],
  reports: [],
  milestones: [
    { title: 'Pleie- og omsorgsmeldinger', due: '2026-06-30', reached: '2026-06-12' },
    { title: 'Dialogmeldinger med fastlegene', due: '2026-12-15' },
    { title: 'Sluttrapport til samarbeidsstyret', due: '2027-06-30' },
  ],
};

const inquiry = (received: string, answered?: string): Inquiry => ({
  id: 'H7K2Q',
  networkId: 'bpa',
  supplier: 'Assistanse Vest AS',
  received,
  text: 'Hvordan skal timelister sendes?',
  recordedBy: 'ingrid-haugen',
  recordedAt: `${received}T10:00:00Z`,
  ...(answered && {
    answer: {
      text: 'Månedlig.',
      municipalities: ['3201'],
      answeredBy: 'ingrid-haugen',
      answeredAt: `${answered}T10:00:00Z`,
    },
  }),
});

describe('milestone reminders: a week before and the first day over, for milestones not reached', () => {
  it('a milestone due 15.12.2026 reminds on 08.12 and 16.12; a reached one never', () => {
    const r = milestoneReminders(komut, '2026-12-03');
    expect(r.map((x) => [x.when, x.day])).toEqual([
      ['week', '2026-12-08'],
      ['overdue', '2026-12-16'],
      ['week', '2027-06-23'],
      ['overdue', '2027-07-01'],
    ]);
  });

  it('a day already past is left out, the reminder of today kept', () => {
    expect(milestoneReminders(komut, '2026-12-09').map((x) => x.day)).toEqual([
      '2026-12-16',
      '2027-06-23',
      '2027-07-01',
    ]);
    expect(milestoneReminders(komut, '2026-12-16').map((x) => x.day)[0]).toBe('2026-12-16');
  });

  it("a milestone's key does not move when an earlier milestone is added, and differs by title", () => {
    const m = komut.milestones[1]!;
    expect(milestoneKey(m)).toBe(milestoneKey({ ...m }));
    expect(milestoneKey(m)).not.toBe(milestoneKey({ ...m, title: 'Noe annet' }));
    expect(milestoneKey(m).startsWith('2026-12-15-')).toBe(true);
  });

  it('the reminder finds its milestone while it is open, and nothing once it is reached or gone', () => {
    const key = milestoneKey(komut.milestones[1]!);
    expect(milestoneToRemind(komut, key)?.title).toBe('Dialogmeldinger med fastlegene');
    const reached = {
      ...komut,
      milestones: komut.milestones.map((m, i) => (i === 1 ? { ...m, reached: '2026-12-10' } : m)),
    };
    expect(milestoneToRemind(reached, key)).toBeUndefined();
    expect(milestoneToRemind(undefined, key)).toBeUndefined();
  });

  it('the jobs are at 09.00 Oslo time (08.00 UTC in winter, 07.00 in summer) with ids naming the milestone', () => {
    const jobs = milestoneReminderJobs(komut, new Date('2026-12-03T10:00:00Z'));
    expect(jobs.map((j) => j.dueAt)).toEqual([
      '2026-12-08T08:00:00.000Z',
      '2026-12-16T08:00:00.000Z',
      '2027-06-23T07:00:00.000Z',
      '2027-07-01T07:00:00.000Z',
    ]);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(4);
    expect(jobs[0]!.id).toBe(`project-milestone-remind:komut:${milestoneKey(komut.milestones[1]!)}:week`);
  });
});

describe('inquiry reminder: once, 14 days after it arrived, unless answered', () => {
  it('received 20.11.2026, reminded 04.12.2026 at 09.00', () => {
    expect(inquiryReminderDay(inquiry('2026-11-20'), '2026-12-03')).toBe('2026-12-04');
    expect(inquiryReminderJob(inquiry('2026-11-20'), new Date('2026-12-03T10:00:00Z'))).toMatchObject({
      id: 'network-inquiry-remind:H7K2Q',
      dueAt: '2026-12-04T08:00:00.000Z',
    });
  });

  it('an answered inquiry and one whose day has passed have none', () => {
    expect(inquiryReminderDay(inquiry('2026-11-20', '2026-11-25'), '2026-12-03')).toBeUndefined();
    expect(inquiryReminderDay(inquiry('2026-11-01'), '2026-12-03')).toBeUndefined();
  });
});
