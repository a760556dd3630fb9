import type { Meeting } from '../../domain/meeting';
import type { Translator } from '../../i18n/catalogue';
import { card } from '../reply';
import type { Reply } from '../reply';

/** The form behind `ny sak`: the next free case number is given when it is added. */
export function agendaItemForm(t: Translator, meeting: Meeting, notice = '', title = ''): Reply {
  return card('agenda-item-form', {
    heading: t.t('agenda.form.heading', { id: meeting.id, title: meeting.title }),
    notice,
    title,
    meetingId: meeting.id,
    version: meeting.version,
    lang: t.locale,
    labels: Object.fromEntries(['title', 'background', 'proposal', 'inMeeting', 'add', 'required'].map((k) => [k, t.t(`agenda.form.${k}`)])),
  });
}
