import { z } from 'zod';
import { boardCheckLines } from '../board/board-check';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';

/** `sjekk styret`: the board against the agreement's rules, as warnings, and what needs doing soon. */
export const boardRulesCommand = declareCommand({
  id: 'board-rules',
  audience: ['coordinator', 'board-member'],
  args: z.object({}),
  inMenu: false,
  async run({ org, t }, { store, clock }) {
    const lines = await boardCheckLines(store, org, t, clock.now());
    if (lines.length === 0) return [text(t.t('board-rules.all-well'))];
    return [text([t.t('board-rules.heading'), ...lines.map((l) => `- ${l}`)].join('\n'))];
  },
});
