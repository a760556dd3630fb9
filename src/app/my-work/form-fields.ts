import type { ErrorCode } from '../../domain/error-catalogue';
import type { DomainError } from '../../domain/result';
import { readDeadline } from '../hearings/hearing-form';

/**
 * Which field of a form a refusal is about, so the tab shows the message beside it. The
 * field names are the card's own input ids (cards/*-form.json): the tab sends the same fields.
 * A refusal about the whole form (the meeting changed meanwhile) has no field.
 */
const fieldOf: Partial<Record<ErrorCode, string>> = {
  'MEETING.BODY_REQUIRED': 'body',
  'MEETING.UNKNOWN_BODY': 'body',
  'MEETING.TITLE_REQUIRED': 'title',
  'MEETING.BAD_TIME': 'date',
  'MEETING.IN_PAST': 'date',
  'MEETING.OVERLAPS': 'startTime',
  'MEETING.END_NOT_AFTER_START': 'endTime',
  'MEETING.PLACE_REQUIRED': 'place',
  'MEETING.BAD_JOIN_URL': 'place',
  'AGENDA.TITLE_REQUIRED': 'title',
  'AGENDA.TITLE_TOO_LONG': 'title',
  'AGENDA.PROPOSAL_REQUIRED': 'proposal',
  'AGENDA.STANDARD_PROPOSAL_RESERVED': 'proposal',
  'AGENDA.BAD_DOCUMENT_LINK': 'documents',
  'HEARING.TITLE_REQUIRED': 'title',
  'HEARING.TITLE_TOO_LONG': 'title',
  'HEARING.ISSUER_REQUIRED': 'issuer',
  'HEARING.NO_DEADLINE': 'externalDeadline',
  'HEARING.DEADLINE_IN_PAST': 'externalDeadline',
  'HEARING.INTERNAL_DEADLINE_IN_PAST': 'internalDeadline',
  'HEARING.DEFAULT_INTERNAL_IN_PAST': 'internalDeadline',
  'HEARING.INTERNAL_AFTER_EXTERNAL': 'internalDeadline',
  'HEARING.BAD_LINK': 'documents',
  'HEARING.TOO_MANY_LINKS': 'documents',
  'HEARING.TOO_MANY_QUESTIONS': 'questions',
  'HEARING.QUESTION_TOO_LONG': 'questions',
  'HEARING.DUPLICATE_QUESTION': 'questions',
  'HEARING.TEXT_TOO_LONG': 'background',
  'HEARING.UNKNOWN_MUNICIPALITY': 'municipalities',
  'HEARING.NO_MUNICIPALITIES': 'municipalities',
  'HEARING.BAD_REMINDERS': 'reminders',
};

export function refusedField(
  error: DomainError,
  data: Readonly<Record<string, unknown>>,
  now: Date,
): string | undefined {
  // Either deadline may be unreadable: the one the form's own reader refuses is the one to mark.
  if (error.code === 'HEARING.BAD_DEADLINE') {
    const external = typeof data.externalDeadline === 'string' ? data.externalDeadline : '';
    return readDeadline(external, now).ok ? 'internalDeadline' : 'externalDeadline';
  }
  return fieldOf[error.code as ErrorCode];
}
