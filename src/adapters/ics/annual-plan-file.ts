import { annualEntries } from '../../app/annual/annual-entries';
import type { DownloadFile } from '../../app/input/basis-document-file';
import { annualPlan } from '../../domain/annual-cycle';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { annualPlanIcs } from './annual-plan-ics';

/** `A2027` is the annual plan for 2027, as a calendar to subscribe to. */
export async function annualPlanFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  id: string,
  now = new Date(),
): Promise<DownloadFile | undefined> {
  if (!/^A\d{4}$/.test(id)) return undefined;
  const year = Number(id.slice(1));
  const plan = annualPlan(year, await annualEntries(deps.store, deps.org, deps.t, year));
  const name = deps.t.t('annual.calendar-name', { cooperation: deps.org.cooperation.name, year });
  return {
    body: Buffer.from(annualPlanIcs(name, plan, now.toISOString()), 'utf8'),
    mediaType: 'text/calendar; charset=utf-8',
    fileName: `arshjul-${year}.ics`,
  };
}
