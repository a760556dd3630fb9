import { describe, expect, it } from 'vitest';
import { teamsMeetingThread, threadOfJoinUrl, threadOfMeetingId } from '../../../src/domain/teams-meeting';

const thread = '19:meeting_NjY4MWE3ZjAtZTQ0Ny00ZDI0LWI1ZTktYWQ3@thread.v2';
// A join link as Graph gives it on an event's onlineMeeting (the thread URL-encoded, lower-case hex).
const joinUrl =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY4MWE3ZjAtZTQ0Ny00ZDI0LWI1ZTktYWQ3%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d';
// teams-js's meeting id: the thread in base64, between "0#" and "#0".
const meetingId = Buffer.from(`0#${thread}#0`).toString('base64');

describe('which Teams meeting a tab is in', () => {
  it('reads the thread from a Teams join link, and nothing from any other address', () => {
    expect(threadOfJoinUrl(joinUrl)).toBe(thread);
    expect(threadOfJoinUrl('https://teams.microsoft.com/meet/3456789012?p=abc')).toBeUndefined();
    expect(threadOfJoinUrl('https://example.org/l/meetup-join/not-a-thread/0')).toBeUndefined();
    expect(threadOfJoinUrl('not a url')).toBeUndefined();
    expect(threadOfJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeUndefined();
  });

  it("reads the thread from teams-js's meeting id, and refuses what is not one", () => {
    expect(threadOfMeetingId(meetingId)).toBe(thread);
    expect(threadOfMeetingId('local-meeting')).toBeUndefined();
    expect(threadOfMeetingId(Buffer.from('0#19:chat_x@thread.v2#0').toString('base64'))).toBeUndefined();
    expect(threadOfMeetingId('!!!!not base64 at all!!!!')).toBeUndefined();
  });

  it('takes the chat id when it is a meeting thread, else the meeting id, else nothing', () => {
    expect(teamsMeetingThread({ chatId: thread })).toBe(thread);
    expect(teamsMeetingThread({ chatId: '19:abc@thread.tacv2', meetingId })).toBe(thread);
    expect(teamsMeetingThread({ chatId: '19:abc@thread.tacv2' })).toBeUndefined();
    expect(teamsMeetingThread({})).toBeUndefined();
  });
});
