import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Job } from './job';
import { OUTBOX } from './outbox';

/**
 * A job in words for the coordinator ("påminnelse om avstemning K7P3Q til Marit Kvam (Gol)"),
 * from its kind and id. Ids are the callers' idempotency keys: a prefix, the subject (a
 * meeting, hearing or vote id, which have no colons), and for a message the municipality and
 * person it was for; the organisation turns those into names.
 */

/** Messages by the id's prefix: what the outbox was sending. */
const messages: Readonly<Record<string, string>> = {
  absence: 'absence',
  'follow-up-message': 'follow-up',
  'hearing-card': 'hearing-card',
  'hearing-extended': 'hearing-extended',
  'hearing-notice': 'hearing-notice',
  'hearing-remind': 'hearing-remind',
  'input.send': 'input-card',
  'input-card': 'input-card',
  'input.remind': 'input-remind',
  'input-summary-post': 'input-summary',
  invite: 'invite',
  'minutes-approval': 'minutes-approval',
  'network-inquiry-message': 'inquiry-remind',
  notice: 'meeting-notice',
  'project-milestone-message': 'milestone-remind',
  'vote-remind': 'vote-remind',
};

/** Other jobs by their kind: the work itself, which then queues messages. */
const work: Readonly<Record<string, string>> = {
  'meeting.announce': 'meeting-announce',
  'vote.close-at-deadline': 'vote-close',
  'input.send': 'input-send',
  'input.remind': 'input-reminders',
  'input.summary': 'input-summary-at-deadline',
  'hearing.distribute': 'hearing-distribute',
  'hearing.remind': 'hearing-reminders',
  'follow-up.remind': 'follow-up-reminder',
  'document.archive': 'archive',
  'project.milestone-remind': 'milestone-reminder',
  'network.inquiry-remind': 'inquiry-reminder',
};

const subjectFields = ['meetingId', 'hearingId', 'voteId', 'taskId', 'subjectId', 'projectId', 'inquiryId'] as const;

function subjectOf(job: Job, rest: string[]): string {
  const payload = (job.payload ?? {}) as Record<string, unknown>;
  for (const field of subjectFields) if (typeof payload[field] === 'string') return payload[field];
  return rest[0] ?? '';
}

/**
 * Whom a message was for: the last member the id names (an absence notice names the absent
 * member first, the recipient last) and the municipality they answer for.
 */
function recipientOf(org: Organisation, rest: string[]): string {
  const person = rest.map((s) => memberById(org, s)).findLast((m) => m !== undefined);
  const municipality = rest.map((s) => org.municipalities.find((m) => m.number === s)).findLast((m) => m !== undefined);
  if (person && municipality) return `${person.name} (${municipality.name})`;
  return person?.name ?? municipality?.name ?? 'none';
}

export function describeJob(job: Job, org: Organisation, t: Translator): string {
  const colon = job.id.indexOf(':');
  const prefix = colon < 0 ? job.id : job.id.slice(0, colon);
  const rest = colon < 0 ? [] : job.id.slice(colon + 1).split(':');
  const subject = subjectOf(job, rest);
  if (job.kind === OUTBOX) {
    const key = messages[prefix] ?? 'other';
    return t.t(`jobs.what.message.${key}`, { subject, to: recipientOf(org, rest) });
  }
  const key = work[job.kind];
  return key ? t.t(`jobs.what.job.${key}`, { subject }) : t.t('jobs.what.job.other', { kind: job.kind });
}
