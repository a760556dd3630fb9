import { mayUse } from '../../domain/role';
import { card } from '../reply';
import type { Command } from './command';
import { commandTable } from './command-table';
import { describeRoles } from './describe-roles';

/** Lists what this person may do in their roles, and nothing else. */
export const helpCommand: Command = {
  id: 'help',
  audience: ['anyone-registered'],
  takesArgument: false,
  async run({ actor, t }) {
    const commands = commandTable()
      .filter((c) => mayUse(actor.roles, c.audience))
      .map((c) => ({ usage: t.t(`command.${c.id}.usage`), description: t.t(`command.${c.id}.description`) }));
    return [
      card('help', {
        title: t.t('help.title'),
        greeting: t.t('help.greeting', { name: actor.member.name, roles: describeRoles(actor.roles, t) }),
        commands,
        footer: t.t('help.footer'),
      }),
    ];
  },
};
