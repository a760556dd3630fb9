import type { Organisation } from '../../domain/organisation';
import { fundingTotals } from '../../domain/project';
import { osloDate } from '../../domain/oslo-time';
import type { Translator } from '../../i18n/catalogue';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import type { DownloadFile } from '../input/basis-document-file';
import { dayText } from '../networks/network-view';
import { projectOfReport } from './project-records';
import { fundingStatusText, kroner, milestoneStatusText, progressText } from './project-view';

/**
 * The status report to the board behind a report's id: purpose, milestones with their status,
 * funding, and a proposed decision, so the coordinator can attach it to a board case as it is.
 */
export async function projectReportFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  reportId: string,
  renderer: DocumentRenderer,
  now = new Date(),
): Promise<DownloadFile | undefined> {
  const { t, org } = deps;
  const project = await projectOfReport(deps.store, org, reportId);
  const report = project?.reports.find((r) => r.id === reportId);
  if (!project || !report) return undefined;
  const today = osloDate(now);
  const totals = fundingTotals(project);
  const body = await renderer.render({
    title: t.t('project.document.title', { name: project.name }),
    subtitle: org.cooperation.name,
    locale: t.locale,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: t.t('project.document.to-board'), value: org.bodies.find((b) => b.kind === 'board')?.name ?? '' },
          { label: t.t('project.document.date'), value: dayText(osloDate(report.at), t) },
          { label: t.t('project.card.leader'), value: project.leader },
        ],
      },
      { kind: 'heading', level: 2, text: t.t('project.document.purpose') },
      { kind: 'paragraph', runs: [{ text: project.purpose }] },
      {
        kind: 'paragraph',
        runs: [
          {
            text: t.t('project.document.summary', {
              progress: progressText(t, project, today),
              secured: kroner(totals.secured, t),
              applied: kroner(totals.applied, t),
            }),
          },
        ],
      },
      { kind: 'heading', level: 2, text: t.t('project.document.milestones') },
      {
        kind: 'table',
        header: ['milestone', 'due', 'status'].map((k) => t.t(`project.document.column.${k}`)),
        rows: project.milestones.map((m) => [m.title, dayText(m.due, t), milestoneStatusText(t, m, today)]),
      },
      { kind: 'heading', level: 2, text: t.t('project.document.funding') },
      {
        kind: 'table',
        header: ['amount', 'source', 'status'].map((k) => t.t(`project.document.column.${k}`)),
        rows: project.funding.map((f) => [kroner(f.amount, t), f.source, fundingStatusText(t, f)]),
      },
      { kind: 'paragraph', runs: [{ text: t.t('project.document.proposal', { name: project.name }) }] },
    ],
  });
  return {
    body,
    mediaType: renderer.mediaType,
    fileName: `prosjektrapport-${project.id}-${osloDate(report.at)}.${renderer.extension}`,
  };
}
