import { expect } from 'vitest';
import { people } from '../fixtures/activities';
import { settleJobs, type Harness } from './harness';

/** What the hostile cases aim at: a meeting with a case, an open and a closed vote, a hearing. */
export interface Targets {
  meetingId: string;
  openVote: string;
  closedVote: string;
  hearingId: string;
}

const channel = { kind: 'channel' as const };

export async function createTargets(h: Harness): Promise<Targets> {
  const created = await h.press(people.coordinator, 'meeting.create', {
    body: 'styret',
    title: 'Styremøte',
    date: '2026-12-10',
    startTime: '10:00',
    endTime: '12:00',
    online: 'true',
  });
  const meetingId = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created.text)?.[1] ?? '';
  expect(meetingId).not.toBe('');
  await h.press(people.coordinator, 'agenda.add', {
    meetingId,
    title: 'Handlingsplan 2027',
    proposal: 'Styret vedtar handlingsplanen.',
  });
  const asked = await h.say(people.coordinator, `be om innspill ${meetingId} frist 2026-12-08 12:00`);
  expect(asked.text).toContain('med frist 08.12.2026 kl. 12.00');
  const vote = async () => {
    const opened = await h.press(
      people.coordinator,
      'vote.open',
      { title: 'Handlingsplan 2027', body: 'styret' },
      channel,
    );
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.text)?.[1] ?? '';
    expect(id).not.toBe('');
    return id;
  };
  const openVote = await vote();
  const closedVote = await vote();
  await h.press(people.coordinator, 'vote.close', { voteId: closedVote }, channel);
  await h.say(people.coordinator, 'hjelp', channel);
  const registered = await h.press(
    people.coordinator,
    'hearing.register',
    {
      title: 'Forslag om krav til helsefellesskap',
      issuer: 'Helse- og omsorgsdepartementet',
      externalDeadline: '2026-12-15 12:00',
      internalDeadline: '',
      documents: 'https://www.regjeringen.no/horing.pdf',
      questions: 'Er forslaget godt nok utredet?',
      municipalities: '',
      background: 'Forslaget gir kommunene nye plikter.',
      reminders: '',
    },
    channel,
  );
  const hearingId = /Høring ([A-Z0-9]{5}) er registrert/.exec(registered.text)?.[1] ?? '';
  expect(hearingId).not.toBe('');
  await drainJobs(h);
  return { meetingId, openVote, closedVote, hearingId };
}

/** Runs every job that is due (announcements, hearing cards), so no case sees them run in its time. */
export const drainJobs = (h: Harness): Promise<void> => settleJobs(h.bot);
