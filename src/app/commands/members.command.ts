import { z } from 'zod';
import { findBody } from '../../domain/organisation';
import { text } from '../reply';
import { seatsCard } from './seats-card';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

export const membersCommand = declareCommand({
  id: 'members',
  audience: ['anyone-registered'],
  args: z.object({ body: arg.bodyOptional() }),
  async run({ org, t, input }, { clock }) {
    const bodies = org.bodies.map((b) => b.name).join(', ');
    if (!input.body) return [text(t.t('members.which', { usage: t.t('command.members.usage'), bodies }))];
    const body = findBody(org, input.body);
    if (!body) return [text(t.t('members.unknown-body', { name: input.body, bodies }))];
    return [seatsCard(org, body, t, clock.now())];
  },
});
