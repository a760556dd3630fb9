import { z } from 'zod';
import { recordReport } from '../../domain/project';
import { ok } from '../../domain/result';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { changeProject, projectCalled } from '../projects/project-records';
import { projectCard, reportUrl } from '../projects/project-view';
import { nextBoardMeeting, reportCaseForm } from '../projects/report-case';
import { commandUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { shortId } from '../short-id';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ project: arg.text() });

/**
 * `prosjektrapport <prosjekt>`: the project's status report to the board as a Word document,
 * recorded on the project so the board's reports can be counted, with the card beside it and the
 * case form for the board's next meeting filled in with it.
 */
export const projectReportCommand = declareCommand({
  id: 'project-report',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock, links }) {
    const now = clock.now();
    const typed = (input.project ?? '').trim();
    if (typed === '') return [text(t.t('error.PROJECT.USAGE', { usage: commandUsage(t, 'project-report') }))];
    const found = await projectCalled(store, org, typed);
    if (!found.ok) return [text(errorText(t, found.error))];
    const reportId = shortId();
    const changed = await changeProject(store, org, found.value.id, (p) =>
      ok(recordReport(p, reportId, actor.member.id, now)),
    );
    if (!changed.ok) return [text(errorText(t, changed.error))];
    await audit(store, {
      kind: 'project.reported',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { projectId: found.value.id, reportId },
    });
    const meeting = await nextBoardMeeting(store, org, now);
    return [
      text(t.t('project.reported', { name: changed.value.name, url: reportUrl(links, reportId, t, now) })),
      projectCard(t, changed.value, links, now),
      meeting
        ? reportCaseForm(t, org, meeting, changed.value, reportId, links, now)
        : text(t.t('project.no-board-meeting')),
    ];
  },
});
