import { z } from 'zod';
import { osloDate } from '../../domain/oslo-time';
import { errorText } from '../error-text';
import { allProjects, projectCalled } from '../projects/project-records';
import { listLine, projectCard } from '../projects/project-view';
import { commandUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

/** `prosjekter` lists the projects with their progress and money; `prosjekter <prosjekt>` shows one on a card. */
export const projectsCommand = declareCommand({
  id: 'projects',
  audience: ['anyone-registered'],
  inMenu: false,
  args: z.object({ project: arg.text() }),
  async run({ org, t, input }, { store, clock, links }) {
    const now = clock.now();
    const today = osloDate(now);
    const typed = (input.project ?? '').trim();
    if (typed === '') {
      const projects = await allProjects(store, org);
      if (projects.length === 0) return [text(t.t('project.none', { usage: commandUsage(t, 'new-project') }))];
      return [
        text(
          [t.t('project.list-heading', { count: projects.length }), ...projects.map((p) => listLine(t, p, today))].join(
            '\n',
          ),
        ),
      ];
    }
    const found = await projectCalled(store, org, typed);
    if (!found.ok) return [text(errorText(t, found.error))];
    return [projectCard(t, found.value, links, now)];
  },
});
