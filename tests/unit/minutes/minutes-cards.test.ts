import { describe, expect, it } from 'vitest';
import { minutesCard } from '../../../src/app/minutes/minutes-card';
import { minutesForm, readMinutesForm } from '../../../src/app/minutes/minutes-form';
import type { MinutesRecord } from '../../../src/app/minutes/minutes-records';
import { recordedVote } from '../../../src/app/minutes/minutes-votes';
import type { Reply } from '../../../src/app/reply';
import type { BallotBox } from '../../../src/domain/ballot';
import type { ClosedVote } from '../../../src/domain/vote';
import { defaultSettings } from '../../../src/domain/vote';
import { Catalogue } from '../../../src/i18n/catalogue';
import { CardRenderer } from '../../../src/presentation/card-renderer';
import { cardProblems } from '../../fixtures/card-validation';
import { heldWithMinutes, org } from '../exports/export-fixtures';

const t = Catalogue.load().for('nb');
const { meeting, minutes } = heldWithMinutes();
const record: MinutesRecord = {
  meetingId: meeting.id,
  bodyId: meeting.bodyId,
  minutes,
  revision: 4,
  memberApprovals: [{ memberId: 'kari', at: '2026-04-24T08:00:00Z' }],
};
const links = {
  docx: 'https://samrad.example.no/exports/m1/protokoll.docx?sig=x',
  markdown: 'https://samrad.example.no/exports/m1/protokoll.md?sig=x',
};
const data = (reply: Reply) => {
  if (reply.kind !== 'card') throw new Error('not a card');
  return reply.data as Record<string, any>;
};
const renderer = new CardRenderer();

describe('the minutes form', () => {
  const form = data(minutesForm(org, t, meeting, record, []));

  it('is filled with attendance: Ola absent with his reason, Eva standing in for him', () => {
    expect(form.members.find((m: any) => m.id === 'ola')).toMatchObject({ value: 'absent', reason: 'Sykdom' });
    expect(form.members.find((m: any) => m.id === 'kari')).toMatchObject({ value: 'present' });
    expect(form.deputies).toEqual([{ id: 'eva', title: 'Eva Dahl møtte for Ola Berg', value: 'true' }]);
    expect(form.revision).toBe(4);
  });

  it('shows each case with its recommendation, proposals, named ballots, secret counts and the vedtak', () => {
    const i1 = form.items.find((i: any) => i.heading.includes('Handlingsplan'));
    expect(i1.proposals).toEqual([{ text: 'Siri Lunde: Legevakt tas inn i planen.' }]);
    expect(i1.votes[0].text).toContain('Kari Holm (For)');
    expect(i1.decision).toContain('Handlingsplanen for 2026 vedtas.');
    const secret = form.items.find((i: any) => i.votes.some((v: any) => v.text.includes('Felles rutine')));
    expect(secret.votes[0].text).toContain('Hemmelig avstemning: bare antall.');
    expect(cardProblems(renderer.render('minutes-form', form))).toEqual([]);
  });

  it('reads back what was sent: a new proposal added with its proposer, attendance as ticked', () => {
    const sent = {
      'att-ola': 'absent',
      'reason-ola': 'Sykdom',
      'dep-eva': 'true',
      'att-per': 'absent',
      'reason-per': 'Ferie',
      'prop-1': 'Utsettes.',
      'propBy-1': 'per',
      'decision-1': 'Vedtatt.',
    };
    const read = readMinutesForm(org, meeting, minutes.content, sent, () => []);
    if (!read.ok) throw new Error(read.error.code);
    expect(read.value.attendance.absent).toEqual([
      { memberId: 'ola', reason: 'Sykdom' },
      { memberId: 'per', reason: 'Ferie' },
    ]);
    expect(read.value.attendance.deputies).toEqual([{ memberId: 'eva', standsInFor: 'ola' }]);
    expect(read.value.items[1]).toMatchObject({
      itemId: 'i1',
      decision: 'Vedtatt.',
      proposals: [
        { by: 'siri', text: 'Legevakt tas inn i planen.' },
        { by: 'per', text: 'Utsettes.' },
      ],
    });
    const nameless = readMinutesForm(org, meeting, minutes.content, { 'prop-1': 'Utsettes.' }, () => []);
    expect(nameless.ok ? undefined : nameless.error.code).toBe('MINUTES.PROPOSAL_BY_REQUIRED');
  });
});

