import type { DomainError } from '../../domain/result';
import { domainError } from '../../domain/result';
import { errorText } from '../error-text';
import type { AgreementChange } from '../../domain/agreement-change';
import { agreementStatus, recordCouncilDecision } from '../../domain/agreement-change';

import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { StoreError, upsert } from '../../ports/record-store';
import { audit } from '../audit';
import type { CardAction, CardActionContext } from '../card-action';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { text } from '../reply';
import type { JobScheduler } from '../scheduling/scheduler';
import { tellResult } from './agreement-jobs';
import { AGREEMENT_CHANGES, loadChange } from './agreement-records';
import { decisionCard } from './agreement-view';
import { osloDate } from '../../domain/oslo-time';

const field = (ctx: CardActionContext, key: string): string =>
  typeof ctx.data[key] === 'string' ? ctx.data[key].trim() : '';

/** Who may record a municipality's council decision: its respondent or deputy, or the coordinator. */
const mayRecordFor = (ctx: CardActionContext, municipality: string): boolean =>
  ctx.actor.roles.has('coordinator') || ctx.actor.member.respondentFor.some((r) => r.municipality === municipality);

/** A refusal inside the eTag-guarded update: thrown to leave it, answered as the refusal it carries. */
class Refused extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
  }
}

export function agreementActions(deps: { store: RecordStore; clock: Clock; scheduler: JobScheduler }): CardAction[] {
  return [
    {
      verb: 'agreement.decide',
      // Her municipality's contact or a coordinator: mayRecordFor decides for this change.
      audience: ['anyone-registered'],
      async run(ctx) {
        const changeId = field(ctx, 'changeId');
        const municipality = field(ctx, 'municipality');
        const change = await loadChange(deps.store, changeId);
        if (!change) return { respond: text(ctx.t.t('error.AGREEMENT.NOT_FOUND', { id: changeId })) };
        if (!mayRecordFor(ctx, municipality)) return { respond: text(ctx.t.t('error.AGREEMENT.NOT_ALLOWED')) };
        const approved = field(ctx, 'approved');
        const now = deps.clock.now();
        const today = osloDate(now);
        const withdrawals = await loadWithdrawals(deps.store);
        // What was typed stays on the card when it is refused: nothing is lost.
        const typed = {
          approved,
          caseNumber: field(ctx, 'caseNumber'),
          date: field(ctx, 'date'),
          link: field(ctx, 'link'),
        };
        if (approved !== 'yes' && approved !== 'no') {
          return {
            respond: decisionCard(
              ctx.org,
              ctx.t,
              change,
              agreementStatus(change, withdrawals, today),
              municipality,
              ctx.t.t('error.AGREEMENT.CHOOSE'),
              typed,
            ),
          };
        }
        const decision = {
          approved: approved === 'yes',
          caseNumber: field(ctx, 'caseNumber'),
          date: field(ctx, 'date'),
          link: field(ctx, 'link'),
          by: ctx.actor.member.id,
        };
        let before: AgreementChange | undefined;
        let saved: AgreementChange | undefined;
        try {
          // eTag-guarded: two respondents deciding at once both land, each on the other's.
          const stored = await upsert<AgreementChange>(deps.store, AGREEMENT_CHANGES, change.id, (current) => {
            if (!current) throw new Refused(domainError('AGREEMENT.NOT_FOUND', { id: change.id }));
            before = current;
            const recorded = recordCouncilDecision(current, withdrawals, municipality, decision, now, today);
            if (!recorded.ok) throw new Refused(recorded.error);
            return recorded.value;
          });
          saved = stored?.value;
        } catch (e) {
          if (!(e instanceof Refused)) throw e;
          const current = before ?? change;
          const notice = errorText(ctx.t, e.error);
          return {
            respond: decisionCard(
              ctx.org,
              ctx.t,
              current,
              agreementStatus(current, withdrawals, today),
              municipality,
              notice,
              typed,
            ),
          };
        }
        if (!saved) throw new StoreError('STORE.NOT_FOUND', AGREEMENT_CHANGES, change.id);
        await audit(deps.store, {
          kind: 'agreement.decision',
          memberId: ctx.actor.member.id,
          at: now.toISOString(),
          details: { changeId: change.id, municipality, approved: decision.approved },
        });
        const was = agreementStatus(before ?? change, withdrawals, today).state;
        const status = agreementStatus(saved, withdrawals, today);
        if (was === 'pending' && status.state !== 'pending')
          await tellResult(deps, ctx.org, ctx.t, saved, status.state, now);
        return {
          respond: decisionCard(
            ctx.org,
            ctx.t,
            saved,
            status,
            municipality,
            ctx.t.t('agreement.recorded', {
              decision: ctx.t.t(decision.approved ? 'agreement.decision.yes' : 'agreement.decision.no'),
            }),
          ),
        };
      },
    },
  ];
}
