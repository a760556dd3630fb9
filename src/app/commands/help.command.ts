import { z } from 'zod';
import { mayUse } from '../../domain/role';
import { card } from '../reply';
import type { Command } from './command';
import { areaOf, commandAreas } from './command-areas';
import { describeRoles } from './describe-roles';
import { usageText } from './grammar/usage';
import { declareCommand } from './grammar/declare-command';

/** Lists what this person may do in their roles, and nothing else, grouped by area. */
export const helpCommandOver = (commandTable: () => readonly Command[]): Command =>
  declareCommand({
    id: 'help',
    audience: ['anyone-registered'],
    args: z.object({}),
    async run({ actor, t }) {
      const mine = commandTable().filter((c) => c.id !== 'help' && mayUse(actor.roles, c.audience));
      const groups = commandAreas
        .map((area) => ({
          heading: t.t(`help.area.${area}`),
          commands: mine
            .filter((c) => areaOf(c.id) === area)
            .map((c) => ({
              // A declared command's usage comes from its schema, as its refusals do.
              usage: c.args ? usageText(t, c.id, c.args) : t.t(`command.${c.id}.usage`),
              description: t.t(`command.${c.id}.description`),
            })),
        }))
        .filter((g) => g.commands.length > 0);
      return [
        card('help', {
          title: t.t('help.title'),
          greeting: t.t('help.greeting', { name: actor.member.name, roles: describeRoles(actor.roles, t) }),
          groups,
          footer: t.t('help.footer'),
        }),
      ];
    },
  });
