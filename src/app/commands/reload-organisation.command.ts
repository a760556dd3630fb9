import { z } from 'zod';
import { boardWarnings } from '../../domain/board-composition';

import { audit } from '../audit';
import { warningText } from '../board/board-check';
import { card, text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { osloDate } from '../../domain/oslo-time';

/** Reads the organisation file again; a faulty file changes nothing and says where it is wrong. */
export const reloadOrganisationCommand = declareCommand({
  id: 'reload',
  audience: ['coordinator'],
  args: z.object({}),
  inMenu: false,
  async run({ actor, t }, { registry, store, clock }) {
    const result = await registry.reload();
    if (!result.ok) {
      return [
        card('organisation-problems', {
          title: t.t('reload.refused.title'),
          intro: t.t('reload.refused.intro', { file: registry.location }),
          problems: result.problems.slice(0, 20).map((p) => ({
            where: p.line ? t.t('reload.problem.line', { line: p.line, field: p.field || '-' }) : p.field || '-',
            what: t.t(`problem.${p.code}`, p.params),
          })),
          more: result.problems.length > 20 ? t.t('reload.refused.more', { count: result.problems.length - 20 }) : '',
        }),
      ];
    }
    const org = result.organisation;
    await audit(store, {
      kind: 'organisation.reloaded',
      memberId: actor.member.id,
      at: clock.now().toISOString(),
      details: { municipalities: org.municipalities.length, bodies: org.bodies.length, members: org.members.length },
    });
    // The board's rules are warnings, never a refusal: the file is in force either way.
    const warnings = boardWarnings(org, osloDate(clock.now())).map((w) => `- ${warningText(t, w)}`);
    return [
      text(
        t.t('reload.done', {
          municipalities: org.municipalities.length,
          bodies: org.bodies.length,
          members: org.members.length,
        }),
      ),
      ...(warnings.length > 0 ? [text([t.t('board-rules.heading'), ...warnings].join('\n'))] : []),
    ];
  },
});
