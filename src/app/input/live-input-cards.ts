import { itemsForInput } from '../../domain/agenda';
import type { InputRequest } from '../../domain/input-request';
import { isPastInputDeadline } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { respondentsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';
import type { SharedCardRenderer } from '../delivery/shared-cards';
import { updateSharedCard } from '../delivery/shared-cards';
import { MEETINGS } from '../meetings/meeting-records';
import { personalChats } from '../personal-chats';
import type { Reply } from '../reply';
import { messageJob } from '../scheduling/outbox';
import type { RenderAtSend, SentMessage } from '../scheduling/outbox';
import type { JobScheduler } from '../scheduling/scheduler';
import { inputCard } from './input-card';
import { loadRequest, meetingAnswers } from './input-records';

/*
 * A sent input card follows its agenda: each respondent has one card per municipality in
 * their chat, sent once (a second `be om innspill` updates it, it does not send another) and
 * updated in place, paced, when a case is added, changed or withdrawn or the deadline moves.
 * No card goes out while the agenda has no case to answer; the first case sends them.
 */

/** Where each respondent's card is, keyed by `inputCardKey`. */
export const INPUT_CARDS = 'inputCards';
/** The renderer's name, in the outbox and for card updates. */
export const INPUT_CARD = 'input-card';

export interface PostedInputCard {
  readonly meetingId: string;
  readonly municipality: string;
  readonly memberId: string;
  readonly conversationId: string;
  readonly activityId: string;
}

export const inputCardKey = (meetingId: string, municipality: string, memberId: string): string =>
  `${meetingId}:${municipality}:${memberId}`;
const cardJobId = (key: string): string => `${INPUT_CARD}:${key}`;

function readKey(key: string): { meetingId: string; municipality: string; memberId: string } | undefined {
  const [meetingId, municipality, memberId, ...more] = key.split(':');
  return meetingId && municipality && memberId && more.length === 0 ? { meetingId, municipality, memberId } : undefined;
}

export interface LiveInputDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
  readonly organisation: () => Organisation;
  readonly t: Translator;
}

/**
 * Sends the request's cards that are not out yet and updates those that are. Called when the
 * cards are due and after every change of the agenda; does nothing before the cards are due,
 * after the deadline, or for a meeting no longer planned.
 */
export async function inputCardsFollow(deps: LiveInputDeps, meeting: Meeting, request: InputRequest): Promise<void> {
  const now = deps.clock.now();
  if (meeting.state !== 'planned' || Date.parse(request.sendAt) > now.getTime() || isPastInputDeadline(request, now))
    return;
  const hasItems = itemsForInput(meeting).length > 0;
  const org = deps.organisation();
  const chats = await personalChats(deps.store);
  const posted = new Set(
    (await deps.store.find<PostedInputCard>(INPUT_CARDS, { meetingId: meeting.id })).map((r) => r.id),
  );
  for (const municipality of request.municipalities) {
    // The respondents, not their deputies: a deputy answers with `gi innspill` when needed.
    const people = respondentsOf(org, municipality).filter((p) =>
      p.respondentFor.some((r) => r.municipality === municipality && r.role === 'respondent'),
    );
    for (const person of people) {
      const key = inputCardKey(meeting.id, municipality, person.id);
      if (posted.has(key)) {
        await updateSharedCard(deps, { card: INPUT_CARD, id: key });
        continue;
      }
      if (!hasItems) continue;
      const conversationId = await chats.of(person);
      if (!conversationId) continue;
      const message: RenderAtSend = { render: INPUT_CARD, id: key };
      const scheduled = await deps.scheduler.schedule(messageJob(cardJobId(key), { conversationId, message }, now));
      // Already on its way (rendered, not yet remembered): a trailing update brings this change.
      if (!scheduled.created) await updateSharedCard(deps, { card: INPUT_CARD, id: key });
    }
  }
}

/** After a change of the agenda: the request's cards follow, if there is a request. */
export async function inputCardsFollowMeeting(deps: LiveInputDeps, meeting: Meeting): Promise<void> {
  const request = await loadRequest(deps.store, meeting.id);
  if (request) await inputCardsFollow(deps, meeting, request);
}

/** The card for one respondent's municipality as it is now; nothing when there is none to show. */
export async function inputCardNow(
  deps: Pick<LiveInputDeps, 'store' | 'clock' | 'organisation' | 't'>,
  key: string,
): Promise<Reply | undefined> {
  const parts = readKey(key);
  if (!parts) return undefined;
  const meeting = (await deps.store.get<Meeting>(MEETINGS, parts.meetingId))?.value;
  const request = meeting && (await loadRequest(deps.store, meeting.id));
  if (!meeting || !request || itemsForInput(meeting).length === 0) return undefined;
  return inputCard(
    deps.organisation(),
    deps.t,
    meeting,
    request,
    parts.municipality,
    await meetingAnswers(deps.store, meeting.id),
    deps.clock.now(),
  );
}

/** The posted card as it is now, for the shared-card job. */
export function postedInputCardNow(
  deps: Pick<LiveInputDeps, 'store' | 'clock' | 'organisation' | 't'>,
): SharedCardRenderer {
  return async ({ id }) => {
    const posted = (await deps.store.get<PostedInputCard>(INPUT_CARDS, id))?.value;
    const reply = posted && (await inputCardNow(deps, id));
    return posted && reply
      ? { conversationId: posted.conversationId, activityId: posted.activityId, reply }
      : undefined;
  };
}

/** The outbox's after-sent hook: remembers where each card is, so later changes update it. */
export function rememberInputCard(store: RecordStore): (sent: SentMessage) => Promise<void> {
  return async (sent) => {
    if (!sent.jobId.startsWith(`${INPUT_CARD}:`)) return;
    const key = sent.jobId.slice(INPUT_CARD.length + 1);
    const parts = readKey(key);
    if (!parts) return;
    await upsert<PostedInputCard>(
      store,
      INPUT_CARDS,
      key,
      (c) => c ?? { ...parts, conversationId: sent.conversationId, activityId: sent.activityId },
    );
  };
}
