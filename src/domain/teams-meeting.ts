/**
 * Which Teams meeting a tab runs in, in the terms Samråd stored when it scheduled the meeting.
 * A Teams meeting is one chat thread (`19:meeting_…@thread.v2`): teams-js gives it as the chat
 * id in a meeting's side panel and stage; its meeting id is that thread in base64
 * (`0#19:meeting_…@thread.v2#0`); and the join link the calendar event got
 * (`https://teams.microsoft.com/l/meetup-join/<thread>/0?context=…`) holds it URL-encoded.
 */
const THREAD = /^19:meeting_[A-Za-z0-9_=-]+@thread\.(?:v2|skype)$/;

export const isMeetingThread = (s: string): boolean => THREAD.test(s);

/** The thread a join link names, if it is a Teams meeting's join link. */
export function threadOfJoinUrl(joinUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return undefined;
  }
  const segment = /^\/l\/meetup-join\/([^/]+)/.exec(url.pathname)?.[1];
  if (!segment) return undefined;
  try {
    const thread = decodeURIComponent(segment);
    return THREAD.test(thread) ? thread : undefined;
  } catch {
    return undefined;
  }
}

/** The thread in teams-js's meeting id (base64 of `0#<thread>#0`), if it is one. */
export function threadOfMeetingId(meetingId: string): string | undefined {
  if (!/^[A-Za-z0-9+/=_-]{16,400}$/.test(meetingId)) return undefined;
  let decoded: string;
  try {
    decoded = atob(meetingId.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const thread = /^\d+#([^#]+)#\d+$/.exec(decoded)?.[1];
  return thread && THREAD.test(thread) ? thread : undefined;
}

/**
 * The Teams meeting's thread from what the tab says: the chat id when it is a meeting's thread,
 * else the thread in the meeting id. Anything else names no Teams meeting.
 */
export function teamsMeetingThread(given: {
  readonly chatId?: string;
  readonly meetingId?: string;
}): string | undefined {
  if (given.chatId && THREAD.test(given.chatId)) return given.chatId;
  return given.meetingId ? threadOfMeetingId(given.meetingId) : undefined;
}
