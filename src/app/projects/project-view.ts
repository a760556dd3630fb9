import { formatCaseNumber } from '../../domain/case-number';
import type { Funding, Project } from '../../domain/project';
import { fundingTotals, milestoneStatus, projectProgress } from '../../domain/project';
import { osloDate } from '../../domain/oslo-time';
import type { Translator } from '../../i18n/catalogue';
import { formatKroner } from '../../i18n/money';
import type { SignedLinks } from '../exports/signed-links';
import { dayText } from '../networks/network-view';
import type { Reply } from '../reply';
import { card } from '../reply';

export const kroner = (amount: number, t: Translator): string => formatKroner(amount * 100, t.locale);

/** "1 av 3 milepæler nådd, 1 forsinket; neste: Pilot i Gol 31.03.2027". */
export function progressText(t: Translator, project: Project, today: string): string {
  const p = projectProgress(project, today);
  return t.t('project.progress', {
    reached: p.reached,
    total: p.total,
    overdue: p.overdue,
    next: p.next?.title ?? 'none',
    due: p.next ? dayText(p.next.due, t) : '',
  });
}

export function fundingText(t: Translator, project: Project): string {
  const f = fundingTotals(project);
  return t.t('project.funding-line', {
    secured: kroner(f.secured, t),
    applied: f.applied > 0 ? kroner(f.applied, t) : 'none',
  });
}

export function listLine(t: Translator, project: Project, today: string): string {
  return t.t('project.list-line', {
    name: project.name,
    id: project.id,
    sample: project.sample ? 'yes' : 'no',
    leader: project.leader,
    progress: progressText(t, project, today),
    funding: fundingText(t, project),
  });
}

export const fundingStatusText = (t: Translator, f: Funding): string =>
  t.t(`project.funding.${f.status}`, { case: f.boardCase ? formatCaseNumber(f.boardCase) : '' });

export const milestoneStatusText = (t: Translator, m: Project['milestones'][number], today: string): string =>
  t.t(`project.milestone.${milestoneStatus(m, today)}`, { date: m.reached ? dayText(m.reached, t) : '' });

/** The project on a card: leader, money, milestones with their status, and the latest report to download. */
export function projectCard(t: Translator, project: Project, links: SignedLinks, now: Date): Reply {
  const today = osloDate(now);
  const totals = fundingTotals(project);
  const latest = project.reports.at(-1);
  return card('project', {
    heading: t.t('project.card.heading', { name: project.name, sample: project.sample ? 'yes' : 'no' }),
    purpose: project.purpose,
    progress: progressText(t, project, today),
    facts: [
      { title: t.t('project.card.leader'), value: project.leader },
      { title: t.t('project.card.started'), value: dayText(osloDate(project.startedAt), t) },
      { title: t.t('project.card.secured'), value: kroner(totals.secured, t) },
      { title: t.t('project.card.applied'), value: kroner(totals.applied, t) },
      { title: t.t('project.card.reports'), value: String(project.reports.length) },
    ],
    milestonesLabel: t.t('project.card.milestones'),
    milestones: project.milestones.map((m, i) => ({
      text: t.t('project.milestone-line', {
        n: i + 1,
        title: m.title,
        due: dayText(m.due, t),
        status: milestoneStatusText(t, m, today),
      }),
      colour: milestoneStatus(m, today) === 'overdue' ? 'Attention' : 'Default',
    })),
    noMilestones: project.milestones.length === 0 ? t.t('project.card.no-milestones') : '',
    fundingLabel: t.t('project.card.funding'),
    funding: project.funding.map((f, i) => ({
      text: t.t('project.funding-item', {
        n: i + 1,
        amount: kroner(f.amount, t),
        source: f.source,
        status: fundingStatusText(t, f),
      }),
    })),
    noFunding: project.funding.length === 0 ? t.t('project.card.no-funding') : '',
    hasReport: latest !== undefined,
    reportLabel: t.t('project.card.report'),
    report: latest ? reportUrl(links, latest.id, t, now) : '',
  });
}

export const reportUrl = (links: SignedLinks, reportId: string, t: Translator, now: Date): string =>
  `${links.link(`/exports/${reportId}/prosjektrapport.docx`, now)}&lang=${t.locale}`;
