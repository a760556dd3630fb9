import { errorText } from '../error-text';
import { agreementStatus, startAgreementChange } from '../../domain/agreement-change';

import { isStoreError } from '../../ports/record-store';
import type { AgreementChange } from '../../domain/agreement-change';
import { agreementArgs, agreementArgsSchema, DEFAULT_ANSWER_DAYS } from '../agreement/agreement-args';
import { declareCommand } from './grammar/declare-command';
import { usageText } from './grammar/usage';
import { distributeChange, scheduleAgreementReminders } from '../agreement/agreement-jobs';
import { AGREEMENT_CHANGES, allChanges, loadChange } from '../agreement/agreement-records';
import { dateText, progressLine, trackerCard } from '../agreement/agreement-view';
import { audit } from '../audit';
import { loadWithdrawals, membersOn } from '../cooperation/withdrawal-records';
import { text } from '../reply';
import { shortId } from '../short-id';
import { osloDate } from '../../domain/oslo-time';

const plusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * `avtaleendring`: changes to the agreement, each needing every member municipality's council.
 * Starting one is the coordinator's; the board, respondents and the coordinator follow the tracker.
 */
export const agreementChangeCommand = declareCommand({
  id: 'agreement-change',
  audience: ['coordinator', 'board-member', 'respondent'],
  inMenu: false,
  args: agreementArgsSchema,
  async run({ actor, org, t, input }, { store, clock, scheduler, links }) {
    const now = clock.now();
    const today = osloDate(now);
    const usage = usageText(t, 'agreement-change', agreementArgsSchema);
    const parsed = agreementArgs(input, today);
    if (!parsed.ok) return [text(errorText(t, { ...parsed.error, params: { ...parsed.error.params, usage } }))];
    const withdrawals = await loadWithdrawals(store);
    const a = parsed.value;
    if (a.kind === 'list') {
      const changes = await allChanges(store);
      if (changes.length === 0) return [text(t.t('agreement.none', { usage }))];
      const lines = changes.map((c) => {
        const s = agreementStatus(c, withdrawals, today);
        return t.t('agreement.list-line', {
          id: c.id,
          title: c.title,
          state: t.t(`agreement.state.${s.state}`),
          progress: progressLine(org, t, s),
        });
      });
      return [text([t.t('agreement.list-heading'), ...lines].join('\n\n'))];
    }
    if (a.kind === 'show') {
      const change = await loadChange(store, a.id);
      if (!change) return [text(t.t('error.AGREEMENT.NOT_FOUND', { id: a.id }))];
      return [trackerCard(org, t, change, agreementStatus(change, withdrawals, today), links, now)];
    }
    if (!actor.roles.has('coordinator')) return [text(t.t('error.AGREEMENT.START_NOT_ALLOWED'))];
    const members = await membersOn(store, org, today);
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = startAgreementChange(
        { title: a.title, proposedText: a.proposedText, answerBy: a.answerBy ?? plusDays(today, DEFAULT_ANSWER_DAYS) },
        members,
        { id: shortId(), by: actor.member.id },
        now,
        today,
      );
      if (!started.ok) return [text(errorText(t, { ...started.error, params: { ...started.error.params, usage } }))];
      const change = started.value;
      try {
        await store.create<AgreementChange>(AGREEMENT_CHANGES, change.id, change);
      } catch (e) {
        if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
        throw e;
      }
      await audit(store, {
        kind: 'agreement.started',
        memberId: actor.member.id,
        at: now.toISOString(),
        details: { changeId: change.id },
      });
      const sent = await distributeChange({ store, scheduler }, org, t, change, now);
      await scheduleAgreementReminders(scheduler, change, now);
      return [
        text(
          t.t('agreement.started', {
            id: change.id,
            title: change.title,
            count: change.municipalities.length,
            sent,
            answerBy: dateText(change.answerBy, t),
          }),
        ),
        trackerCard(org, t, change, agreementStatus(change, withdrawals, today), links, now),
      ];
    }
    throw new Error('no free id for an agreement change after 5 attempts');
  },
});
