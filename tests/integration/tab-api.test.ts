import { describe, expect, it, vi } from 'vitest';
import { TabService } from '../../src/app/my-work/tab-service';
import { JOBS, failedWith, newJob } from '../../src/app/scheduling/job';
import { jobRef } from '../../src/app/scheduling/job-ref';
import { tabUnderTest } from '../fixtures/tab-under-test';

const tab = tabUnderTest();
const { call, tokenFor } = tab;

describe('the tab API', () => {
  it('refuses a request without a valid token, and a token whose signature was changed', async () => {
    expect((await call(undefined, 'me')).status).toBe(401);
    const token = await tokenFor('respondent');
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await call(undefined, 'me', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const otherPerson = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p!, 'base64url').toString()),
        oid: '6f1c2a4e-1b2c-4d3e-8f40-000000000001',
      }),
    ).toString('base64url');
    expect(
      (await call(undefined, 'me', { headers: { authorization: `Bearer ${h}.${otherPerson}.${token.split('.')[2]}` } }))
        .status,
    ).toBe(401);
  });

  it('knows the person as the bot does, and tells a stranger whom to ask', async () => {
    expect((await call('respondent', 'me')).body).toMatchObject({ memberId: 'marit-kvam', name: 'Marit Kvam' });
    const stranger = await call('stranger', 'me');
    expect(stranger.status).toBe(403);
    expect(stranger.body.message).toContain('Ingrid Haugen');
  });

  it("lists the respondent's work soonest first: input, the hearing, the vote", async () => {
    const { body } = await call('respondent', 'my-work');
    const kinds = body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['input', 'hearing', 'vote']);
    expect(body.items[0]).toMatchObject({ meetingId: tab.seed.meetingId, municipalityName: 'Gol', status: 'none' });
    expect(body.items[0].cases.map((c: { title: string }) => c.title)).toEqual(['Handlingsplan 2027', 'Budsjett 2027']);
    expect(body.items[1]).toMatchObject({ hearingId: tab.seed.hearingId, municipality: '3324' });
    expect(body.items[2]).toMatchObject({ voteId: tab.seed.voteId });
  });

  it('the dashboard is for coordinators only', async () => {
    expect((await call('respondent', 'dashboard')).status).toBe(403);
    const { status, body } = await call('coordinator', 'dashboard');
    expect(status).toBe(200);
    expect(body.meetings[0]).toMatchObject({ meetingId: tab.seed.meetingId, input: { asked: 21, answered: 0 } });
    expect(body.hearings[0].hearingId).toBe(tab.seed.hearingId);
    expect(body.votes[0]).toMatchObject({ voteId: tab.seed.voteId, cast: 0 });
  });

  it('names the standing minutes-approval item from the catalogue, in the reader’s language, not by its number alone', async () => {
    const agenda = async (lang: string) =>
      (await call('coordinator', 'dashboard', { headers: { 'accept-language': lang } })).body.meetings[0].agenda;
    expect((await agenda('nb'))[0]).toEqual({
      itemId: `${tab.seed.meetingId}:minutes-approval`,
      caseNumber: '1/2026',
      title: 'Godkjenning av protokoll fra forrige møte',
    });
    expect((await agenda('en'))[0].title).toBe('Approval of the minutes of the previous meeting');
    expect((await agenda('nb')).slice(1).map((c: { title: string }) => c.title)).toEqual([
      'Handlingsplan 2027',
      'Budsjett 2027',
    ]);
  });

  it('input given in the tab goes through the card action: refused without every position, then counted, and the matrix and its eTag change', async () => {
    const before = await call('coordinator', 'dashboard');
    // The 304 comes from version stamps: the view is not built to find that nothing changed.
    const built = vi.spyOn(TabService.prototype, 'dashboard');
    const unchanged = await call('coordinator', 'dashboard', { headers: { 'if-none-match': before.etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.etag).toBe(before.etag);
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
    const item = (await call('respondent', 'my-work')).body.items[0];
    const base = { meetingId: item.meetingId, version: item.meetingVersion, municipality: item.municipality };
    const refused = await call('respondent', 'actions/input.submit', {
      method: 'POST',
      body: { ...base, 'position-0': 'support', actionId: 'a1' },
    });
    expect(refused.status).toBe(200);
    expect((await call('respondent', 'my-work')).body.items[0].kind).toBe('input'); // nothing counted
    const given = await call('respondent', 'actions/input.submit', {
      method: 'POST',
      body: {
        ...base,
        'position-0': 'support',
        'position-1': 'against',
        'text-1': 'For dyrt for små kommuner',
        actionId: 'a2',
      },
    });
    expect(given.body.notice).not.toBe(refused.body.notice);
    expect((await call('respondent', 'my-work')).body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'hearing',
      'vote',
    ]);
    const after = await call('coordinator', 'dashboard', { headers: { 'if-none-match': before.etag } });
    expect(after.status).toBe(200);
    const gol = after.body.meetings[0].input.rows.find((r: { name: string }) => r.name === 'Gol');
    expect(gol).toMatchObject({
      state: 'submitted',
      cells: [{ position: 'support' }, { position: 'against', text: 'For dyrt for små kommuner' }],
    });
  });

  it('a vote cast in the tab is the same ballot as from the card, once per idempotency key', async () => {
    const vote = (await call('board-member', 'my-work')).body.items.find((i: { kind: string }) => i.kind === 'vote');
    const body = { voteId: vote.voteId, option: 'for', voterKey: vote.voterKey, actionId: 'same-press' };
    const before = (await call('coordinator', 'dashboard')).etag;
    await call('board-member', 'actions/vote.cast', { method: 'POST', body });
    // A ballot changes the ballot box only: its stamp changes the dashboard's eTag.
    expect((await call('coordinator', 'dashboard', { headers: { 'if-none-match': before } })).status).toBe(200);
    await call('board-member', 'actions/vote.cast', { method: 'POST', body });
    expect((await call('coordinator', 'dashboard')).body.votes[0].cast).toBe(1);
    expect((await call('board-member', 'my-work')).body.items.some((i: { kind: string }) => i.kind === 'vote')).toBe(
      false,
    );
  });

  it('only the listed actions run, and commands keep their audience', async () => {
    expect(
      // Editing the minutes is the coordinator's card's, never the tab's.
      (
        await call('coordinator', 'actions/minutes.edit', {
          method: 'POST',
          body: { meetingId: tab.seed.meetingId },
        })
      ).status,
    ).toBe(404);
    // A listed action still keeps its card's audience.
    expect(
      (await call('respondent', 'actions/meeting.create', { method: 'POST', body: { body: 'styret', title: 'X' } }))
        .status,
    ).toBe(403);
    expect(
      (await call('respondent', 'commands/request-input', { method: 'POST', body: { target: tab.seed.meetingId } }))
        .status,
    ).toBe(403);
    const compiled = await call('coordinator', 'commands/compile-hearing', {
      method: 'POST',
      body: { target: tab.seed.hearingId },
    });
    expect(compiled.status).toBe(200);
    expect(compiled.body.links.docx).toContain(`/exports/${tab.seed.hearingId}/uttalelse.docx`);
  });

  it('a body that is not JSON is a 400 and loses nothing', async () => {
    const token = await tokenFor('respondent');
    const res = await fetch(`${tab.origin}/tab/api/actions/input.save`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('the coordinator tries a failed job again from the dashboard without typing its id; a member may not', async () => {
    const at = new Date('2026-11-23T09:00:00Z');
    const id = 'vote-close:TEST1:late';
    await tab.bot.samrad.store.create(
      JOBS,
      id,
      failedWith(
        newJob({ id, kind: 'vote.close-at-deadline', dueAt: at, payload: { voteId: 'TEST1' } }, at),
        'ECONNREFUSED',
        at,
      ),
    );
    const shown = (await call('coordinator', 'dashboard')).body.failedJobs as { ref: string }[];
    expect(shown.map((j) => j.ref)).toContain(jobRef(id));
    const target = { target: jobRef(id) };
    expect((await call('respondent', 'commands/retry-job', { body: target })).status).toBe(403);
    const retried = await call('coordinator', 'commands/retry-job', { body: target });
    expect(retried.status).toBe(200);
    expect(retried.body.notice).toContain(`Satt i kø igjen`);
    expect((await tab.bot.samrad.store.get<{ state: string }>(JOBS, id))?.value.state).toBe('pending');
    expect(
      ((await call('coordinator', 'dashboard')).body.failedJobs as { ref: string }[]).map((j) => j.ref),
    ).not.toContain(jobRef(id));
  });
});
