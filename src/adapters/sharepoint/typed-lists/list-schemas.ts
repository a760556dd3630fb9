import type { ResultListName } from '../../../ports/result-lists';
import type { ListSchema, TypedColumn, ViewSpec } from './list-columns';

/**
 * The nine result lists on the site: stable internal names (the list's URL and each column's
 * internal name never change), display names from `locales/<locale>/lists.json`.
 * Columns are real SharePoint types, so a person can filter, sort, group and export them.
 */
/** Every list has these two: the row's key (upsert by it) and the record it came from. */
const KEYS: readonly TypedColumn[] = [
  { name: 'SamradKey', kind: 'text', indexed: true, unique: true },
  { name: 'SamradSource', kind: 'text', indexed: true },
];

const list = (list: ResultListName, internalName: string, columns: TypedColumn[], views: ViewSpec[]): ListSchema => ({
  list,
  internalName,
  columns: [...KEYS, ...columns],
  views,
});

const view = (
  key: string,
  fields: string[],
  orderBy: [string, boolean][],
  extra: { groupBy?: string; isDefault?: boolean } = {},
): ViewSpec => ({
  key,
  fields: ['LinkTitle', ...fields],
  orderBy: orderBy.map(([field, ascending]) => ({ field, ascending })),
  ...(extra.groupBy && { groupBy: extra.groupBy }),
  isDefault: extra.isDefault ?? false,
});

