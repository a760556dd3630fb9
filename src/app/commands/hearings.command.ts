import { z } from 'zod';
import { hearingResponses, openHearings } from '../hearings/hearing-records';
import { progressLine } from '../hearings/hearing-status';
import { formatDateTime } from '../../i18n/dates';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';

/** `høringer`: the open hearings, nearest deadline first, each with "17 av 26 har svart". */
export const hearingsCommand = declareCommand({
  id: 'hearings',
  audience: ['coordinator', 'member', 'respondent'],
  args: z.object({}),
  inMenu: false,
  async run({ t }, { store }) {
    const open = await openHearings(store);
    if (open.length === 0) return [text(t.t('hearings.none'))];
    const lines = await Promise.all(
      open.map(async ({ value: h }) =>
        t.t('hearings.line', {
          id: h.id,
          title: h.title,
          progress: progressLine(h, await hearingResponses(store, h.id), t),
          deadline: formatDateTime(new Date(h.internalDeadline), t.locale),
        }),
      ),
    );
    return [text([t.t('hearings.heading'), ...lines].join('\n\n'))];
  },
});
