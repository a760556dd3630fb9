import type { Meeting } from '../../domain/meeting';
import { threadOfJoinUrl } from '../../domain/teams-meeting';
import type { RecordStore } from '../../ports/record-store';
import { MEETING_EVENTS, type MeetingEventRecord } from '../meetings/announcement-records';
import { meetingEventKey, preMeetingEventKey } from '../meetings/meeting-events';

/**
 * The Samråd meeting a Teams meeting belongs to: the one whose calendar event (the meeting's or
 * its formøte's) got that Teams meeting's join link when Samråd scheduled it, or whose own join
 * link (typed on the meeting form) it is: the link holds the meeting's chat thread. Cancelled meetings are left out. Undefined when the tab names no Teams meeting or
 * none of Samråd's is it: then the side panel shows the person's next meeting.
 */
export async function meetingOfTeamsMeeting(
  store: RecordStore,
  meetings: readonly Meeting[],
  threadId: string | undefined,
): Promise<Meeting | undefined> {
  if (!threadId) return undefined;
  const events = new Map(
    (await store.find<MeetingEventRecord>(MEETING_EVENTS)).map((r) => [r.id, r.value.joinUrl] as const),
  );
  return meetings
    .filter((m) => m.state !== 'cancelled')
    .find((m) =>
      [m.joinUrl, events.get(meetingEventKey(m.id)), events.get(preMeetingEventKey(m.id))].some(
        (url) => url !== undefined && threadOfJoinUrl(url) === threadId,
      ),
    );
}
