import { municipalityName } from '../../domain/organisation';
import type { Withdrawal } from '../../domain/withdrawal';
import { recordWithdrawal } from '../../domain/withdrawal';
import { formatDate } from '../../i18n/dates';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { withdrawalArgs, withdrawalFrom } from '../cooperation/withdrawal-args';
import { tellBoardOfWithdrawal } from '../cooperation/withdrawal-notices';
import { loadWithdrawals, WITHDRAWALS } from '../cooperation/withdrawal-records';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { usageText } from './grammar/usage';
import { osloDate } from '../../domain/oslo-time';

/**
 * `meld utmelding Gol 10.03.2026`: records a municipality's written notice, works out when it
 * leaves, and tells the board. The municipality's number is the record's id: two coordinators
 * recording the same notice at once make one record.
 */
export const reportWithdrawalCommand = declareCommand({
  id: 'report-withdrawal',
  audience: ['coordinator'],
  inMenu: false,
  args: withdrawalArgs,
  async run({ actor, org, t, input, typed }, { store, clock, scheduler }) {
    const now = clock.now();
    const today = osloDate(now);
    const say = (code: string, params: Record<string, string | number> = {}) => [
      text(t.t(`error.${code}`, { ...params, usage: usageText(t, 'report-withdrawal', withdrawalArgs) })),
    ];
    const date = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);
    const parsed = withdrawalFrom(org, input, typed.noticeDate ?? '', today);
    if (!parsed.ok) return say(parsed.error.code, parsed.error.params);
    const recorded = recordWithdrawal(org, await loadWithdrawals(store), parsed.value, actor.member.id, now, today);
    if (!recorded.ok) {
      const p = recorded.error.params ?? {};
      return say(recorded.error.code, {
        ...p,
        municipality: municipalityName(org, parsed.value.municipality),
        ...(typeof p.noticeDate === 'string' && { noticeDate: date(p.noticeDate) }),
        ...(typeof p.effectiveDate === 'string' && { effectiveDate: date(p.effectiveDate) }),
      });
    }
    const w = recorded.value;
    try {
      await store.create<Withdrawal>(WITHDRAWALS, w.municipality, w);
    } catch (e) {
      if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
      const earlier = (await store.get<Withdrawal>(WITHDRAWALS, w.municipality))?.value ?? w;
      return say('WITHDRAWAL.ALREADY_RECORDED', {
        municipality: municipalityName(org, w.municipality),
        noticeDate: date(earlier.noticeDate),
        effectiveDate: date(earlier.effectiveDate),
      });
    }
    await audit(store, {
      kind: 'withdrawal.recorded',
      memberId: actor.member.id,
      at: now.toISOString(),
      details: { municipality: w.municipality, noticeDate: w.noticeDate, effectiveDate: w.effectiveDate },
    });
    const told = await tellBoardOfWithdrawal({ store, scheduler }, org, t, w, today, now);
    return [
      text(
        t.t('withdrawal.recorded', {
          municipality: municipalityName(org, w.municipality),
          notice: date(w.noticeDate),
          effective: date(w.effectiveDate),
          told,
        }),
      ),
    ];
  },
});
