import { createHash } from 'node:crypto';
import type { Organisation } from '../../domain/organisation';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { scheduleInquiryReminders } from '../networks/inquiry-reminder';
import { runOnce } from '../scheduling/run-once';
import type { JobScheduler } from '../scheduling/scheduler';
import { scheduleMilestoneReminders } from './milestone-reminders';

/**
 * The reminders of milestones and inquiries that no command scheduled: records made before
 * reminders existed, and the projects the organisation file describes. Once per store and per
 * version of the file's projects (a milestone added in the file gets its reminders at the next
 * start); every other start reads one marker. Job ids make a run after a crash add none twice.
 */
export async function backfillReminders(
  store: RecordStore,
  scheduler: JobScheduler,
  org: Organisation,
  clock: Clock,
): Promise<boolean> {
  const fileProjects = createHash('sha256')
    .update(JSON.stringify(org.projects ?? []))
    .digest('hex')
    .slice(0, 16);
  return runOnce(
    store,
    `business-reminders:${fileProjects}`,
    async () => {
      const now = clock.now();
      await scheduleMilestoneReminders(store, scheduler, org, now);
      await scheduleInquiryReminders(store, scheduler, now);
    },
    clock,
  );
}
