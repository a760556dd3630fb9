import { describe, expect, it } from 'vitest';
import type { AnswerRules, MunicipalAnswer } from '../../../src/domain/municipal-answer';
import { answersFor, countingOf, historyOf, latestOf, saveAnswer } from '../../../src/domain/municipal-answer';
import type { Result } from '../../../src/domain/result';
import { fail, ok } from '../../../src/domain/result';
import type { MunicipalityNumber } from '../../../src/domain/municipality';
import { org } from '../meetings/meeting-fixtures';

interface Answer extends MunicipalAnswer {
  readonly subject: string;
  readonly text: string;
}
const m1 = '4601' as MunicipalityNumber;
const m2 = '4602' as MunicipalityNumber;
const answer = (version: number, status: Answer['status'], extra: Partial<Answer> = {}): Answer => ({
  subject: 's1',
  text: 'ja',
  municipality: m1,
  givenBy: 'kari',
  givenAs: 'respondent',
  status,
  version,
  at: '2026-04-01T08:00:00.000Z',
  idempotencyKey: `k${version}`,
  ...extra,
});
const isS1 = (a: Answer): boolean => a.subject === 's1';

describe('a municipal answer, whatever it answers', () => {
  it('shows the newest version and counts the newest submitted one; a later draft does not unsay it', () => {
    const all = [answer(1, 'submitted'), answer(2, 'draft'), answer(3, 'draft', { municipality: m2 })];
    expect(latestOf(all, isS1, m1)?.version).toBe(2);
    expect(countingOf(all, isS1, m1)?.version).toBe(1);
    expect(countingOf(all, isS1, m2)).toBeUndefined();
    expect(latestOf(all, (a) => a.subject === 'other', m1)).toBeUndefined();
  });

  /** A toy kind of answer: a text on subject s1, answered by kari for m1, open unless `closed`. */
  const rules = (text: string, closed = false): AnswerRules<Answer, string> => ({
    replayConflict: () => fail('INPUT.IDEMPOTENCY_CONFLICT'),
    stillOpen: () => (closed ? fail('HEARING.CLOSED') : undefined),
    answeringFor: () => ok({ municipality: m1, role: 'respondent' }),
    cardCurrent: () => undefined,
    content: (): Result<string> => (text ? ok(text) : fail('HEARING.EMPTY')),
    isSubject: isS1,
    sameAs: (latest, t) => latest.text === t,
    build: (t, version) => ({ ...version, subject: 's1', text: t }),
  });
  const at = new Date('2026-04-02T08:00:00.000Z');
  const submit = (key: string, givenBy = 'kari') => ({ givenBy, status: 'submitted' as const, idempotencyKey: key });
  const saved = (r: Result<{ all: readonly Answer[]; answer: Answer; recorded: boolean }>) => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('numbers the next version after the latest, starting at 1, and never overwrites one', () => {
    const first = saved(saveAnswer([], submit('a'), rules('ja'), at));
    expect(first.answer.version).toBe(1);
    const second = saved(saveAnswer(first.all, submit('b'), rules('nei'), at));
    expect(second.answer.version).toBe(2);
    expect(historyOf(second.all, isS1, m1).map((a) => a.text)).toEqual(['ja', 'nei']);
    expect(saved(saveAnswer([answer(4, 'draft')], submit('c'), rules('x'), at)).answer.version).toBe(5);
  });

  it('gives a retried card its first answer, and refuses the same key from someone else', () => {
    const all = [answer(1, 'draft')];
    const again = saved(saveAnswer(all, submit('k1'), rules('something else'), at));
    expect(again).toEqual({ all, answer: all[0], recorded: false });
    const other = saveAnswer(all, submit('k1', 'ola'), rules('ja'), at);
    expect(other.ok ? undefined : other.error.code).toBe('INPUT.IDEMPOTENCY_CONFLICT');
    expect(saved(saveAnswer(all, submit('k9'), rules('ja'), at)).recorded).toBe(true);
  });

  it('adds no version for an answer identical to the latest, and checks the rules in order', () => {
    const all = [answer(1, 'submitted')];
    expect(saved(saveAnswer(all, submit('n'), rules('ja'), at)).recorded).toBe(false);
    const closed = saveAnswer(all, submit('n'), rules('', true), at);
    expect(closed.ok ? undefined : closed.error.code).toBe('HEARING.CLOSED');
    const empty = saveAnswer(all, submit('n'), rules(''), at);
    expect(empty.ok ? undefined : empty.error.code).toBe('HEARING.EMPTY');
  });

  it('knows whom a member answers for, and nobody for a stranger', () => {
    const someone = org.members.find((m) => m.respondentFor.length > 0)!;
    expect(answersFor(org, someone.id)).toEqual(
      someone.respondentFor.map((r) => ({ municipality: r.municipality, role: r.role })),
    );
    expect(answersFor(org, 'nobody-at-all')).toEqual([]);
  });
});
