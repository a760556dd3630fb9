import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber, parseCaseNumber } from '../../domain/case-number';
import { foldText } from '../../domain/fold-text';
import type { Meeting } from '../../domain/meeting';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { findAgendaItem, MEETINGS } from '../meetings/meeting-records';
import { text } from '../reply';
import type { Reply } from '../reply';
import { echo } from './grammar/echo';
import { choiceReply } from './pick';

export interface PickedCase {
  readonly meeting: StoredRecord<Meeting>;
  readonly item: AgendaItem;
}

/** The open cases on the coming meetings' agendas, in the order of the meetings and the agenda. */
async function openCases(store: RecordStore, now: Date): Promise<PickedCase[]> {
  const coming = (await store.find<Meeting>(MEETINGS))
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.end) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start));
  return coming.flatMap((meeting) =>
    meeting.value.agenda.filter((i) => i.kind === 'case' && i.status === 'open').map((item) => ({ meeting, item })),
  );
}

export interface CasePickOptions {
  /** All the arguments as typed, to type again on each choice button with the case number in place. */
  readonly args?: string;
  /**
   * With nothing typed, only cases on meetings that have not begun are offered, and one is taken
   * without asking: for a change that is undone as easily as it is made (`flytt sak`).
   */
  readonly undoable?: boolean;
}

/**
 * The case a command names: a case number as before (any meeting), or title words among the
 * open cases of the coming meetings. Nothing typed offers every open case to choose from, even
 * one, since the command changes it (unless the change is `undoable`); title words that fit one take it.
 */
export async function pickCase(
  store: RecordStore,
  t: Translator,
  commandId: string,
  typed: string | undefined,
  now: Date,
  options: CasePickOptions = {},
): Promise<PickedCase | { reply: Reply }> {
  const ref = typed?.trim() ?? '';
  const number = ref ? parseCaseNumber(ref) : undefined;
  if (number) {
    const found = await findAgendaItem(store, number);
    return found ?? { reply: text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: echo(ref) })) };
  }
  const open = await openCases(store, now);
  const notBegun = (c: PickedCase) => !options.undoable || Date.parse(c.meeting.value.start) > now.getTime();
  const fits = ref ? open.filter((c) => foldText(c.item.title).includes(foldText(ref))) : open.filter(notBegun);
  if ((ref || options.undoable) && fits.length === 1) return fits[0]!;
  if (fits.length === 0)
    return {
      reply: text(ref ? t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: echo(ref) }) : t.t('pick.case.none')),
    };
  const candidates = fits.map((c) => ({
    id: formatCaseNumber(c.item.caseNumber),
    title: `${c.item.title} · ${c.meeting.value.title}`,
  }));
  const question = ref ? t.t('pick.case.several', { ref: echo(ref) }) : t.t('pick.case.which');
  const args = options.args?.trim().split(/\s+/).join(' ') ?? ref;
  return { reply: choiceReply(t, question, commandId, candidates, ref || undefined, args) };
}
