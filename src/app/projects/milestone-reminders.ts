import { z } from 'zod';
import type { MilestoneReminderWhen } from '../../domain/business-reminders';
import { milestoneReminders, milestoneToRemind } from '../../domain/business-reminders';
import type { Member } from '../../domain/member';
import type { Organisation } from '../../domain/organisation';
import { coordinators } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import { osloInstantAt } from '../../domain/oslo-when';
import type { Project } from '../../domain/project';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { dayText } from '../networks/network-view';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import type { JobHandler } from '../scheduling/execute-job';
import { messageJob } from '../scheduling/outbox';
import type { JobScheduler, JobSpec } from '../scheduling/scheduler';
import { allProjects } from './project-records';

export const MILESTONE_REMIND = 'project.milestone-remind';

export interface MilestoneReminderPayload {
  readonly projectId: string;
  /** The milestone's own key (its day and title), not its number, which moves when one is added. */
  readonly key: string;
  readonly when: MilestoneReminderWhen;
}

export const milestoneReminderPayload: z.ZodType<MilestoneReminderPayload> = z.object({
  projectId: z.string(),
  key: z.string(),
  when: z.enum(['week', 'overdue']),
});

/** Reminders go out at 09.00 in Oslo, as the follow-up tasks' do. */
const AT = { hour: 9, minute: 0 };

export const milestoneReminderJobId = (projectId: string, key: string, when: MilestoneReminderWhen): string =>
  `project-milestone-remind:${projectId}:${key}:${when}`;

/** The jobs for a project's milestones not reached; scheduling them again adds only the missing. */
export function milestoneReminderJobs(project: Project, now: Date): JobSpec<MilestoneReminderPayload>[] {
  return milestoneReminders(project, osloDate(now)).map((r) => ({
    id: milestoneReminderJobId(r.projectId, r.key, r.when),
    kind: MILESTONE_REMIND,
    dueAt: osloInstantAt(r.day, AT),
    payload: { projectId: r.projectId, key: r.key, when: r.when },
  }));
}

/** The project leader when the leader is one of the organisation's members (by name or id). */
export function leaderMember(org: Organisation, project: Project): Member | undefined {
  const leader = project.leader.trim().toLowerCase();
  return org.members.find((m) => m.id.toLowerCase() === leader || m.name.trim().toLowerCase() === leader);
}

/**
 * At a reminder's time: nothing for a milestone reached or removed meanwhile; otherwise one
 * message to the project leader's personal chat, or to the coordinators when the leader is not a
 * member Samråd can write to. The message's job id names the milestone and the reminder, so a
 * runner that dies here and one that takes over still send it once.
 */
export function milestoneReminder(deps: {
  store: RecordStore;
  scheduler: JobScheduler;
  organisation: () => Organisation;
  t: Translator;
}): JobHandler<MilestoneReminderPayload> {
  return async ({ job }) => {
    const { projectId, key, when } = job.payload;
    const org = deps.organisation();
    const project = (await allProjects(deps.store, org)).find((p) => p.id === projectId);
    const milestone = milestoneToRemind(project, key);
    if (!project || !milestone) return { outcome: 'done' };
    const chats = await personalChats(deps.store);
    const leader = leaderMember(org, project);
    const leaderChat = leader && (await chats.of(leader));
    const to = leader && leaderChat ? [leader] : coordinators(org);
    const message = text(
      deps.t.t(`project.reminder.${when}`, {
        title: milestone.title,
        name: project.name,
        leader: project.leader,
        due: dayText(milestone.due, deps.t),
        usage: `${deps.t.t('command.projects.name')} ${project.id}`,
      }),
    );
    const jobs = [];
    for (const member of to) {
      const chat = member === leader ? leaderChat : await chats.of(member);
      if (chat)
        jobs.push(
          messageJob(
            `project-milestone-message:${projectId}:${key}:${when}:${member.id}`,
            { conversationId: chat, message },
            job.dueAt,
          ),
        );
    }
    if (jobs.length === 0)
      return { outcome: 'failed', error: `no personal chat for the reminder on project ${projectId}` };
    await deps.scheduler.scheduleMany(jobs);
    return { outcome: 'done' };
  };
}

/** At start: every project's coming milestone reminders, the file's projects too; nothing doubled. */
export async function scheduleMilestoneReminders(
  store: RecordStore,
  scheduler: JobScheduler,
  org: Organisation,
  now: Date,
): Promise<void> {
  const jobs = (await allProjects(store, org)).flatMap((p) => milestoneReminderJobs(p, now));
  if (jobs.length > 0) await scheduler.scheduleMany(jobs);
}