export const LIST_SCHEMAS: readonly ListSchema[] = [
  list(
    'meetings',
    'SamradMeetings',
    [
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'MeetingNumber', kind: 'text' },
      { name: 'Start', kind: 'dateTime', indexed: true },
      { name: 'End', kind: 'dateTime' },
      { name: 'Place', kind: 'text' },
      { name: 'Online', kind: 'boolean' },
      { name: 'JoinLink', kind: 'link' },
      { name: 'State', kind: 'choice', choices: 'meetingState', indexed: true },
      { name: 'Cases', kind: 'number' },
      { name: 'CancelReason', kind: 'note' },
    ],
    [
      view('upcoming', ['Body', 'MeetingNumber', 'Start', 'Place', 'State', 'Cases'], [['Start', false]], {
        isDefault: true,
      }),
    ],
  ),
  list(
    'cases',
    'SamradCases',
    [
      { name: 'CaseNumber', kind: 'text', indexed: true },
      { name: 'CaseYear', kind: 'number' },
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'Meeting', kind: 'text' },
      { name: 'MeetingStart', kind: 'dateTime', indexed: true },
      { name: 'ItemKind', kind: 'choice', choices: 'itemKind' },
      { name: 'ItemStatus', kind: 'choice', choices: 'itemStatus' },
      { name: 'Proposal', kind: 'note' },
      { name: 'Background', kind: 'note' },
      { name: 'Responsible', kind: 'text' },
      { name: 'Document', kind: 'link' },
      { name: 'Documents', kind: 'note' },
    ],
    [
      view(
        'by-meeting',
        ['CaseNumber', 'Body', 'MeetingStart', 'ItemStatus', 'Responsible', 'Document'],
        [
          ['MeetingStart', false],
          ['CaseNumber', true],
        ],
        { groupBy: 'Body', isDefault: true },
      ),
    ],
  ),
  list(
    'decisions',
    'SamradDecisions',
    [
      { name: 'CaseNumber', kind: 'text', indexed: true },
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'Meeting', kind: 'text' },
      { name: 'MeetingStart', kind: 'dateTime', indexed: true },
      { name: 'Decision', kind: 'note' },
      { name: 'MinutesStatus', kind: 'choice', choices: 'minutesStatus' },
      { name: 'FollowUp', kind: 'choice', choices: 'followUpState', indexed: true },
      { name: 'OpenTasks', kind: 'number' },
    ],
    [
      view(
        'by-body-and-date',
        ['CaseNumber', 'MeetingStart', 'Decision', 'FollowUp', 'OpenTasks'],
        [['MeetingStart', false]],
        { groupBy: 'Body', isDefault: true },
      ),
    ],
  ),
  list(
    'votes',
    'SamradVotes',
    [
      { name: 'CaseNumber', kind: 'text', indexed: true },
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'VoteState', kind: 'choice', choices: 'voteState', indexed: true },
      { name: 'Secrecy', kind: 'choice', choices: 'secrecy' },
      { name: 'Rule', kind: 'choice', choices: 'rule' },
      { name: 'Electorate', kind: 'choice', choices: 'electorate' },
      { name: 'Quorum', kind: 'text' },
      { name: 'Deadline', kind: 'dateTime' },
      { name: 'OpenedAt', kind: 'dateTime', indexed: true },
      { name: 'ClosedAt', kind: 'dateTime' },
      { name: 'Eligible', kind: 'number' },
      { name: 'Voted', kind: 'number' },
      { name: 'For', kind: 'number' },
      { name: 'Against', kind: 'number' },
      { name: 'Abstained', kind: 'number' },
      { name: 'Results', kind: 'note' },
      { name: 'Outcome', kind: 'choice', choices: 'outcome' },
      { name: 'QuorumMet', kind: 'boolean' },
    ],
    [
      view(
        'latest',
        ['CaseNumber', 'Body', 'VoteState', 'Secrecy', 'ClosedAt', 'For', 'Against', 'Abstained', 'Outcome'],
        [['OpenedAt', false]],
        { isDefault: true },
      ),
    ],
  ),
  list(
    'input',
    'SamradInput',
    [
      { name: 'Meeting', kind: 'text' },
      { name: 'MeetingStart', kind: 'dateTime', indexed: true },
      { name: 'CaseNumber', kind: 'text', indexed: true },
      { name: 'Municipality', kind: 'text', indexed: true },
      { name: 'MunicipalityNumber', kind: 'text' },
      { name: 'Position', kind: 'choice', choices: 'inputPosition' },
      { name: 'InputText', kind: 'note' },
      { name: 'AnswerStatus', kind: 'choice', choices: 'answerStatus' },
      { name: 'AnswerVersion', kind: 'number' },
      { name: 'GivenBy', kind: 'text' },
      { name: 'GivenAt', kind: 'dateTime' },
    ],
    [
      view('by-case', ['Municipality', 'Position', 'InputText', 'AnswerStatus', 'GivenAt'], [['Municipality', true]], {
        groupBy: 'CaseNumber',
        isDefault: true,
      }),
    ],
  ),
  list(
    'hearings',
    'SamradHearings',
    [
      { name: 'HearingId', kind: 'text', indexed: true },
      { name: 'Issuer', kind: 'text' },
      { name: 'ExternalDeadline', kind: 'dateTime', indexed: true },
      { name: 'InternalDeadline', kind: 'dateTime', indexed: true },
      { name: 'HearingState', kind: 'choice', choices: 'hearingState', indexed: true },
      { name: 'Municipalities', kind: 'number' },
      { name: 'Document', kind: 'link' },
      { name: 'Documents', kind: 'note' },
      { name: 'RegisteredAt', kind: 'dateTime' },
      { name: 'ClosedAt', kind: 'dateTime' },
    ],
    [
      view(
        'by-deadline',
        ['HearingId', 'Issuer', 'ExternalDeadline', 'InternalDeadline', 'HearingState', 'Document'],
        [['InternalDeadline', false]],
        { isDefault: true },
      ),
    ],
  ),
  list(
    'hearingResponses',
    'SamradHearingResponses',
    [
      { name: 'HearingId', kind: 'text', indexed: true },
      { name: 'Hearing', kind: 'text' },
      { name: 'Municipality', kind: 'text', indexed: true },
      { name: 'MunicipalityNumber', kind: 'text' },
      { name: 'QuestionNumber', kind: 'number' },
      { name: 'Question', kind: 'note' },
      { name: 'Answer', kind: 'note' },
      { name: 'Position', kind: 'choice', choices: 'hearingPosition' },
      { name: 'Comment', kind: 'note' },
      { name: 'AnswerStatus', kind: 'choice', choices: 'answerStatus' },
      { name: 'Late', kind: 'boolean' },
      { name: 'AnswerVersion', kind: 'number' },
      { name: 'GivenBy', kind: 'text' },
      { name: 'GivenAt', kind: 'dateTime' },
      { name: 'Document', kind: 'link' },
    ],
    [
      view(
        'by-hearing',
        ['Municipality', 'QuestionNumber', 'Position', 'Answer', 'AnswerStatus', 'Late', 'GivenAt'],
        [
          ['Municipality', true],
          ['QuestionNumber', true],
        ],
        { groupBy: 'HearingId', isDefault: true },
      ),
    ],
  ),
  list(
    'minutes',
    'SamradMinutes',
    [
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'Meeting', kind: 'text' },
      { name: 'MeetingStart', kind: 'dateTime', indexed: true },
      { name: 'MinutesVersion', kind: 'number' },
      { name: 'Current', kind: 'boolean' },
      { name: 'MinutesStatus', kind: 'choice', choices: 'minutesStatus' },
      { name: 'ApprovedAt', kind: 'dateTime' },
      { name: 'ApprovedBy', kind: 'text' },
      { name: 'ChangedAt', kind: 'dateTime' },
      { name: 'ChangedBy', kind: 'text' },
      { name: 'ChangeReason', kind: 'note' },
      { name: 'Decisions', kind: 'number' },
    ],
    [
      view(
        'by-meeting',
        ['Body', 'MeetingStart', 'MinutesVersion', 'Current', 'MinutesStatus', 'ApprovedAt', 'ChangeReason'],
        [
          ['MeetingStart', false],
          ['MinutesVersion', false],
        ],
        { isDefault: true },
      ),
    ],
  ),
  list(
    'followUps',
    'SamradFollowUps',
    [
      { name: 'CaseNumber', kind: 'text', indexed: true },
      { name: 'Body', kind: 'text', indexed: true },
      { name: 'Meeting', kind: 'text' },
      { name: 'Task', kind: 'note' },
      { name: 'Owner', kind: 'text', indexed: true },
      { name: 'Due', kind: 'date', indexed: true },
      { name: 'TaskStatus', kind: 'choice', choices: 'taskStatus', indexed: true },
      { name: 'DoneAt', kind: 'dateTime' },
    ],
    [
      view(
        'open-first',
        ['CaseNumber', 'Body', 'Task', 'Owner', 'Due', 'TaskStatus'],
        [
          ['TaskStatus', false],
          ['Due', true],
        ],
        { isDefault: true },
      ),
    ],
  ),
];

export const schemaOf = (list: ResultListName): ListSchema => {
  const schema = LIST_SCHEMAS.find((s) => s.list === list);
  if (!schema) throw new Error(`no schema for the result list ${list}`);
  return schema;
};
