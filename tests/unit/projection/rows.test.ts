import { describe, expect, it } from 'vitest';
import { LIST_SCHEMAS } from '../../../src/adapters/sharepoint/typed-lists/list-schemas';
import { hearingResponseRows, hearingRow } from '../../../src/app/projection/hearing-rows';
import { inputRows } from '../../../src/app/projection/input-rows';
import { agendaItemRows, meetingRow } from '../../../src/app/projection/meeting-rows';
import { decisionRows, followUpRow, followUpState, minutesRows } from '../../../src/app/projection/minutes-rows';
import { voteRow } from '../../../src/app/projection/vote-rows';
import type { Hearing } from '../../../src/domain/hearing';
import type { Meeting } from '../../../src/domain/meeting';
import { Catalogue } from '../../../src/i18n/catalogue';
import type { ResultListName, ResultRow } from '../../../src/ports/result-lists';
import { castAll, openVoteOf, org } from '../voting/voting-fixtures';

const c = { organisation: org, t: Catalogue.load().for('nb') };
const meeting: Meeting = {
  id: 'M1',
  bodyId: 'styret',
  title: 'Styremøte',
  start: '2026-12-10T09:00:00.000Z',
  end: '2026-12-10T11:00:00.000Z',
  online: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  year: 2026,
  number: 4,
  state: 'planned',
  version: 2,
  agenda: [
    {
      id: 'i1',
      caseNumber: { number: 11, year: 2026 },
      kind: 'minutes-approval',
      title: '',
      proposal: { kind: 'standard' },
      documents: [],
      status: 'open',
    },
    {
      id: 'i2',
      caseNumber: { number: 12, year: 2026 },
      kind: 'case',
      title: 'Plan',
      proposal: { kind: 'in-meeting' },
      documents: [{ title: 'Framlegg', url: 'https://x.sharepoint.com/a.pdf' }],
      responsible: 'kari',
      status: 'open',
    },
  ],
};
const hearing: Hearing = {
  id: 'H1',
  title: 'Høring',
  issuer: 'Hdir',
  documents: ['https://hdir.no/h.pdf'],
  externalDeadline: '2026-12-15T11:00:00.000Z',
  internalDeadline: '2026-12-08T11:00:00.000Z',
  questions: [{ id: 'q1', text: 'Spørsmål?' }],
  municipalities: ['3305', '3310'],
  background: '',
  reminderDaysBefore: [],
  state: 'open',
  version: 1,
  registeredBy: 'kari',
  registeredAt: '2026-11-23T10:00:00.000Z',
  extensions: [],
};
const response = {
  hearingId: 'H1',
  municipality: '3305',
  givenBy: 'kari',
  givenAs: 'respondent' as const,
  late: false,
  hearingVersion: 1,
  idempotencyKey: 'k',
  position: 'agree' as const,
  answers: [{ questionId: 'q1', text: 'Ja.' }],
  text: '',
  documents: [],
};
const task = {
  id: 'F1',
  meetingId: 'M1',
  bodyId: 'styret',
  itemId: 'i2',
  caseNumber: { number: 12, year: 2026 },
  description: 'Gjør det',
  owner: 'ola',
  due: '2027-01-15',
  status: 'open' as const,
  createdAt: '2026-12-11T10:00:00.000Z',
};
const minutesRecord = {
  meetingId: 'M1',
  bodyId: 'styret',
  revision: 1,
  memberApprovals: [],
  minutes: {
    meetingId: 'M1',
    status: 'draft' as const,
    version: 1,
    content: {
      attendance: { present: [], absent: [], deputies: [] },
      items: [{ itemId: 'i2', proposals: [], votes: [], decision: 'Vedtatt.' }],
    },
    earlier: [],
  },
};

const columnsOf = (list: ResultListName) =>
  LIST_SCHEMAS.find((s) => s.list === list)!
    .columns.map((col) => col.name)
    .filter((n) => n !== 'SamradKey' && n !== 'SamradSource')
    .sort();
