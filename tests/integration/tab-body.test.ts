import { describe, expect, it } from 'vitest';
import { seedBodyHistory } from '../fixtures/tab-seed';
import { tabUnderTest } from '../fixtures/tab-under-test';

// The channel tab of a body (issue 11): its meetings, its decisions and its documents.
const tab = tabUnderTest({ seed: seedBodyHistory });
const { call } = tab;

describe("a body's channel tab", () => {
  it('offers every body to the settings page, by name', async () => {
    const { status, body } = await call('respondent', 'bodies');
    expect(status).toBe(200);
    expect(body.bodies).toContainEqual({ id: 'styret', name: 'Samarbeidsstyret' });
    expect(body.bodies).toContainEqual({ id: 'osu', name: 'Overordnet samarbeidsutvalg' });
  });

  it("shows the board's meetings: the planned one to come, the held one before", async () => {
    const { status, body } = await call('board-member', 'bodies/styret');
    expect(status).toBe(200);
    expect(body).toMatchObject({ bodyId: 'styret', name: 'Samarbeidsstyret' });
    expect(body.upcoming).toEqual([
      expect.objectContaining({ meetingId: tab.seed.meetingId, title: 'Styremøte', state: 'planned', cases: 2 }),
    ]);
    expect(body.earlier.map((m: { meetingId: string }) => m.meetingId)).toEqual(['M2STY']);
    expect(body.earlier[0]).toMatchObject({ state: 'held', start: '2026-03-10T08:00:00Z' });
  });

  it('lists its decisions from the register with follow-up status, never another body’s', async () => {
    const { body } = await call('respondent', 'bodies/styret');
    expect(body.decisions.found).toBe(2);
    expect(body.decisions.entries.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['7/2026', '6/2026']);
    expect(body.decisions.entries[1]).toMatchObject({
      title: 'Handlingsplan 2026',
      decision: 'Styret vedtar handlingsplanen for 2026.',
      approved: true,
      followUp: { state: 'overdue', open: 1, overdue: 1, done: 0 },
    });
    expect(body.decisions.entries[0].followUp).toMatchObject({ state: 'none' });
    expect(JSON.stringify(body)).not.toContain('OSU ber partene');
    const osu = await call('respondent', 'bodies/osu');
    expect(osu.body.decisions.entries.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(['12/2026']);
  });

  it('searches its decisions by words and by case number, as vedtak does; another body named widens nothing', async () => {
    const words = await call('respondent', `bodies/styret?q=${encodeURIComponent('kontingent')}`);
    expect(words.body.decisions.found).toBe(1);
    expect(words.body.decisions.entries[0].decision).toBe('Kontingenten er kr 3,50 per innbygger.');
    const number = await call('respondent', `bodies/styret?q=${encodeURIComponent('6/2026')}`);
    expect(number.body.decisions.entries.map((d: { title: string }) => d.title)).toEqual(['Handlingsplan 2026']);
    const other = await call('respondent', `bodies/styret?q=${encodeURIComponent('osu rutine')}`);
    expect(other.body.decisions.found).toBe(0);
    const nothing = await call('respondent', `bodies/styret?q=${encodeURIComponent('legevakt')}`);
    expect(nothing.body.decisions).toEqual({ found: 0, entries: [] });
  });

  it('links its documents in the library and on the cases, never a local file', async () => {
    const { body } = await call('respondent', 'bodies/styret');
    expect(body.documents).toEqual([
      expect.objectContaining({
        meetingId: 'M2STY',
        kind: 'minutes',
        url: 'https://example.sharepoint.com/Samrad/protokoll.docx',
      }),
      expect.objectContaining({
        meetingId: 'M2STY',
        kind: 'case',
        title: 'Handlingsplan 2026 (PDF)',
        caseNumber: '6/2026',
        url: 'https://example.org/handlingsplan.pdf',
      }),
    ]);
    expect(JSON.stringify(body.documents)).not.toContain('file:');
  });

  it('is 404 for a body the organisation does not have, 403 for a stranger and 401 without a token', async () => {
    expect((await call('coordinator', 'bodies/nobody')).status).toBe(404);
    const stranger = await call('stranger', 'bodies/styret');
    expect(stranger.status).toBe(403);
    expect(JSON.stringify(stranger.body)).not.toContain('Styret vedtar');
    expect((await call(undefined, 'bodies/styret')).status).toBe(401);
    expect((await call(undefined, 'bodies')).status).toBe(401);
  });
});
