import type { Meeting } from '../../domain/meeting';
import type { Translator } from '../../i18n/catalogue';
import type { StoredRecord } from '../../ports/record-store';
import { card } from '../reply';
import type { Reply } from '../reply';
import { echo } from './grammar/echo';
import { argLabel } from './grammar/usage';
import { MAX_RETYPED, meetingCandidate } from './pick';

/** Words at the front of free text that fit a coming meeting's title, with no colon to say so. */
export interface MeetingOrText {
  /** The words that may name a meeting, and the text after them. */
  readonly ref: string;
  readonly rest: string;
  /** The whole text, as it would be if the words named no meeting. */
  readonly whole: string;
  /** The meetings the words fit, and the ones meant if they are part of the text. */
  readonly named: readonly StoredRecord<Meeting>[];
  readonly others: readonly StoredRecord<Meeting>[];
}

/**
 * "meld forfall januar Syk": the January meeting, or the next one with the reason "januar Syk"?
 * Guessing could record an absence for the wrong meeting, so the person chooses; each button
 * types the command again with the meeting's id, and the question shows how to name it with a colon.
 */
export function meetingOrTextReply(t: Translator, commandId: string, textArg: string, which: MeetingOrText): Reply {
  const name = t.t(`command.${commandId}.name`);
  const label = argLabel(t, commandId, textArg, 'text');
  const choice = (m: StoredRecord<Meeting>, text: string) => ({
    title: `${meetingCandidate(t)(m).title} · ${label}: ${text ? echo(text) : '–'}`,
    // What was typed rides on the button: a long text would make the card too large for Teams.
    value: [...text].length > MAX_RETYPED ? `${name} ${m.id}` : `${name} ${m.id} ${text}`.trim(),
  });
  const question = t.t('pick.meeting.or-text', {
    ref: echo(which.ref),
    arg: label,
    example: echo(`${name} ${which.ref}: ${which.rest}`),
  });
  return card('choose', {
    question,
    choices: [
      ...which.named.map((m) => choice(m, which.rest)),
      ...which.others.map((m) => choice(m, which.whole)),
    ].slice(0, 10),
  });
}
