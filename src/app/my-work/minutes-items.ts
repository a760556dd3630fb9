import { formatCaseNumber } from '../../domain/case-number';
import { isMinutesApproval } from '../../domain/agenda-item';
import type { Meeting } from '../../domain/meeting';
import { missingDecision } from '../../domain/minutes-approval';
import { approvalsNeeded, attendeesOf } from '../../domain/minutes-signing';
import type { Organisation } from '../../domain/organisation';
import { bodyName } from '../../domain/organisation';
import type { RecordStore } from '../../ports/record-store';
import { MEETINGS } from '../meetings/meeting-records';
import type { MinutesRecord } from '../minutes/minutes-records';
import { MINUTES } from '../minutes/minutes-records';

/** Minutes a member is asked to approve: what the tab shows and what `minutes.approve` needs. */
export interface MinutesWork {
  readonly kind: 'minutes';
  readonly key: string;
  readonly meetingId: string;
  /** The content read: the action refuses an approval of an older revision. */
  readonly revision: number;
  readonly title: string;
  readonly body: string;
  readonly start: string;
  readonly version: number;
  readonly approvals: number;
  readonly needed: number;
  /** Each case's vedtak, as approved; the standing first item is named by the tab's catalogue. */
  readonly decisions: readonly {
    readonly caseNumber: string;
    readonly title: string;
    readonly minutesApproval: boolean;
    readonly decision: string;
  }[];
}

/**
 * Draft minutes of a meeting this member took part in and has not approved yet, as the bot's
 * `godkjenn protokoll` finds them, and only once every case has its vedtak (before that the
 * approval would be refused, so there is nothing to do yet).
 */
export async function minutesItems(store: RecordStore, org: Organisation, memberId: string): Promise<MinutesWork[]> {
  const drafts = (await store.find<MinutesRecord>(MINUTES)).filter(
    ({ value: r }) =>
      r.minutes.status === 'draft' &&
      attendeesOf(r.minutes).includes(memberId) &&
      !r.memberApprovals.some((a) => a.memberId === memberId),
  );
  const items: MinutesWork[] = [];
  for (const { value: record } of drafts) {
    const meeting = (await store.get<Meeting>(MEETINGS, record.meetingId))?.value;
    if (!meeting || meeting.state === 'cancelled' || missingDecision(meeting, record.minutes)) continue;
    items.push({
      kind: 'minutes',
      key: `minutes:${meeting.id}:${record.revision}`,
      meetingId: meeting.id,
      revision: record.revision,
      title: meeting.title,
      body: bodyName(org, meeting.bodyId),
      start: meeting.start,
      version: record.minutes.version,
      approvals: record.memberApprovals.length,
      needed: approvalsNeeded(record.minutes),
      decisions: meeting.agenda
        .filter((i) => i.status !== 'withdrawn')
        .map((i) => ({
          caseNumber: formatCaseNumber(i.caseNumber),
          title: i.title,
          minutesApproval: isMinutesApproval(i),
          decision: record.minutes.content.items.find((m) => m.itemId === i.id)?.decision ?? '',
        })),
    });
  }
  return items.sort((a, b) => a.start.localeCompare(b.start));
}
