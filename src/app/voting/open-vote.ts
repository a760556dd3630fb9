import { membersOn } from '../cooperation/withdrawal-records';
import { emptyBox } from '../../domain/ballot';
import { membersElectorate, municipalitiesElectorate } from '../../domain/electorate';
import type { Member } from '../../domain/member';
import type { Organisation } from '../../domain/organisation';
import { boardOf } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Role } from '../../domain/role';
import type { VoteSettings } from '../../domain/vote';
import { draftVote, openVote } from '../../domain/vote';

import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import type { VoteRecord } from './vote-records';
import type { AgendaItemRef } from './agenda-link';
import { BALLOT_BOXES, newVoteId, VOTES } from './vote-records';
import { osloDate } from '../../domain/oslo-time';

export interface OpenVoteRequest {
  readonly title: string;
  readonly bodyId?: string;
  readonly caseNumber?: string;
  readonly settings: Partial<VoteSettings>;
  readonly conversationId: string;
  /** Members who have reported absence: their deputies vote instead. */
  readonly absent?: ReadonlySet<string>;
  readonly agendaItem?: AgendaItemRef;
}

/** The coordinator, or the chair of the body voting, may open a vote. */
export function mayOpenVote(member: Member, roles: ReadonlySet<Role>, bodyId: string): boolean {
  return roles.has('coordinator') || member.memberships.some((m) => m.body === bodyId && m.role === 'chair');
}

export async function openNewVote(
  deps: { store: RecordStore; clock: Clock; org: Organisation },
  actor: { member: Member; roles: ReadonlySet<Role> },
  request: OpenVoteRequest,
): Promise<Result<VoteRecord>> {
  const { store, clock, org } = deps;
  const bodyId = request.bodyId ?? boardOf(org)?.id;
  if (!bodyId || !org.bodies.some((b) => b.id === bodyId))
    return fail('VOTE.UNKNOWN_BODY', { body: request.bodyId ?? '' });
  if (!mayOpenVote(actor.member, actor.roles, bodyId)) return fail('VOTE.NOT_ALLOWED_TO_OPEN');
  const title = request.title.trim();
  if (title.length === 0) return fail('VOTE.TITLE_MISSING');
  if (title.length > 300) return fail('VOTE.TITLE_TOO_LONG', { max: 300 });

  const now = clock.now();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVoteId();
    const draft = draftVote({
      id,
      title,
      body: bodyId,
      settings: request.settings,
      ...(request.caseNumber && { caseNumber: request.caseNumber }),
    });
    if (!draft.ok) return draft;
    // Who may vote is fixed now: later changes to seats do not move an open vote.
    const electorate =
      draft.value.settings.electorate === 'members'
        ? membersElectorate(org, bodyId, osloDate(now), request.absent)
        : municipalitiesElectorate(org, osloDate(now), await membersOn(store, org, osloDate(now)));
    const opened = openVote(draft.value, electorate, now);
    if (!opened.ok) return opened;
    const record: VoteRecord = {
      ...opened.value,
      openedBy: actor.member.id,
      conversationId: request.conversationId,
      ...(request.agendaItem && { agendaItem: request.agendaItem }),
    };
    try {
      await store.create(BALLOT_BOXES, id, emptyBox(opened.value));
      await store.create<VoteRecord>(VOTES, id, record);
    } catch (e) {
      if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue; // a rare id clash: draw another
      throw e;
    }
    await audit(store, {
      kind: 'vote.opened',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { voteId: id, body: bodyId },
    });
    return ok(record);
  }
  throw new Error('Could not find a free vote id');
}
