import { z } from 'zod';
import { bodyName } from '../../domain/organisation';
import type { Meeting } from '../../domain/meeting';
import { formatDateTime } from '../../i18n/dates';
import { MEETINGS } from '../meetings/meeting-records';
import { loadPreMeeting } from '../meetings/announcement-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';

/** Upcoming meetings, soonest first: what `saksliste <id>` and `meld forfall <id>` name. */
export const meetingsCommand = declareCommand({
  id: 'meetings',
  audience: ['anyone-registered'],
  args: z.object({}),
  async run({ actor, org, t }, { store, clock }) {
    const now = clock.now().getTime();
    const upcoming = (await store.find<Meeting>(MEETINGS))
      .map((r) => r.value)
      .filter((m) => m.state === 'planned' && Date.parse(m.end) > now)
      .sort((a, b) => a.start.localeCompare(b.start));
    if (upcoming.length === 0)
      return [text(t.t(actor.roles.has('coordinator') ? 'meetings.none-coordinator' : 'meetings.none'))];
    const lines = await Promise.all(
      upcoming.map(async (m) => {
        const line = t.t('meetings.line', {
          id: m.id,
          body: bodyName(org, m.bodyId),
          title: m.title,
          when: formatDateTime(new Date(m.start), t.locale),
        });
        // The formøte is where the municipalities agree: as easy to find as the meeting.
        const pre = await loadPreMeeting(store, m.id);
        return pre?.state === 'planned'
          ? t.t('meetings.line.pre-meeting', { line, when: formatDateTime(new Date(pre.start), t.locale) })
          : line;
      }),
    );
    return [text([t.t('meetings.heading'), ...lines].join('\n\n'))];
  },
});
