import { findBody } from '../../domain/organisation';
import { text } from '../reply';
import type { Command } from './command';
import { seatsCard } from './seats-card';

export const membersCommand: Command = {
  id: 'members',
  audience: ['anyone-registered'],
  takesArgument: true,
  async run({ org, t, args }, { clock }) {
    const bodies = org.bodies.map((b) => b.name).join(', ');
    if (args.trim() === '') return [text(t.t('members.which', { usage: t.t('command.members.usage'), bodies }))];
    const body = findBody(org, args);
    if (!body) return [text(t.t('members.unknown-body', { name: args.trim(), bodies }))];
    return [seatsCard(org, body, t, clock.now())];
  },
};
