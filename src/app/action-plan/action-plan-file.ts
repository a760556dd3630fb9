import type { FocusArea, FocusAreaStatus } from '../../domain/action-plan';
import { totalBudget } from '../../domain/action-plan';
import { formatCaseNumber } from '../../domain/case-number';
import type { AgendaItem } from '../../domain/agenda-item';
import type { FollowUpTask } from '../../domain/follow-up';
import { isOverdue } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import type { Translator } from '../../i18n/catalogue';
import type { Block, DocumentRenderer, ExportDocument } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import type { DownloadFile } from '../input/basis-document-file';
import { liveCase } from './action-plan-case';
import type { ActionPlanRecord } from './action-plan-records';
import { loadPlan } from './action-plan-records';
import { dayText, kroner, measureTaskId, ownerName, planStatus } from './action-plan-view';

const yearOf = (id: string): number | undefined => (/^H\d{4}$/.test(id) ? Number(id.slice(1)) : undefined);

export interface PlanReport {
  readonly plan: ActionPlanRecord;
  readonly decided?: { readonly meeting: Meeting; readonly item: AgendaItem };
  readonly tasks: ReadonlyMap<string, FollowUpTask>;
  readonly areas: readonly FocusAreaStatus[];
}

function taskState(t: Translator, task: FollowUpTask | undefined, now: Date): string {
  if (!task) return t.t('action-plan.task.missing');
  if (task.status === 'done')
    return t.t('action-plan.task.done', { date: dayText(osloDate(task.doneAt ?? task.createdAt), t) });
  return t.t(isOverdue(task, now) ? 'action-plan.task.overdue' : 'action-plan.task.open');
}

function areaBlocks(org: Organisation, t: Translator, r: PlanReport, area: FocusArea, now: Date): Block[] {
  return [
    { kind: 'heading', level: 2, text: `${area.priority}. ${area.title}` },
    {
      kind: 'table',
      header: ['measure', 'owner', 'due', 'status'].map((k) => t.t(`action-plan.column.${k}`)),
      rows: area.measures.map((m) => [
        m.description,
        ownerName(org, m.owner),
        dayText(m.due, t),
        taskState(t, r.tasks.get(measureTaskId(r.plan, area, m)), now),
      ]),
    },
  ];
}

/** For the annual meeting: the adopted plan, each focus area's budget and progress, and every measure's state. */
export function planReportDocument(org: Organisation, t: Translator, r: PlanReport, now: Date): ExportDocument {
  const { plan } = r;
  const decided = r.decided
    ? `${t.t('action-plan.document.case', { caseNumber: formatCaseNumber(r.decided.item.caseNumber) })}, ${r.decided.meeting.title} (${dayText(osloDate(r.decided.meeting.start), t)})`
    : '';
  return {
    title: t.t('action-plan.document.title', { year: plan.year }),
    subtitle: org.cooperation.name,
    locale: t.locale,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: t.t('action-plan.document.adopted'), value: decided },
          { label: t.t('action-plan.document.as-of'), value: dayText(osloDate(now), t) },
          { label: t.t('action-plan.document.budget'), value: kroner(totalBudget(plan), t) },
        ],
      },
      { kind: 'heading', level: 2, text: t.t('action-plan.document.summary') },
      {
        kind: 'table',
        header: ['priority', 'area', 'budget', 'done', 'open', 'overdue'].map((k) => t.t(`action-plan.column.${k}`)),
        rows: plan.focusAreas.map((a, i) => {
          const s = r.areas[i];
          return [String(a.priority), a.title, kroner(a.budget, t), ...[s?.done, s?.open, s?.overdue].map(String)];
        }),
        numeric: [0, 2, 3, 4, 5],
      },
      ...plan.focusAreas.flatMap((a) => areaBlocks(org, t, r, a, now)),
    ],
  };
}

/** `H2027/handlingsplan.docx`: the status report of an adopted plan; a plan not adopted has none yet. */
export async function planReportFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  id: string,
  renderer: DocumentRenderer,
  now = new Date(),
): Promise<DownloadFile | undefined> {
  const year = yearOf(id);
  const plan = year === undefined ? undefined : (await loadPlan(deps.store, year))?.value;
  if (!plan?.adopted) return undefined;
  const status = await planStatus(deps.store, plan, now);
  const decided = await liveCase(deps.store, plan.adopted);
  const report: PlanReport = { plan, ...status, ...(decided && { decided }) };
  return {
    body: await renderer.render(planReportDocument(deps.org, deps.t, report, now)),
    mediaType: renderer.mediaType,
    fileName: `handlingsplan-${plan.year}.${renderer.extension}`,
  };
}
