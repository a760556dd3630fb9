import { z } from 'zod';
import { osloDate } from '../../domain/oslo-time';
import { addMilestone, reachMilestone } from '../../domain/project';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { dayText } from '../networks/network-view';
import { milestoneText, splitProject } from '../projects/project-args';
import { milestoneKey } from '../../domain/business-reminders';
import { milestoneReminderJobId, milestoneReminderJobs } from '../projects/milestone-reminders';
import { changeProject, projectCalled } from '../projects/project-records';
import { refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ milestone: arg.text() });

/** `milepæl <prosjekt> <dato>: <milepæl>` adds one; `milepæl <prosjekt> <nr> nådd [dato]` records it reached. */
export const milestoneCommand = declareCommand({
  id: 'milestone',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const now = clock.now();
    const today = osloDate(now);
    const refuse = (e: Parameters<typeof errorText>[1]) => [text(refusalWithUsage(t, 'milestone', e))];
    const { project: typed, rest } = splitProject(input.milestone ?? '');
    if (typed === '') return refuse({ code: 'PROJECT.USAGE' });
    const found = await projectCalled(store, org, typed);
    if (!found.ok) return [text(errorText(t, found.error))];
    const parsed = milestoneText(t, rest, today);
    if (!parsed.ok) return refuse(parsed.error);
    const a = parsed.value;
    const changed = await changeProject(store, org, found.value.id, (p) =>
      a.kind === 'add' ? addMilestone(p, a) : reachMilestone(p, a.n, a.on, today),
    );
    if (!changed.ok) return refuse(changed.error);
    await audit(store, {
      kind: a.kind === 'add' ? 'project.milestone-added' : 'project.milestone-reached',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { projectId: found.value.id },
    });
    const p = changed.value;
    // A week before and the first day over, the project leader is reminded of a milestone not
    // reached; reached, its reminders are cancelled (and each reminder checks again when due).
    if (a.kind === 'add') await scheduler.scheduleMany(milestoneReminderJobs(p, now));
    else
      for (const when of ['week', 'overdue'] as const)
        await scheduler.cancel(milestoneReminderJobId(p.id, milestoneKey(p.milestones[a.n - 1]!), when));
    if (a.kind === 'add')
      return [text(t.t('project.milestone-added', { title: a.title.trim(), due: dayText(a.due, t), name: p.name }))];
    const m = p.milestones[a.n - 1]!;
    return [text(t.t('project.milestone-reached', { title: m.title, name: p.name, date: dayText(a.on, t) }))];
  },
});
