import { z } from 'zod';
import { foldText } from '../../domain/fold-text';
import { seatsOf } from '../../domain/organisation';

import { card } from '../reply';
import { seatSummary } from './seats-card';
import { declareCommand } from './grammar/declare-command';
import { osloDate } from '../../domain/oslo-time';

const kindUnlessNamed = (name: string, kind: string): string => {
  const [n, k] = [foldText(name), foldText(kind)];
  return n.includes(k) || k.includes(n) ? '' : kind;
};

export const bodiesCommand = declareCommand({
  id: 'bodies',
  audience: ['anyone-registered'],
  args: z.object({}),
  inMenu: false,
  async run({ org, t }, { clock }) {
    const today = osloDate(clock.now());
    return [
      card('bodies', {
        title: t.t('bodies.title'),
        hint: t.t('bodies.hint', { usage: t.t('command.members.usage') }),
        bodies: org.bodies.map((b) => ({
          name: b.name,
          // "Overordnet samarbeidsutvalg" need not be told it is one; "LSU Bærum" is told what LSU is.
          detail: [kindUnlessNamed(b.name, t.t(`body.${b.kind}`)), seatSummary(t, seatsOf(org, b.id, today))]
            .filter(Boolean)
            .join(' · '),
        })),
      }),
    ];
  },
});
