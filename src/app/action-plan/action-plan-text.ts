import { budgetBalance, totalBudget } from '../../domain/action-plan';
import { formatCaseNumber } from '../../domain/case-number';
import { feeSchedule } from '../../domain/fees';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatKroner } from '../../i18n/money';
import type { RecordStore } from '../../ports/record-store';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { errorText } from '../error-text';
import type { SignedLinks } from '../exports/signed-links';
import { liveCase } from './action-plan-case';
import type { ActionPlanRecord } from './action-plan-records';
import { areaLines, dayText, kroner, planStatus, statusLine } from './action-plan-view';

/** Teams refuses a message over about 28 KB, envelope included: the chat answer keeps within this. */
export const PLAN_TEXT_BYTES = 24 * 1024;

/** Download ids are five capitals or digits: the status report for 2027 is `H2027`. */
export const planExportId = (year: number): string => `H${year}`;

async function stateLine(store: RecordStore, t: Translator, plan: ActionPlanRecord): Promise<string> {
  const at = plan.adopted ?? plan.presented;
  const live = await liveCase(store, at);
  if (!live) return t.t('action-plan.state.draft');
  const params = {
    caseNumber: formatCaseNumber(live.item.caseNumber),
    meeting: live.meeting.title,
    date: dayText(live.meeting.start.slice(0, 10), t),
  };
  return t.t(plan.adopted ? 'action-plan.state.adopted' : 'action-plan.state.presented', params);
}

/** The budget, and set against the year's fee income where the fee can be worked out. */
async function budgetLine(store: RecordStore, org: Organisation, t: Translator, plan: ActionPlanRecord) {
  const total = t.t('action-plan.total', { budget: kroner(totalBudget(plan), t) });
  const fees = feeSchedule(org, await loadWithdrawals(store), plan.year);
  if (!fees.ok) return total;
  const { leftOre } = budgetBalance(plan, fees.value.totalOre);
  return `${total} ${t.t(leftOre >= 0 ? 'action-plan.income-left' : 'action-plan.income-short', {
    income: formatKroner(fees.value.totalOre, t.locale),
    amount: formatKroner(Math.abs(leftOre), t.locale),
  })}`;
}

/** `handlingsplan [år]`: the plan, its state, the budget against the fees, and once adopted the status per focus area. */
export async function planText(
  deps: { store: RecordStore; links: SignedLinks },
  org: Organisation,
  t: Translator,
  plan: ActionPlanRecord,
  viewer: { coordinator: boolean },
  now: Date,
): Promise<string> {
  const head = [
    t.t('action-plan.heading', { year: plan.year, cooperation: org.cooperation.name }),
    await stateLine(deps.store, t, plan),
  ];
  const full = areaLines(org, t, plan);
  // Many long measures would not fit one message: the areas with their counts, and where the measures are.
  const areas =
    Buffer.byteLength(full.join('\n\n'), 'utf8') <= PLAN_TEXT_BYTES - 4 * 1024
      ? full
      : [
          ...plan.focusAreas.map((a) =>
            t.t('action-plan.area-count', {
              priority: a.priority,
              title: a.title,
              budget: kroner(a.budget, t),
              count: a.measures.length,
            }),
          ),
          t.t('action-plan.shortened'),
        ];
  const parts = [...head, ...areas, await budgetLine(deps.store, org, t, plan)];
  if (plan.adopted) {
    const status = await planStatus(deps.store, plan, now);
    const report = `${deps.links.link(`/exports/${planExportId(plan.year)}/handlingsplan.docx`, now)}&lang=${t.locale}`;
    parts.push(
      [t.t('action-plan.status-heading'), ...status.areas.map((s) => `- ${statusLine(t, s)}`)].join('\n'),
      ...(plan.notCarried ?? []).map((n) =>
        t.t('action-plan.not-carried', { id: n.measureTaskId, reason: errorText(t, n.error) }),
      ),
      t.t('action-plan.report', { url: report }),
    );
  } else if (viewer.coordinator) parts.push(t.t('action-plan.how-to', { year: plan.year }));
  return parts.join('\n\n');
}
