import { seatsOf } from '../../domain/organisation';
import { osloDate } from '../../i18n/dates';
import { card } from '../reply';
import type { Command } from './command';

export const bodiesCommand: Command = {
  id: 'bodies',
  audience: ['anyone-registered'],
  takesArgument: false,
  inMenu: false,
  async run({ org, t }, { clock }) {
    const today = osloDate(clock.now());
    return [
      card('bodies', {
        title: t.t('bodies.title'),
        hint: t.t('bodies.hint', { usage: t.t('command.members.usage') }),
        bodies: org.bodies.map((b) => ({
          name: b.name,
          kind: t.t(`body.${b.kind}`),
          members: t.t('members.summary', { count: seatsOf(org, b.id, today).length }),
        })),
      }),
    ];
  },
};
