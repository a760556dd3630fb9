import type { AnnualEntry } from '../../domain/annual-cycle';
import { milestoneKey } from '../../domain/business-reminders';
import type { NetworkMeeting } from '../../domain/network';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { NETWORK_MEETINGS, networksOf } from '../networks/network-records';
import { allProjects } from '../projects/project-records';

/**
 * The secretariat's workstreams in the annual plan: each project's milestones (all-day, on their
 * due day, marked when reached) and its reports to the board, and each network's meetings. A
 * handful of projects and a few dozen network meetings a year, so each list is read whole.
 */
export async function workstreamEntries(store: RecordStore, org: Organisation, t: Translator): Promise<AnnualEntry[]> {
  const entries: AnnualEntry[] = [];
  for (const p of await allProjects(store, org)) {
    for (const m of p.milestones)
      entries.push({
        kind: 'milestone',
        ref: `milestone-${p.id}-${milestoneKey(m)}`,
        date: m.due,
        title: t.t('annual.milestone', { project: p.name, title: m.title, reached: m.reached ? 'yes' : 'no' }),
      });
    for (const r of p.reports)
      entries.push({
        kind: 'project-report',
        ref: `project-report-${r.id}`,
        date: osloDate(r.at),
        title: t.t('annual.project-report', { project: p.name }),
      });
  }
  const networks = networksOf(org);
  for (const { value: m } of await store.find<NetworkMeeting>(NETWORK_MEETINGS)) {
    const network = networks.find((n) => n.id === m.networkId)?.name ?? m.networkId;
    entries.push({
      kind: 'network-meeting',
      ref: `network-meeting-${m.id}`,
      date: m.date,
      title: t.t(m.kind === 'supplier' ? 'annual.supplier-meeting' : 'annual.network-meeting', {
        network,
        supplier: m.supplier ?? '',
        subject: m.subject,
      }),
    });
  }
  return entries;
}
