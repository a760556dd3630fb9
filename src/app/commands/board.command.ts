import { z } from 'zod';
import { boardOf } from '../../domain/organisation';
import { text } from '../reply';
import { seatsCard } from './seats-card';
import { declareCommand } from './grammar/declare-command';

export const boardCommand = declareCommand({
  id: 'board',
  audience: ['anyone-registered'],
  args: z.object({}),
  async run({ org, t }, { clock }) {
    const board = boardOf(org);
    return board ? [seatsCard(org, board, t, clock.now())] : [text(t.t('board.none'))];
  },
});
