import type { CardAction } from '../card-action';
import { text } from '../reply';
import { meetingForm } from './meeting-form';

const FILLED = ['body', 'date', 'startTime', 'endTime'] as const;

/** A proposed time's button: the `nytt møte` form, filled in with the body and the time. */
export function timeSuggestionActions(): CardAction[] {
  return [
    {
      verb: 'meeting.form',
      audience: ['coordinator'],
      refuse: async (ctx) => ({ respond: text(ctx.t.t('error.MEETING.NOT_ALLOWED')) }),
      async run(ctx) {
        const prefill = Object.fromEntries(
          FILLED.flatMap((k) => (typeof ctx.data[k] === 'string' ? [[k, ctx.data[k]]] : [])),
        );
        // The card turns into the form for the one who pressed, as `nytt møte` shows it.
        return { respond: meetingForm(ctx.org, ctx.t, prefill) };
      },
    },
  ];
}
