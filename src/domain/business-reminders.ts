import type { Inquiry } from './network';
import type { Milestone, Project } from './project';

/**
 * When the secretariat's own workstreams remind someone: a project milestone not reached is
 * brought to the project leader a week before its day and on the first day after it; a
 * supplier's inquiry still unanswered 14 days after it arrived is brought to the coordinator,
 * once. Days are Oslo days (YYYY-MM-DD); the hour is the adapter's business.
 */
export const MILESTONE_REMINDER_DAYS = { week: -7, overdue: 1 } as const;
export type MilestoneReminderWhen = keyof typeof MILESTONE_REMINDER_DAYS;
export const INQUIRY_REMINDER_AFTER_DAYS = 14;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A milestone's own key, the same however many milestones come before it (they are numbered in
 * due order, so a number would move when one is added): its day and a hash of its title.
 */
export function milestoneKey(m: Pick<Milestone, 'due' | 'title'>): string {
  let h = 0x811c9dc5;
  for (const ch of m.title) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${m.due}-${h.toString(36)}`;
}

export interface MilestoneReminder {
  readonly projectId: string;
  readonly key: string;
  readonly when: MilestoneReminderWhen;
  /** The Oslo day it is due. */
  readonly day: string;
}

/** The reminders a project's milestones not yet reached still have: none for a day before `today`. */
export function milestoneReminders(project: Project, today: string): MilestoneReminder[] {
  return project.milestones
    .filter((m) => !m.reached)
    .flatMap((m) =>
      (Object.keys(MILESTONE_REMINDER_DAYS) as MilestoneReminderWhen[])
        .map((when) => ({
          projectId: project.id,
          key: milestoneKey(m),
          when,
          day: addDays(m.due, MILESTONE_REMINDER_DAYS[when]),
        }))
        .filter((r) => r.day >= today),
    );
}

/** The milestone a reminder is for, if it is still there and not reached: otherwise nothing is sent. */
export function milestoneToRemind(project: Project | undefined, key: string): Milestone | undefined {
  return project?.milestones.find((m) => !m.reached && milestoneKey(m) === key);
}

/** The day an unanswered inquiry reminds the coordinator; none once answered or when that day is past. */
export function inquiryReminderDay(inquiry: Inquiry, today: string): string | undefined {
  if (inquiry.answer) return undefined;
  const day = addDays(inquiry.received, INQUIRY_REMINDER_AFTER_DAYS);
  return day >= today ? day : undefined;
}
