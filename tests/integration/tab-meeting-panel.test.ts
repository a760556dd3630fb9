import { beforeAll, describe, expect, it } from 'vitest';
import { upsert } from '../../src/ports/record-store';
import { people } from '../fixtures/activities';
import { press } from '../fixtures/tab-seed';
import { tabUnderTest } from '../fixtures/tab-under-test';

const tab = tabUnderTest();
const { call } = tab;

describe('the meeting side panel: the agenda with input, and the chair opens the vote', () => {
  it("shows the person's meeting with each case's input summary; only the chair is offered to open a vote", async () => {
    const chair = (await call('board-member', 'meeting')).body.agenda;
    expect(chair).toMatchObject({ meetingId: tab.seed.meetingId, mayOpenVote: true });
    expect(chair.cases.map((c: { title: string }) => c.title)).toEqual(['Handlingsplan 2027', 'Budsjett 2027']);
    expect(chair.cases[0].input).toMatchObject({ notAnswered: 21, counts: { support: 0, against: 0 } });
    const member = (await call('respondent', 'meeting')).body.agenda;
    expect(member.meetingId).toBe(tab.seed.meetingId);
    expect(member.mayOpenVote).toBe(false);
  });

  it('counts input as it arrives', async () => {
    const item = (await call('respondent', 'my-work')).body.items.find((i: { kind: string }) => i.kind === 'input');
    await call('respondent', 'actions/input.submit', {
      body: {
        meetingId: item.meetingId,
        version: item.meetingVersion,
        municipality: item.municipality,
        'position-0': 'against',
        'position-1': 'support',
        actionId: 'in-1',
      },
    });
    const cases = (await call('board-member', 'meeting')).body.agenda.cases;
    expect(cases[0].input).toMatchObject({ notAnswered: 20, counts: { against: 1 }, majority: 'against' });
  });

  it("a member may not open the vote; the chair opens it on the case through the card's vote.open, and it runs in the panel", async () => {
    const ref = (await call('board-member', 'meeting')).body.agenda.cases[1].ref;
    const refused = await call('respondent', 'actions/vote.open', {
      body: { case: ref, title: '', body: '', actionId: 'v0' },
    });
    expect(refused.status).toBe(403);
    const opened = await call('board-member', 'actions/vote.open', {
      body: { case: ref, title: '', body: '', actionId: 'v1' },
    });
    expect(opened.status).toBe(200);
    const votes = (await call('respondent', 'meeting')).body.votes;
    const vote = votes.find((v: { title: string }) => v.title === 'Budsjett 2027');
    expect(vote).toMatchObject({ state: 'open', caseNumber: expect.stringMatching(/\/2026$/) });
    expect(vote.castable.length).toBe(1);
  });
});

describe('the side panel finds the Samråd meeting from the Teams meeting it runs in', () => {
  const thread = '19:meeting_U2FtcmFkVEVTVA@thread.v2';
  const preThread = '19:meeting_Rm9ybW90ZVRFU1Q@thread.v2';
  const join = (t: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(t)}/0?context=%7b%7d`;
  let laterId = '';

  beforeAll(async () => {
    // A second board meeting, a week after the first: the person's "next meeting" stays the first.
    const created = await press(tab.bot, people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Ekstraordinært styremøte',
      date: '2026-12-17',
      startTime: '10:00',
      endTime: '11:00',
      online: 'true',
    });
    laterId = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    await press(tab.bot, people.coordinator, 'agenda.add', {
      meetingId: laterId,
      title: 'Ny daglig leder',
      proposal: 'Styret ansetter.',
    });
    // As the calendar leaves it when Samråd schedules the Teams meeting and its formøte.
    for (const [key, url] of [
      [`meeting:${laterId}`, join(thread)],
      [`pre-meeting:${laterId}`, join(preThread)],
    ] as const)
      await upsert(tab.bot.samrad.store, 'meetingEvents', key, (current: object | undefined) => ({
        eventId: `event-${key}`,
        webLink: 'https://outlook.office.com/x',
        ...current,
        joinUrl: url,
      }));
  });

  it("shows the meeting whose Teams meeting it is, by the chat id or teams-js's meeting id, not the next one", async () => {
    const byChat = (await call('board-member', `meeting?chat=${encodeURIComponent(thread)}`)).body.agenda;
    expect(byChat).toMatchObject({ meetingId: laterId, found: 'teams-meeting', title: 'Ekstraordinært styremøte' });
    expect(byChat.cases.map((c: { title: string }) => c.title)).toEqual(['Ny daglig leder']);
    const meetingId = Buffer.from(`0#${thread}#0`).toString('base64');
    const byId = (await call('board-member', `meeting?meeting=${encodeURIComponent(meetingId)}`)).body.agenda;
    expect(byId).toMatchObject({ meetingId: laterId, found: 'teams-meeting' });
    const inPreMeeting = (await call('respondent', `meeting?chat=${encodeURIComponent(preThread)}`)).body.agenda;
    expect(inPreMeeting).toMatchObject({ meetingId: laterId, found: 'teams-meeting' });
  });

  it("falls back to the person's next meeting only when no Samråd meeting is that Teams meeting", async () => {
    const none = (await call('board-member', 'meeting')).body.agenda;
    expect(none).toMatchObject({ meetingId: tab.seed.meetingId, found: 'next' });
    const other = (await call('board-member', `meeting?chat=${encodeURIComponent('19:meeting_T3RoZXI@thread.v2')}`))
      .body.agenda;
    expect(other).toMatchObject({ meetingId: tab.seed.meetingId, found: 'next' });
    const notAMeeting = (await call('board-member', `meeting?chat=${encodeURIComponent('19:abc@thread.tacv2')}`)).body
      .agenda;
    expect(notAMeeting).toMatchObject({ meetingId: tab.seed.meetingId, found: 'next' });
  });

  it("shows only that meeting's votes, and those on no case; another meeting's vote stays out", async () => {
    const titles = async (path: string) =>
      ((await call('board-member', path)).body.votes as { title: string }[]).map((v) => v.title);
    const everywhere = await titles('meeting');
    expect(everywhere).toEqual(expect.arrayContaining(['Budsjett 2027', 'Årsmelding 2026']));
    const here = await titles(`meeting?chat=${encodeURIComponent(thread)}`);
    expect(here).toContain('Årsmelding 2026');
    expect(here).not.toContain('Budsjett 2027');
  });
});
