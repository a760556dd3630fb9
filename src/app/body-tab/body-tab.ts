import { formatCaseNumber } from '../../domain/case-number';
import type { DecisionEntry, FollowUpState } from '../../domain/decision-register';
import { followUpState, parseDecisionQuery, searchDecisions } from '../../domain/decision-register';
import type { Meeting, MeetingState } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { archivedDocument, type ArchivedKind } from '../archive/archive-records';
import { bodyMeetings } from '../meetings/meeting-records';
import { decisionEntries } from '../register/decision-entries';

/**
 * The channel tab of one body (the configurable tab's setting): its meetings, its decisions
 * (the same register `vedtak` searches, with follow-up status) and its documents (links into
 * the document library and the cases' own documents).
 */
export interface BodyTab {
  readonly bodyId: string;
  readonly name: string;
  /** Planned and not yet over, soonest first. */
  readonly upcoming: readonly BodyMeeting[];
  /** Held or cancelled, or planned and over, newest first. */
  readonly earlier: readonly BodyMeeting[];
  readonly decisions: {
    /** How many decisions match the search (all of them are listed up to `DECISIONS_LISTED`). */
    readonly found: number;
    readonly entries: readonly BodyDecision[];
  };
  readonly documents: readonly BodyDocument[];
}

export interface BodyMeeting {
  readonly meetingId: string;
  readonly title: string;
  readonly start: string;
  readonly state: MeetingState;
  /** The cases on its agenda, withdrawn ones and the approval of the minutes not counted. */
  readonly cases: number;
}

export interface BodyDecision {
  readonly meetingId: string;
  /** The meeting's date in Oslo (YYYY-MM-DD). */
  readonly date: string;
  readonly caseNumber: string;
  /** Empty for the approval of the minutes: the tab names it. */
  readonly title: string;
  readonly decision: string;
  readonly approved: boolean;
  readonly followUp: {
    readonly state: FollowUpState;
    readonly open: number;
    readonly done: number;
    readonly overdue: number;
  };
}

export interface BodyDocument {
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly start: string;
  /** A document Samråd saved in the library, or a document linked on a case. */
  readonly kind: ArchivedKind | 'case';
  /** The case's document title, or for a saved document the case number is empty and the tab names the kind. */
  readonly title: string;
  readonly caseNumber?: string;
  readonly url: string;
}

/** A tab is not a report: the CSV export has every decision. */
export const DECISIONS_LISTED = 50;
/** The documents of this many of the body's latest meetings. */
const MEETINGS_WITH_DOCUMENTS = 12;
const EARLIER_MEETINGS = 10;

/** Only web addresses open in Teams; a local folder's file URL does not. */
const web = (url: string): boolean => /^https:\/\/\S+$/i.test(url);

export async function bodyTab(
  deps: { store: RecordStore; clock: Clock },
  org: Organisation,
  bodyId: string,
  search: string,
): Promise<BodyTab | undefined> {
  const body = org.bodies.find((b) => b.id === bodyId);
  if (!body) return undefined;
  const now = deps.clock.now();
  const meetings = (await bodyMeetings(deps.store, bodyId)).map((r) => r.value);
  const isUpcoming = (m: Meeting) => m.state === 'planned' && Date.parse(m.end) >= now.getTime();
  const newestFirst = [...meetings].sort((a, b) => b.start.localeCompare(a.start));
  const query = parseDecisionQuery(search, org.bodies);
  // The tab is the body's own: other bodies named in the search do not widen it.
  const found = searchDecisions(
    (await decisionEntries(deps.store, now)).filter((e) => e.bodyId === bodyId),
    { ...query, bodyIds: [] },
  );
  return {
    bodyId,
    name: body.name,
    upcoming: meetings
      .filter(isUpcoming)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(shown),
    earlier: newestFirst
      .filter((m) => !isUpcoming(m))
      .slice(0, EARLIER_MEETINGS)
      .map(shown),
    decisions: { found: found.length, entries: found.slice(0, DECISIONS_LISTED).map(decision) },
    documents: (
      await Promise.all(
        newestFirst
          .filter((m) => m.state !== 'cancelled')
          .slice(0, MEETINGS_WITH_DOCUMENTS)
          .map((m) => documentsOf(deps.store, m)),
      )
    ).flat(),
  };
}

const shown = (m: Meeting): BodyMeeting => ({
  meetingId: m.id,
  title: m.title,
  start: m.start,
  state: m.state,
  cases: m.agenda.filter((i) => i.kind === 'case' && i.status !== 'withdrawn').length,
});

const decision = (e: DecisionEntry): BodyDecision => ({
  meetingId: e.meetingId,
  date: e.date,
  caseNumber: formatCaseNumber(e.caseNumber),
  title: e.title,
  decision: e.decision,
  approved: e.approved,
  followUp: { state: followUpState(e), ...e.followUp },
});

async function documentsOf(store: RecordStore, m: Meeting): Promise<BodyDocument[]> {
  const head = { meetingId: m.id, meetingTitle: m.title, start: m.start };
  const saved = await Promise.all(
    (['basis-document', 'minutes'] as const).map(async (kind) => {
      const doc = await archivedDocument(store, kind, m.id);
      return doc && web(doc.url) ? [{ ...head, kind, title: '', url: doc.url }] : [];
    }),
  );
  const cases = m.agenda
    .filter((i) => i.status !== 'withdrawn')
    .flatMap((i) =>
      i.documents
        .filter((d) => web(d.url))
        .map((d) => ({
          ...head,
          kind: 'case' as const,
          title: d.title,
          caseNumber: formatCaseNumber(i.caseNumber),
          url: d.url,
        })),
    );
  return [...saved.flat(), ...cases];
}
