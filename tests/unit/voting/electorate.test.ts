import { describe, expect, it } from 'vitest';
import { castBallot, emptyBox } from '../../../src/domain/ballot';
import {
  keysCastableBy,
  membersElectorate,
  municipalitiesElectorate,
  resolveVoterKey,
} from '../../../src/domain/electorate';
import type { OpenVote } from '../../../src/domain/vote';
import { draftVote, openVote } from '../../../src/domain/vote';
import { now, org } from './voting-fixtures';

const onDate = '2026-03-10';

function open(electorate: ReturnType<typeof membersElectorate>): OpenVote {
  const d = draftVote({
    id: 'v1',
    title: 'Endring av avtalen',
    body: 'styret',
    settings: { electorate: electorate.kind },
  });
  if (!d.ok) throw new Error('draft');
  const o = openVote(d.value, electorate, now);
  if (!o.ok) throw new Error(o.error.code);
  return o.value;
}

describe("members' electorate", () => {
  it('holds the chair and members with a seat in force, not deputies, observers or past members', () => {
    const e = membersElectorate(org, 'styret', onDate);
    expect(e.voters).toEqual([
      { key: 'kari', casters: ['kari'], chair: true },
      { key: 'ola', casters: ['ola'] },
      { key: 'siri', casters: ['siri'] },
    ]);
  });

  it("lets the deputy stand in for a member who has reported absence, under the member's key", () => {
    const e = membersElectorate(org, 'styret', onDate, new Set(['ola']));
    expect(e.voters.find((v) => v.key === 'ola')?.casters).toEqual(['eva']);
    const vote = open(e);
    const byDeputy = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'eva', option: 'for', idempotencyKey: 'i1' },
      now,
    );
    expect(byDeputy.ok && byDeputy.value.receipt.voterKey).toBe('ola');
    const byAbsent = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'ola', option: 'for', idempotencyKey: 'i2' },
      now,
    );
    expect(byAbsent).toEqual({ ok: false, error: { code: 'VOTE.NOT_ELIGIBLE' } });
  });

  it('gives the deputy no vote while the member is present', () => {
    const vote = open(membersElectorate(org, 'styret', onDate));
    const r = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'eva', option: 'for', idempotencyKey: 'i1' },
      now,
    );
    expect(r).toEqual({ ok: false, error: { code: 'VOTE.NOT_ELIGIBLE' } });
  });

  it('keeps an absent member without a deputy in the electorate, so the seat still counts', () => {
    const e = membersElectorate(org, 'styret', onDate, new Set(['siri']));
    expect(e.voters.find((v) => v.key === 'siri')?.casters).toEqual(['siri']);
    expect(e.voters).toHaveLength(3);
  });

  it('is a snapshot: it does not follow the organisation after it is taken', () => {
    const e = membersElectorate(org, 'styret', onDate);
    expect(membersElectorate(org, 'styret', '2027-03-10').voters).toEqual([]);
    expect(e.voters).toHaveLength(3);
  });
});

describe("municipalities' electorate", () => {
  const e = municipalitiesElectorate(org, onDate);

  it('has one vote per municipality, cast by its respondent or deputy', () => {
    expect(e.voters).toEqual([
      { key: '3305', casters: ['kari', 'eva'] },
      { key: '3310', casters: ['eva'] },
      { key: '3301', casters: ['siri'] },
    ]);
  });

  it('a respondent cannot cast for another municipality', () => {
    const vote = open(e);
    const r = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'siri', voterKey: '3310', option: 'for', idempotencyKey: 'i1' },
      now,
    );
    expect(r).toEqual({ ok: false, error: { code: 'VOTE.NOT_ELIGIBLE' } });
    const own = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'siri', option: 'for', idempotencyKey: 'i2' },
      now,
    );
    expect(own.ok && own.value.receipt.voterKey).toBe('3301');
  });

  it('asks which municipality when one person may cast for two, and never guesses', () => {
    expect(keysCastableBy(e, 'eva')).toEqual(['3305', '3310']);
    expect(resolveVoterKey(e, 'eva')).toEqual({
      ok: false,
      error: { code: 'VOTE.WHICH_VOTER', params: { choices: '3305,3310' } },
    });
    expect(resolveVoterKey(e, 'eva', '3310')).toEqual({ ok: true, value: '3310' });
  });

  it('counts one vote per municipality whoever casts it', () => {
    const vote = open(e);
    const first = castBallot(
      vote,
      emptyBox(vote),
      { voteId: 'v1', castBy: 'kari', option: 'for', idempotencyKey: 'i1' },
      now,
    );
    if (!first.ok) throw new Error('cast');
    const deputy = castBallot(
      vote,
      first.value.box,
      { voteId: 'v1', castBy: 'eva', voterKey: '3305', option: 'against', idempotencyKey: 'i2' },
      now,
    );
    expect(deputy.ok && deputy.value.receipt).toMatchObject({ voterKey: '3305', version: 2 });
    expect(deputy.ok && deputy.value.box.secrecy === 'named' && deputy.value.box.ballots.map((b) => b.castBy)).toEqual([
      'kari',
      'eva',
    ]);
  });

  it('can be limited to named municipalities', () => {
    expect(municipalitiesElectorate(org, onDate, ['3310']).voters.map((v) => v.key)).toEqual(['3310']);
  });
});
