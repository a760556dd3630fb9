import { describe, expect, it } from 'vitest';
import { compileJointStatement } from '../../../src/domain/hearing-statement';
import { answered, hearing } from './hearing-fixtures';

describe('the joint statement', () => {
  it('groups answers per question by position, counts positions and names who did not answer', () => {
    const s = compileJointStatement(hearing(), answered());
    expect(s.counts).toEqual({ agree: 1, 'agree-with-remarks': 0, disagree: 1, 'no-comment': 0 });
    expect(s.notAnswered).toEqual(['3301']);
    expect(s.late).toEqual(['3310']);
    const q1 = s.questions[0]!;
    expect(q1.groups.find((g) => g.position === 'agree')?.entries).toEqual([
      { municipality: '3305', text: 'Godt utredet.', late: false },
    ]);
    expect(q1.groups.find((g) => g.position === 'disagree')?.entries).toEqual([
      { municipality: '3310', text: 'Mangler økonomi.', late: true },
    ]);
    const q2 = s.questions[1]!;
    expect(q2.blank).toEqual(['3305']);
    expect(q2.groups.flatMap((g) => g.entries).map((e) => e.municipality)).toEqual(['3310']);
    expect(s.overall.find((g) => g.position === 'agree')?.entries[0]?.text).toBe('Ringerike støtter.');
  });

  it('with no responses every municipality is listed as not answered', () => {
    const s = compileJointStatement(hearing(), []);
    expect(s.notAnswered).toEqual(['3305', '3310', '3301']);
    expect(s.questions.every((q) => q.groups.every((g) => g.entries.length === 0))).toBe(true);
  });
});
