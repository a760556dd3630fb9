import { describe, expect, it } from 'vitest';
import type { VoteSettings } from '../../../src/domain/vote';
import {
  changeSettings,
  closeVote,
  closesInFuture,
  defaultSettings,
  draftVote,
  dueToClose,
  isClosed,
  isMotion,
  isOpen,
  mayChange,
  openVote,
  showResults,
} from '../../../src/domain/vote';
import { deadline, electorateOf, later, now, openVoteOf } from './voting-fixtures';

const draft = (settings: Partial<VoteSettings> = {}) => draftVote({ id: 'v1', title: 'Sak', body: 'styret', settings });
const codeOf = (settings: Partial<VoteSettings>) => {
  const r = draft(settings);
  return r.ok ? 'ok' : r.error.code;
};
const alternatives = [
  { id: 'a', label: 'Alternativ A' },
  { id: 'b', label: 'Alternativ B' },
];

describe('vote settings', () => {
  it('defaults to a named for / against / abstain vote by simple majority', () => {
    const r = draft();
    expect(r.ok && r.value.settings.options.map((o) => o.id)).toEqual(['for', 'against', 'abstain']);
    expect(r.ok && r.value.settings).toMatchObject({
      rule: 'simple-majority',
      secrecy: 'named',
      electorate: 'members',
    });
    expect(r.ok && isMotion(r.value)).toBe(true);
    expect(codeOf({ options: alternatives })).toBe('ok');
  });

  it.each<[string, Partial<VoteSettings>]>([
    ['VOTE.SECRET_CANNOT_CHANGE', { secrecy: 'secret', changeAllowed: true, interimResults: 'hidden' }],
    ['VOTE.SECRET_HIDES_INTERIM', { secrecy: 'secret', changeAllowed: false, interimResults: 'shown' }],
    ['VOTE.SECRET_HIDES_INTERIM', { secrecy: 'secret', changeAllowed: false, interimResults: 'after-own-ballot' }],
    ['VOTE.SECRET_NO_CASTING_VOTE', { secrecy: 'secret', changeAllowed: false, chairCastingVote: true }],
    [
      'VOTE.DUPLICATE_OPTION',
      {
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'A igjen' },
        ],
      },
    ],
    ['VOTE.TOO_FEW_OPTIONS', { options: [{ id: 'a', label: 'A' }, { id: 'abstain' }] }],
    [
      'VOTE.UNLABELLED_OPTION',
      {
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: ' ' },
        ],
      },
    ],
    ['VOTE.ALTERNATIVES_NEED_MAJORITY', { options: alternatives, rule: 'two-thirds' }],
    ['VOTE.BAD_QUORUM', { quorum: { kind: 'share', numerator: 1, denominator: 1, strict: true } }],
    ['VOTE.BAD_QUORUM', { quorum: { kind: 'share', numerator: 0, denominator: 2, strict: false } }],
    ['VOTE.BAD_DEADLINE', { deadline: '2026-03-10 12:00' }],
  ])('refuses settings that break %s', (code, settings) => {
    expect(codeOf(settings)).toBe(code);
  });

  it('allows a secret vote that cannot change and hides interim results', () => {
    expect(codeOf({ secrecy: 'secret', changeAllowed: false, interimResults: 'hidden' })).toBe('ok');
  });

  it('changes settings while a draft, never once open or closed', () => {
    const d = draft();
    if (!d.ok) throw new Error('draft');
    const changed = changeSettings(d.value, { interimResults: 'shown' });
    expect(changed.ok && changed.value.settings.interimResults).toBe('shown');
    const open = openVoteOf(3);
    expect(changeSettings(open, { secrecy: 'secret', changeAllowed: false })).toEqual({
      ok: false,
      error: { code: 'VOTE.FIXED_ONCE_OPEN' },
    });
    expect(changeSettings(open, { interimResults: 'shown' })).toMatchObject({
      ok: false,
      error: { code: 'VOTE.FIXED_ONCE_OPEN' },
    });
    const closed = closeVote(open, now);
    expect(closed.ok && changeSettings(closed.value, { interimResults: 'shown' })).toMatchObject({
      ok: false,
      error: { code: 'VOTE.CLOSED' },
    });
    expect(changeSettings(d.value, { secrecy: 'secret' })).toMatchObject({
      ok: false,
      error: { code: 'VOTE.SECRET_CANNOT_CHANGE' },
    });
  });
});