describe('the minutes card', () => {
  it("has the structure of the minutes document, the version, the downloads and the viewer's buttons", () => {
    const forEva = data(
      minutesCard(org, t, { meeting, record, meetings: [meeting] }, { memberId: 'eva', coordinator: false }, links),
    );
    expect(forEva.title).toBe('Protokoll, versjon 1');
    const text = forEva.lines.map((l: any) => l.text).join('\n');
    expect(text).toContain('Til stede');
    expect(text).toContain('Eva Dahl (for Ola Berg)');
    expect(text).toContain('Vedtak');
    expect(forEva).toMatchObject({ mayApprove: true, mayEdit: false, mayFollowUp: false, docx: links.docx });
    expect(forEva.approvals).toBe('Godkjent av Kari Holm (1 av 3 som trengs).');
    const forKari = data(
      minutesCard(org, t, { meeting, record, meetings: [meeting] }, { memberId: 'kari', coordinator: false }, links),
    );
    expect(forKari.mayApprove).toBe(false); // approved already
    const forOla = data(
      minutesCard(org, t, { meeting, record, meetings: [meeting] }, { memberId: 'ola', coordinator: false }, links),
    );
    expect(forOla.mayApprove).toBe(false); // was not there
    const forCoordinator = data(
      minutesCard(org, t, { meeting, record, meetings: [meeting] }, { memberId: 'koord', coordinator: true }, links),
    );
    expect(forCoordinator).toMatchObject({ mayEdit: true, mayFollowUp: true });
    expect(forCoordinator.decisions.map((d: any) => d.value)).toEqual([meeting.agenda[0]!.id, 'i1', 'i2', 'i3']);
    expect(cardProblems(renderer.render('minutes', forCoordinator))).toEqual([]);
  });
});

describe('a Samråd vote in the minutes', () => {
  const vote: ClosedVote = {
    id: 'V1',
    title: 'Legevakt',
    body: 'osu',
    settings: defaultSettings,
    state: 'closed',
    electorate: { kind: 'members', takenOn: '2026-04-23', voters: [] },
    openedAt: '2026-04-23T09:00:00Z',
    closedAt: '2026-04-23T09:10:00Z',
  };
  const ballot = (castBy: string, option: string) => ({
    voterKey: castBy,
    castBy,
    option,
    version: 1,
    castAt: '2026-04-23T09:05:00Z',
    idempotencyKey: castBy,
  });
  const attendance = minutes.content.attendance;

  it('named: who voted what, counts from the ballots', () => {
    const box: BallotBox = {
      secrecy: 'named',
      voteId: 'V1',
      ballots: [ballot('kari', 'for'), ballot('eva', 'against')],
    };
    expect(recordedVote(vote, box, attendance)).toMatchObject({
      named: true,
      ballots: [
        { memberId: 'kari', option: 'for' },
        { memberId: 'eva', option: 'against' },
      ],
      counts: { for: 1, against: 1 },
    });
  });

  it('secret: counts only; named with a voter not in the room: counts only too', () => {
    const secret: BallotBox = { secrecy: 'secret', voteId: 'V1', participation: [], choices: { for: 3, against: 1 } };
    expect(
      recordedVote({ ...vote, settings: { ...defaultSettings, secrecy: 'secret' } }, secret, attendance),
    ).toMatchObject({ named: false, ballots: [], counts: { for: 3, against: 1 } });
    const stranger: BallotBox = { secrecy: 'named', voteId: 'V1', ballots: [ballot('ola', 'for')] };
    expect(recordedVote(vote, stranger, attendance)).toMatchObject({ named: false, ballots: [], counts: { for: 1 } });
  });
});
