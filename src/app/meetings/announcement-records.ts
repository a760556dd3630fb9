import type { PreMeeting } from '../../domain/pre-meeting';
import type { RecordStore } from '../../ports/record-store';

/*
 * What a meeting's announcement leaves behind: its formøte, the calendar events made for
 * both, the channel each body's notices go to, and the notice posted there (to update it).
 */
export const PRE_MEETINGS = 'preMeetings';
export const MEETING_EVENTS = 'meetingEvents';
export const BODY_CHANNELS = 'bodyChannels';
export const MEETING_NOTICES = 'meetingNotices';

/** Keyed by the calendar idempotency key (`meeting:<id>`, `pre-meeting:<id>`). */
export interface MeetingEventRecord {
  readonly eventId: string;
  readonly webLink: string;
  readonly joinUrl?: string;
}

export interface BodyChannel {
  readonly bodyId: string;
  readonly conversationId: string;
  readonly linkedBy: string;
  readonly at: string;
}

/** Keyed by meeting id. */
export interface MeetingNotice {
  readonly meetingId: string;
  readonly conversationId: string;
  readonly activityId: string;
}

export async function loadPreMeeting(store: RecordStore, meetingId: string): Promise<PreMeeting | undefined> {
  return (await store.get<PreMeeting>(PRE_MEETINGS, meetingId))?.value;
}

/**
 * The secretariat's own channel (hearing notices), kept beside the bodies' channels under an id
 * no body can have (organisation ids start with a letter or digit).
 */
export const SECRETARIAT_CHANNEL = '-secretariat-';

export async function bodyChannel(store: RecordStore, bodyId: string): Promise<BodyChannel | undefined> {
  return (await store.get<BodyChannel>(BODY_CHANNELS, bodyId))?.value;
}
