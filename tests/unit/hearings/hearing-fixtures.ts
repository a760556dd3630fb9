import type { Hearing, HearingDraft } from '../../../src/domain/hearing';
import { registerHearing } from '../../../src/domain/hearing';
import type { HearingResponse, ResponseSubmission } from '../../../src/domain/hearing-response';
import { respondToHearing } from '../../../src/domain/hearing-response';
import { code, municipalities, must, now, org } from '../meetings/meeting-fixtures';

export { code, municipalities, must, now, org };

/** External deadline 15 April 12:00 Oslo (CEST); the internal one a week before by default. */
export const draft: HearingDraft = {
  title: 'Forslag om krav til helsefellesskap',
  issuer: 'Helse- og omsorgsdepartementet',
  documents: ['https://www.regjeringen.no/horing.pdf'],
  externalDeadline: '2026-04-15T10:00:00.000Z',
  questions: ['Er forslaget godt nok utredet?', 'Hva betyr det for legevakt?'],
  background: 'Forslaget gir kommunene nye plikter.',
};

export const hearing = (extra: Partial<HearingDraft> = {}): Hearing =>
  must(registerHearing({ ...draft, ...extra }, municipalities, { id: 'H1', by: 'koord' }, now));

let n = 0;
export const submission = (extra: Partial<ResponseSubmission> = {}): ResponseSubmission => ({
  hearingId: 'H1',
  givenBy: 'kari',
  hearingVersion: 1,
  status: 'submitted',
  idempotencyKey: `k${++n}`,
  position: 'agree',
  answers: [{ questionId: 'q1', text: 'Ja.' }],
  text: '',
  documents: [],
  ...extra,
});

/** Ringerike agrees on time, Hole disagrees late (question 2 too), Drammen has only a draft. */
export function answered(): HearingResponse[] {
  let responses: readonly HearingResponse[] = [];
  const give = (extra: Parameters<typeof submission>[0], at = now) => {
    responses = must(respondToHearing(hearing(), responses, org, submission(extra), at)).responses;
  };
  give({
    givenBy: 'kari',
    position: 'agree',
    answers: [{ questionId: 'q1', text: 'Godt utredet.' }],
    text: 'Ringerike støtter.',
  });
  give(
    {
      givenBy: 'eva',
      municipality: '3310',
      position: 'disagree',
      answers: [
        { questionId: 'q1', text: 'Mangler økonomi.' },
        { questionId: 'q2', text: 'Mer press på legevakt.' },
      ],
    },
    new Date('2026-04-09T00:00:00Z'),
  );
  give({ givenBy: 'siri', status: 'draft', position: 'agree' }); // a draft: Drammen has not answered
  return [...responses];
}
