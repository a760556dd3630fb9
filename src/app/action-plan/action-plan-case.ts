import type { PlanCase } from '../../domain/action-plan';
import { presentPlan, totalBudget } from '../../domain/action-plan';
import { addItem, editItem } from '../../domain/agenda';
import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { bodyName } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { replaceMeeting } from '../meetings/replace-meeting';
import { scheduleNotice } from '../meetings/send-meeting-notice';
import type { PlanDeps } from './action-plan-adoption';
import type { ActionPlanRecord } from './action-plan-records';
import { changePlan, loadPlan } from './action-plan-records';
import { areaLines, kroner } from './action-plan-view';

/** The plan's case has a fixed id per meeting and year: the same command twice adds it once. */
export const planItemId = (meetingId: string, year: number): string => `${meetingId}:action-plan-${year}`;

/** Where a presented plan stands on its agenda, when that case is still live (not withdrawn, the meeting not cancelled). */
export async function liveCase(
  store: RecordStore,
  at: PlanCase | undefined,
): Promise<{ meeting: Meeting; item: AgendaItem } | undefined> {
  if (!at) return undefined;
  const meeting = (await store.get<Meeting>(MEETINGS, at.meetingId))?.value;
  const item = meeting?.agenda.find((i) => i.id === at.itemId);
  if (!meeting || !item || item.status === 'withdrawn' || meeting.state === 'cancelled') return undefined;
  return { meeting, item };
}

function caseDraft(org: Organisation, t: Translator, plan: ActionPlanRecord) {
  return {
    title: t.t('action-plan.case.title', { year: plan.year }),
    background: [t.t('action-plan.case.background', { year: plan.year }), ...areaLines(org, t, plan)].join('\n\n'),
    proposal: {
      kind: 'text' as const,
      text: t.t('action-plan.case.proposal', {
        year: plan.year,
        count: plan.focusAreas.length,
        budget: kroner(totalBudget(plan), t),
      }),
    },
  };
}

/**
 * Puts the year's plan on a board meeting's agenda as a case, with the focus areas, budgets and
 * measures as its background, and marks the plan presented there. The notice in the channel
 * follows. A retry after the agenda was written (the process died before the plan was) finds
 * its case there and marks the plan.
 */
export async function presentToBoard(
  deps: PlanDeps,
  org: Organisation,
  t: Translator,
  year: number,
  stored: StoredRecord<Meeting>,
): Promise<Result<{ meeting: Meeting; item: AgendaItem }>> {
  const plan = (await loadPlan(deps.store, year))?.value;
  if (!plan) return fail('ACTION_PLAN.NOT_FOUND', { year });
  const meeting = stored.value;
  const body = org.bodies.find((b) => b.id === meeting.bodyId);
  if (body?.kind !== 'board') return fail('ACTION_PLAN.NOT_BOARD', { body: bodyName(org, meeting.bodyId) });
  const at = { meetingId: meeting.id, itemId: planItemId(meeting.id, year) };
  const live = await liveCase(deps.store, plan.presented);
  if (live && live.item.id !== at.itemId)
    return fail('ACTION_PLAN.ON_AGENDA', {
      year,
      caseNumber: formatCaseNumber(live.item.caseNumber),
      meeting: live.meeting.title,
    });
  const day = osloDate(meeting.start);
  const checked = presentPlan(plan, at, day);
  if (!checked.ok) return checked;
  let onAgenda = meeting;
  if (!meeting.agenda.some((i) => i.id === at.itemId && i.status !== 'withdrawn')) {
    const others = (await bodyMeetings(deps.store, meeting.bodyId)).map((r) => r.value);
    const added = addItem(meeting, others, { id: at.itemId, draft: caseDraft(org, t, plan) });
    if (!added.ok) return added;
    if (!(await replaceMeeting(deps.store, stored, added.value))) return fail('MEETING.CHANGED');
    await scheduleNotice(deps.scheduler, added.value, 'agenda', deps.clock.now());
    onAgenda = added.value;
  }
  const marked = await changePlan(deps.store, year, deps.clock.now(), (current) => presentPlan(current, at, day));
  if (!marked.ok) return marked;
  const item = onAgenda.agenda.find((i) => i.id === at.itemId)!;
  return ok({ meeting: onAgenda, item });
}

/**
 * A plan changed while its case waits on a planned meeting's agenda: the case says what the
 * plan now says (background and proposal), and the notice follows. Written under the
 * meeting's eTag; a meeting changed meanwhile is read again.
 */
export async function refreshCase(
  deps: PlanDeps,
  org: Organisation,
  t: Translator,
  plan: ActionPlanRecord,
): Promise<AgendaItem | undefined> {
  const at = plan.presented;
  if (!at) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await deps.store.get<Meeting>(MEETINGS, at.meetingId);
    const item = stored?.value.agenda.find((i) => i.id === at.itemId);
    if (!stored || item?.status !== 'open' || stored.value.state !== 'planned') return undefined;
    const edited = editItem(stored.value, item.id, caseDraft(org, t, plan));
    if (!edited.ok) return undefined;
    if (await replaceMeeting(deps.store, stored, edited.value)) {
      await scheduleNotice(deps.scheduler, edited.value, 'agenda', deps.clock.now());
      return edited.value.agenda.find((i) => i.id === item.id);
    }
  }
  return undefined;
}
