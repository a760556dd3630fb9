import { describe, expect, it } from 'vitest';
import { closeHearing, extendDeadline, HEARING_TEXT_MAX } from '../../../src/domain/hearing';
import type { HearingResponse } from '../../../src/domain/hearing-response';
import {
  countingResponse,
  latestResponse,
  notAnswered,
  respondToHearing,
  statusOf,
} from '../../../src/domain/hearing-response';
import { code, hearing, must, now, org, submission } from './hearing-fixtures';

const respond = (
  responses: readonly HearingResponse[],
  extra: Parameters<typeof submission>[0] = {},
  at = now,
  h = hearing(),
) => respondToHearing(h, responses, org, submission(extra), at);

describe('a municipality responds', () => {
  it('records the respondent, the municipality, the position and the answers', () => {
    const given = must(respond([], { text: ' Vi støtter. ', documents: ['https://ringerike.kommune.no/svar.pdf'] }));
    expect(given.recorded).toBe(true);
    expect(given.response).toMatchObject({
      municipality: '3305',
      givenBy: 'kari',
      givenAs: 'respondent',
      status: 'submitted',
      version: 1,
      late: false,
      position: 'agree',
      text: 'Vi støtter.',
    });
    expect(given.response.documents).toEqual(['https://ringerike.kommune.no/svar.pdf']);
  });

  it('keeps a draft without a position, and counts only a submitted response', () => {
    const draft = must(respond([], { status: 'draft', position: undefined }));
    expect(countingResponse(draft.responses, 'H1', '3305')).toBeUndefined();
    expect(statusOf(draft.responses, 'H1', '3305')).toBe('draft');
    const sent = must(respond(draft.responses));
    expect(countingResponse(sent.responses, 'H1', '3305')?.version).toBe(2);
    // A later draft does not unsay what was submitted.
    const again = must(respond(sent.responses, { status: 'draft', position: 'disagree' }));
    expect(latestResponse(again.responses, 'H1', '3305')?.status).toBe('draft');
    expect(countingResponse(again.responses, 'H1', '3305')?.position).toBe('agree');
  });

  it('keeps both the respondent and the deputy; the later counts', () => {
    const first = must(respond([]));
    const second = must(respond(first.responses, { givenBy: 'eva', municipality: '3305', position: 'disagree' }));
    expect(second.responses.map((r) => [r.givenBy, r.givenAs, r.version])).toEqual([
      ['kari', 'respondent', 1],
      ['eva', 'deputy', 2],
    ]);
    expect(countingResponse(second.responses, 'H1', '3305')?.position).toBe('disagree');
  });

  it('a retried card returns the first response; the same content again records nothing', () => {
    const first = must(respond([], { idempotencyKey: 'same' }));
    const retried = must(respond(first.responses, { idempotencyKey: 'same', position: 'disagree' }));
    expect(retried.recorded).toBe(false);
    expect(retried.response.position).toBe('agree');
    expect(code(respond(first.responses, { idempotencyKey: 'same', givenBy: 'eva', municipality: '3305' }))).toBe(
      'HEARING.IDEMPOTENCY_CONFLICT',
    );
    expect(must(respond(first.responses)).recorded).toBe(false);
  });

  it('accepts a response after the internal deadline and flags it late', () => {
    const late = must(respond([], {}, new Date('2026-04-09T00:00:00Z')));
    expect(late.response.late).toBe(true);
    expect(statusOf(late.responses, 'H1', '3305')).toBe('late');
  });

  it('lists who has not answered', () => {
    const given = must(respond([]));
    expect(notAnswered(hearing(), given.responses)).toEqual(['3310', '3301']);
  });
});

describe('refusals', () => {
  it.each([
    [{ position: undefined, answers: [], text: ' ', status: 'draft' as const }, 'HEARING.EMPTY'],
    [{ position: undefined, answers: [], text: '' }, 'HEARING.EMPTY'],
    [{ position: undefined }, 'HEARING.POSITION_REQUIRED'],
    [{ position: 'maybe' }, 'HEARING.BAD_POSITION'],
    [{ text: 'x'.repeat(HEARING_TEXT_MAX + 1) }, 'HEARING.TEXT_TOO_LONG'],
    [{ answers: [{ questionId: 'q1', text: 'x'.repeat(HEARING_TEXT_MAX + 1) }] }, 'HEARING.TEXT_TOO_LONG'],
    [{ answers: [{ questionId: 'q9', text: 'Ja' }] }, 'HEARING.UNKNOWN_QUESTION'],
    [
      {
        answers: [
          { questionId: 'q1', text: 'Ja' },
          { questionId: 'q1', text: 'Nei' },
        ],
      },
      'HEARING.DUPLICATE_QUESTION',
    ],
    [{ documents: ['ftp://x'] }, 'HEARING.BAD_LINK'],
    [{ givenBy: 'ola' }, 'HEARING.NOT_REPRESENTATIVE'],
    [{ givenBy: 'nobody' }, 'HEARING.NOT_REPRESENTATIVE'],
    [{ givenBy: 'eva' }, 'HEARING.WHICH_MUNICIPALITY'],
    [{ givenBy: 'kari', municipality: '3301' }, 'HEARING.NOT_REPRESENTATIVE'],
    [{ hearingId: 'H2' }, 'HEARING.OTHER_HEARING'],
  ])('%j is refused with %s', (extra, expected) => {
    expect(code(respond([], extra))).toBe(expected);
  });

  it('says the limit when the text is too long', () => {
    const r = respond([], { text: 'x'.repeat(HEARING_TEXT_MAX + 1) });
    expect(r.ok ? undefined : r.error.params).toEqual({ max: HEARING_TEXT_MAX });
  });

  it('refuses a municipality the hearing did not ask', () => {
    expect(code(respond([], {}, now, hearing({ municipalities: ['3310'] })))).toBe('HEARING.NOT_ASKED');
  });

  it('refuses an answer after closing, and a card from before an extension', () => {
    expect(code(respond([], {}, now, must(closeHearing(hearing(), 'koord', now))))).toBe('HEARING.CLOSED');
    const extended = must(extendDeadline(hearing(), { internalDeadline: '2026-04-10T10:00:00Z', by: 'koord' }, now));
    expect(code(respond([], { hearingVersion: 1 }, now, extended))).toBe('HEARING.STALE_CARD');
    expect(must(respond([], { hearingVersion: 2 }, now, extended)).recorded).toBe(true);
  });
});
