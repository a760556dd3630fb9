import { afterEach, describe, expect, it } from 'vitest';
import { castVoteBallot } from '../../../src/app/voting/cast-vote-ballot';
import { KeyedLock } from '../../../src/app/voting/keyed-lock';
import { SealedBallotBoxes } from '../../../src/app/voting/sealed-ballot-boxes';
import { BALLOT_BOXES, VOTES, loadVote } from '../../../src/app/voting/vote-records';
import type { VoteRecord } from '../../../src/app/voting/vote-records';
import { HEARING_RESPONSES, hearingResponses, responsesId } from '../../../src/app/hearings/hearing-records';
import type { ResponseHistory } from '../../../src/app/hearings/hearing-records';
import { MINUTES, loadMinutes } from '../../../src/app/minutes/minutes-records';
import type { BallotBox } from '../../../src/domain/ballot';
import { emptyBox } from '../../../src/domain/ballot';
import type { HearingResponse } from '../../../src/domain/hearing-response';
import type { Secrecy } from '../../../src/domain/vote';
import { draftVote, openVote } from '../../../src/domain/vote';
import type { RecordStore } from '../../../src/ports/record-store';
import { isStoreError, upsert } from '../../../src/ports/record-store';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { MULTI_LINE_MAX, SINGLE_LINE_MAX } from '../../fakes/fake-graph/list-limits';
import { sharePointStoreOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

/*
 * The records that grow with use (issue 10 part 5), at their largest realistic size, on the
 * faithful fake Graph: it refuses text past SharePoint's column limits (63,999 and 255
 * characters), as SharePoint does, so each case below passing shows the store keeping it.
 */
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const now = new Date('2026-03-10T10:00:00Z');
const clock = { now: () => now };
/** Entra object ids, as castBy and voter keys are in a tenant: the longest realistic ids. */
const entraId = (i: number) => `3f2504e0-4f89-41d3-9a0c-${String(i).padStart(12, '0')}`;

/** Every item the fake holds, and the longest text in a multi-line and in a single-line column. */
function widest(): { multi: number; single: number; items: number } {
  const items = [...fake!.lists.list('SamradRecords')!.items.values()];
  // Text columns: the fake refuses anything but text (or null) in them.
  const length = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const lengths = (names: string[]) => Math.max(...items.flatMap((i) => names.map((n) => length(i.fields[n]))));
  return {
    multi: lengths(['Value', 'LongRecordId']),
    single: lengths(['Title', 'RecordKey', 'RecordId', 'FilterMeetingId', 'FilterHearingId', 'FilterState']),
    items: items.length,
  };
}

/** A vote of `voters` Entra ids opened on the store, through the domain's own open. */
async function openedVote(store: RecordStore, voters: number, secrecy: Secrecy): Promise<string> {
  const draft = draftVote({
    id: 'V356A',
    title: 'Representantskapets budsjett 2027',
    body: 'representantskapet',
    caseNumber: '12/2026',
    settings: { secrecy, changeAllowed: secrecy === 'named' },
  });
  if (!draft.ok) throw new Error(draft.error.code);
  const electorate = {
    kind: 'members' as const,
    takenOn: '2026-03-10',
    voters: Array.from({ length: voters }, (_, i) => ({
      key: entraId(i),
      casters: [entraId(i)],
      ...(i === 0 ? { chair: true } : {}),
    })),
  };
  const opened = openVote(draft.value, electorate, now);
  if (!opened.ok) throw new Error(opened.error.code);
  await store.create<VoteRecord>(VOTES, opened.value.id, { ...opened.value, openedBy: entraId(0) });
  await store.create(BALLOT_BOXES, opened.value.id, emptyBox(opened.value));
  return opened.value.id;
}

/** Every voter casts through the product's use case (the ballot batcher), 20 arriving at a time. */
async function castAll(store: RecordStore, voteId: string, voters: number, round: number, option: string) {
  const deps = { store, clock, lock: new KeyedLock() };
  for (let at = 0; at < voters; at += 20) {
    const casts = await Promise.all(
      Array.from({ length: Math.min(20, voters - at) }, (_, i) =>
        castVoteBallot(deps, {
          voteId,
          castBy: entraId(at + i),
          option,
          idempotencyKey: `invoke-${round}-${entraId(at + i)}-${'k'.repeat(40)}`,
        }),
      ),
    );
    expect(casts.every((c) => c.ok)).toBe(true);
  }
}

describe('records that grow, at their largest, on SharePoint', () => {
  it('a named vote of 356 voters, each changing their ballot once, keeps all 712 ballots', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    const voteId = await openedVote(store, 356, 'named');
    await castAll(store, voteId, 356, 1, 'for');
    await castAll(store, voteId, 356, 2, 'against');
    const loaded = await loadVote(store, voteId);
    const box = loaded!.box.value as BallotBox & { secrecy: 'named' };
    expect(box.ballots).toHaveLength(712);
    expect(box.ballots.filter((b) => b.version === 2 && b.option === 'against')).toHaveLength(356);
    // Larger than one item takes, so this passing means it was split; no item past the limits.
    expect(JSON.stringify(box).length).toBeGreaterThan(2 * MULTI_LINE_MAX);
    const { multi, single } = widest();
    expect(multi).toBeLessThanOrEqual(MULTI_LINE_MAX);
    expect(single).toBeLessThanOrEqual(SINGLE_LINE_MAX);
    expect(fake.count(undefined, undefined, (r) => r.status === 400 || r.status === 413)).toBe(0);
  });

  it('a sealed secret vote of 356 voters is split into parts that hold only ciphertext, and old parts are removed', async () => {
    fake = await FakeGraph.start();
    const store = new SealedBallotBoxes(await sharePointStoreOnFake(fake), 'a test ballot key of enough length');
    const voteId = await openedVote(store, 356, 'secret');
    await castAll(store, voteId, 356, 1, 'for');
    const box = (await loadVote(store, voteId))!.box.value as BallotBox & { secrecy: 'secret' };
    expect(box.participation).toHaveLength(356);
    expect(box.choices).toMatchObject({ for: 356 });
    const items = [...fake.lists.list('SamradRecords')!.items.values()];
    const parts = items.filter((i) => i.fields.Collection === 'recordParts');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    // Only the current box's parts remain: each earlier box's parts were removed after the write.
    const current = JSON.parse(String(items.find((i) => i.fields.Collection === BALLOT_BOXES)!.fields.Value)) as {
      $parts: string[];
    };
    expect(parts).toHaveLength(current.$parts.length);
    for (const part of parts) expect(String(part.fields.Value)).not.toContain(entraId(7));
    expect(widest().multi).toBeLessThanOrEqual(MULTI_LINE_MAX);
  });

  it.each([
    [
      'Norwegian prose',
      (m: number, q: number, v: number) =>
        `«Kommune ${m}» svar ${q}.${v}: "Vi støtter forslaget", men\n`.repeat(80).slice(0, 4_000),
      // Fits one item, with room: about 52,000 characters.
      40_000,
    ],
    // Every character one JSON escapes: the most a 4,000-character answer can take in the store.
    [
      'only quotation marks and backslashes',
      (m: number, q: number, v: number) => `${m}.${q}.${v}${'"\\'.repeat(2_000)}`.slice(0, 4_000),
      // Twice as long in JSON: past one item, so kept as parts.
      MULTI_LINE_MAX,
    ],
  ])(
    '21 municipalities × 2 questions × 4,000 characters, each revised 3 times, are all read back (%s)',
    async (_, answer, atLeast) => {
      fake = await FakeGraph.start();
      const store = await sharePointStoreOnFake(fake);
      const hearingId = 'H7Q2P';
      for (let version = 1; version <= 4; version++)
        await Promise.all(
          Array.from({ length: 21 }, (_, m) =>
            upsert<ResponseHistory>(
              store,
              HEARING_RESPONSES,
              responsesId(hearingId, `33${String(m).padStart(2, '0')}`),
              (h) => {
                const response: HearingResponse = {
                  hearingId,
                  municipality: `33${String(m).padStart(2, '0')}`,
                  givenBy: entraId(m),
                  givenAs: 'respondent',
                  status: version === 4 ? 'submitted' : 'draft',
                  version,
                  at: now.toISOString(),
                  late: false,
                  hearingVersion: 1,
                  idempotencyKey: `save-${m}-${version}`,
                  position: 'agree-with-remarks',
                  answers: [1, 2].map((q) => ({ questionId: `q${q}`, text: answer(m, q, version) })),
                  text: answer(m, 0, version),
                  documents: [],
                };
                return {
                  hearingId,
                  municipality: response.municipality,
                  responses: [...(h?.responses ?? []), response],
                };
              },
            ),
          ),
        );
      const all = await hearingResponses(store, hearingId);
      expect(all).toHaveLength(21 * 4);
      expect(all.filter((r) => r.answers.every((a) => a.text.length === 4_000))).toHaveLength(84);
      const one = await store.get<ResponseHistory>(HEARING_RESPONSES, responsesId(hearingId, '3307'));
      expect(one!.value.responses.map((r) => r.version)).toEqual([1, 2, 3, 4]);
      expect(JSON.stringify(one!.value).length).toBeGreaterThan(atLeast);
      expect(widest().multi).toBeLessThanOrEqual(MULTI_LINE_MAX);
    },
  );

  it('minutes with several versions of twenty long decisions are read back whole', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    const content = (v: number) => ({
      attendance: { present: [], absent: [] },
      items: Array.from({ length: 20 }, (_, i) => ({
        caseNumber: `${i + 1}/2026`,
        decision: `Vedtak ${i + 1} (versjon ${v}): «Styret slutter seg til forslaget».\n`.repeat(40),
        votes: [],
      })),
    });
    const minutes = (v: number) => ({ meetingId: 'M1', status: 'approved', version: v, content: content(v) });
    let stored = await store.create<unknown>(MINUTES, 'M1', {
      meetingId: 'M1',
      bodyId: 'styret',
      revision: 1,
      memberApprovals: [],
      minutes: { ...minutes(1), earlier: [] },
    });
    for (let v = 2; v <= 4; v++)
      stored = await store.replace<unknown>(
        MINUTES,
        'M1',
        {
          meetingId: 'M1',
          bodyId: 'styret',
          revision: v,
          memberApprovals: [],
          minutes: { ...minutes(v), earlier: [1, 2, 3].filter((e) => e < v).map(minutes) },
        },
        stored.etag,
      );
    const read = await loadMinutes(store, 'M1');
    expect(read!.value.minutes.version).toBe(4);
    expect(read!.value.minutes.earlier.map((m) => m.version)).toEqual([1, 2, 3]);
    expect(JSON.stringify(read!.value).length).toBeGreaterThan(3 * MULTI_LINE_MAX);
    expect((await store.find(MINUTES, { bodyId: 'styret' })).map((r) => r.id)).toEqual(['M1']);
    expect(widest().multi).toBeLessThanOrEqual(MULTI_LINE_MAX);
  });

  it('a record past what any number of parts may take is STORE.TOO_LARGE before anything is sent', async () => {
    fake = await FakeGraph.start();
    const store = await sharePointStoreOnFake(fake);
    const made = await store.create('exports', 'e1', { text: 'kort' });
    const before = fake.count();
    const error = await store
      .replace('exports', 'e1', { text: 'z'.repeat(33 * MULTI_LINE_MAX) }, made.etag)
      .catch((e: unknown) => e as Error);
    expect(isStoreError(error, 'STORE.TOO_LARGE')).toBe(true);
    expect(String((error as Error).cause)).toMatch(/more than the 32 a record may take/);
    expect(fake.count() - before).toBe(0);
    expect((await store.get('exports', 'e1'))?.value).toEqual({ text: 'kort' });
  });
});