describe('opening and closing', () => {
  it('opens a draft once, snapshotting the electorate', () => {
    const d = draft({ deadline });
    if (!d.ok) throw new Error('draft');
    const opened = openVote(d.value, electorateOf(4), now);
    expect(opened.ok && opened.value.electorate.voters).toHaveLength(4);
    expect(opened.ok && opened.value.openedAt).toBe(now.toISOString());
    expect(opened.ok && openVote(opened.value, electorateOf(4), now)).toMatchObject({
      error: { code: 'VOTE.ALREADY_OPENED' },
    });
  });

  it('refuses to open with the wrong electorate, an empty one, a deadline already past, or a casting vote with no chair', () => {
    const d = draft({ deadline });
    if (!d.ok) throw new Error('draft');
    expect(openVote(d.value, { ...electorateOf(2), kind: 'municipalities' }, now)).toMatchObject({
      error: { code: 'VOTE.ELECTORATE_MISMATCH' },
    });
    expect(openVote(d.value, electorateOf(0), now)).toMatchObject({ error: { code: 'VOTE.EMPTY_ELECTORATE' } });
    expect(openVote(d.value, electorateOf(2), later)).toMatchObject({ error: { code: 'VOTE.PAST_DEADLINE' } });
    const casting = draft({ chairCastingVote: true });
    const noChair = {
      ...electorateOf(2),
      voters: electorateOf(2).voters.map((v) => ({ key: v.key, casters: v.casters })),
    };
    expect(casting.ok && openVote(casting.value, noChair, now)).toMatchObject({ error: { code: 'VOTE.NO_CHAIR' } });
    expect(casting.ok && openVote(casting.value, electorateOf(2), now).ok).toBe(true);
  });

  it('closes an open vote once', () => {
    const open = openVoteOf(2);
    const closed = closeVote(open, later);
    expect(closed.ok && isClosed(closed.value)).toBe(true);
    expect(closed.ok && closed.value.closedAt).toBe(later.toISOString());
    expect(closed.ok && closeVote(closed.value, later)).toMatchObject({ error: { code: 'VOTE.CLOSED' } });
    const d = draft();
    expect(d.ok && closeVote(d.value, now)).toMatchObject({ error: { code: 'VOTE.NOT_OPEN' } });
  });

  it('names its state: open, closes in future, due to close, may change', () => {
    const timed = openVoteOf(2, { deadline });
    expect(isOpen(timed)).toBe(true);
    expect(closesInFuture(timed, now)).toBe(true);
    expect(closesInFuture(timed, later)).toBe(false);
    expect(dueToClose(timed, now)).toBe(false);
    expect(dueToClose(timed, later)).toBe(true);
    expect(mayChange(timed, now)).toBe(true);
    expect(mayChange(timed, later)).toBe(false);
    expect(mayChange(openVoteOf(2, { changeAllowed: false }), now)).toBe(false);
    const manual = openVoteOf(2);
    expect(closesInFuture(manual, later)).toBe(false);
    expect(dueToClose(manual, new Date('2099-01-01T00:00:00Z'))).toBe(false);
    expect(defaultSettings.deadline).toBeUndefined();
  });
});

describe('showResults', () => {
  it('hides interim results until closed when they are off', () => {
    const hidden = openVoteOf(3, { interimResults: 'hidden' });
    expect(showResults(hidden, true, now)).toBe(false);
    const closed = closeVote(hidden, now);
    expect(closed.ok && showResults(closed.value, false, now)).toBe(true);
  });

  it('shows them to everyone, or only to those who have voted, as the vote says', () => {
    expect(showResults(openVoteOf(3, { interimResults: 'shown' }), false, now)).toBe(true);
    const afterOwn = openVoteOf(3, { interimResults: 'after-own-ballot' });
    expect(showResults(afterOwn, false, now)).toBe(false);
    expect(showResults(afterOwn, true, now)).toBe(true);
  });

  it('shows them once the deadline has passed, as nothing more can change', () => {
    const timed = openVoteOf(3, { deadline, interimResults: 'hidden' });
    expect(showResults(timed, false, now)).toBe(false);
    expect(showResults(timed, false, later)).toBe(true);
  });

  it('shows nothing for a draft', () => {
    const d = draft({ interimResults: 'shown' });
    expect(d.ok && showResults(d.value, true, now)).toBe(false);
  });
});
