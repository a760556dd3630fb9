import { z } from 'zod';
import type { Project } from '../../domain/project';
import { startProject } from '../../domain/project';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { newProjectText } from '../projects/project-args';
import { PROJECTS } from '../projects/project-records';
import { refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { shortId } from '../short-id';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

export const newProjectArgs = z.object({ project: arg.text() });

/** `nytt prosjekt <navn> leder <prosjektleder>: <formål>`: a development project as a workstream. */
export const newProjectCommand = declareCommand({
  id: 'new-project',
  audience: ['coordinator'],
  inMenu: false,
  args: newProjectArgs,
  async run({ actor, t, input }, { store, clock }) {
    const now = clock.now();
    const refuse = (e: Parameters<typeof errorText>[1]) => [text(refusalWithUsage(t, 'new-project', e))];
    const parsed = newProjectText(t, input.project ?? '');
    if (!parsed.ok) return refuse(parsed.error);
    for (let attempt = 0; attempt < 5; attempt++) {
      const made = startProject(parsed.value, { id: shortId(), by: actor.member.id }, now);
      if (!made.ok) return refuse(made.error);
      try {
        await store.create<Project>(PROJECTS, made.value.id, made.value);
      } catch (e) {
        if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
        throw e;
      }
      await audit(store, {
        kind: 'project.started',
        memberId: actor.member.id,
        at: now.toISOString(),
        details: { projectId: made.value.id },
      });
      return [text(t.t('project.started', { id: made.value.id, name: made.value.name, leader: made.value.leader }))];
    }
    throw new Error('no free id for a project after 5 attempts');
  },
});
