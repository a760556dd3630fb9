import { withdrawItem } from '../../domain/agenda';
import { parseCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import { isStoreError } from '../../ports/record-store';
import { scheduleAnnouncement } from '../meetings/announce-meeting';
import { findCase, MEETINGS } from '../meetings/meeting-records';
import { meetingCard } from '../meetings/meeting-view';
import { text } from '../reply';
import type { Command } from './command';

/** `trekk sak 12/2026`: the case keeps its number and place, marked withdrawn. */
export const withdrawCaseCommand: Command = {
  id: 'withdraw-case',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { store, scheduler, clock }) {
    const number = parseCaseNumber(args);
    if (!number) return [text(t.t('agenda.which-case', { usage: t.t('command.withdraw-case.usage') }))];
    const found = await findCase(store, number);
    if (!found) return [text(t.t('error.AGENDA.UNKNOWN_CASE', { caseNumber: args.trim() }))];
    const withdrawn = withdrawItem(found.meeting.value, found.item.id);
    if (!withdrawn.ok) return [text(t.t(`error.${withdrawn.error.code}`, withdrawn.error.params as Record<string, string>))];
    try {
      await store.replace<Meeting>(MEETINGS, found.meeting.id, withdrawn.value, found.meeting.etag);
    } catch (e) {
      if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) return [text(t.t('error.MEETING.CHANGED'))];
      throw e;
    }
    await scheduleAnnouncement(scheduler, withdrawn.value, 'agenda', clock.now());
    return [meetingCard(org, t, withdrawn.value)];
  },
};
