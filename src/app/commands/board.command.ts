import { boardOf } from '../../domain/organisation';
import { text } from '../reply';
import type { Command } from './command';
import { seatsCard } from './seats-card';

export const boardCommand: Command = {
  id: 'board',
  audience: ['anyone-registered'],
  takesArgument: false,
  async run({ org, t }, { clock }) {
    const board = boardOf(org);
    return board ? [seatsCard(org, board, t, clock.now())] : [text(t.t('board.none'))];
  },
};