const cellsOf = (rows: readonly ResultRow[]) => rows.map((r) => Object.keys(r.cells).sort());

describe('what a record becomes in the lists', () => {
  it('fills exactly the columns of its list, no more and no fewer', () => {
    const vote = openVoteOf(3, {}, 'v1');
    const samples: [ResultListName, ResultRow[]][] = [
      ['meetings', [meetingRow(meeting, c)]],
      ['cases', agendaItemRows(meeting, c)],
      ['decisions', decisionRows(minutesRecord, meeting, [task], c)],
      ['minutes', minutesRows(minutesRecord, meeting, c)],
      ['followUps', [followUpRow(task, meeting, c)]],
      ['votes', [voteRow({ ...vote, openedBy: 'kari' }, undefined, c)]],
      ['hearings', [hearingRow(hearing)]],
      [
        'hearingResponses',
        hearingResponseRows(
          {
            hearingId: 'H1',
            municipality: '3305',
            responses: [{ ...response, status: 'submitted', version: 1, at: '2026-12-01T10:00:00.000Z' }],
          },
          hearing,
          c,
        ),
      ],
      [
        'input',
        inputRows(
          {
            meetingId: 'M1',
            municipality: '3305',
            answers: [
              {
                meetingId: 'M1',
                municipality: '3305',
                givenBy: 'kari',
                givenAs: 'respondent',
                status: 'submitted',
                version: 1,
                at: '2026-12-01T10:00:00.000Z',
                meetingVersion: 2,
                idempotencyKey: 'k',
                items: [{ itemId: 'i2', position: 'support', text: '' }],
              },
            ],
          },
          meeting,
          c,
        ),
      ],
    ];
    for (const [list, rows] of samples) {
      expect(rows.length, list).toBeGreaterThan(0);
      for (const cells of cellsOf(rows)) expect(cells, list).toEqual(columnsOf(list));
    }
  });

  it('gives a minutes approval its standard title and a proposal made in the meeting its words', () => {
    const [approval, plan] = agendaItemRows(meeting, c);
    expect(approval!.title).toBe('Godkjenning av protokoll');
    expect(plan!.cells).toMatchObject({
      Proposal: 'Fremmes i møtet',
      Responsible: 'kari',
      Document: { url: 'https://x.sharepoint.com/a.pdf', text: 'Framlegg' },
    });
  });

  it('leaves drafts off: a municipality with only a draft answer or response has no rows', () => {
    expect(
      hearingResponseRows(
        {
          hearingId: 'H1',
          municipality: '3305',
          responses: [{ ...response, status: 'draft', version: 1, at: '2026-12-01T10:00:00.000Z' }],
        },
        hearing,
        c,
      ),
    ).toEqual([]);
  });

  it('a named vote’s row holds totals only, never who voted what, and nothing until it closes', () => {
    const vote = openVoteOf(3, { secrecy: 'named' }, 'v1');
    const box = castAll(vote, [
      ['m1', 'for'],
      ['m2', 'against'],
      ['m3', 'for'],
    ]);
    const open = voteRow({ ...vote, openedBy: 'kari' }, box, c);
    expect(open.cells).toMatchObject({ VoteState: 'open', Voted: 3, For: null, Against: null, Outcome: null });
    const closed = voteRow(
      { ...vote, state: 'closed', closedAt: '2026-03-10T12:00:00.000Z', openedBy: 'kari' },
      box,
      c,
    );
    expect(closed.cells).toMatchObject({
      VoteState: 'closed',
      Voted: 3,
      For: 2,
      Against: 1,
      Abstained: 0,
      Outcome: 'adopted',
      QuorumMet: true,
    });
    expect(JSON.stringify(closed)).not.toMatch(/"m[123]"/);
  });

  it('says a decision is followed up only when every task is done', () => {
    expect(followUpState([])).toBe('none');
    expect(followUpState([task, { ...task, id: 'F2', status: 'done' }])).toBe('open');
    expect(followUpState([{ ...task, status: 'done' }])).toBe('done');
  });
});
