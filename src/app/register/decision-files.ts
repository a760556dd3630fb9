import type { DecisionEntry } from '../../domain/decision-register';
import { followUpState, searchDecisions } from '../../domain/decision-register';
import { formatCaseNumber } from '../../domain/case-number';
import type { Organisation } from '../../domain/organisation';
import { bodyName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { RecordStore } from '../../ports/record-store';
import { toCsv } from '../exports/csv';
import type { DownloadFile } from '../input/basis-document-file';
import { decisionEntries } from './decision-entries';

/** Download ids are five capitals or digits: `RALLE` is the whole register, `R2026` one year. */
export const registerExportId = (year?: number): string => (year === undefined ? 'RALLE' : `R${year}`);

export const entryTitle = (e: DecisionEntry, t: Translator): string => e.title || t.t('decisions.minutes-approval');

export function decisionRow(org: Organisation, e: DecisionEntry, t: Translator): string[] {
  return [
    formatCaseNumber(e.caseNumber),
    bodyName(org, e.bodyId),
    formatDate(new Date(`${e.date}T12:00:00Z`), t.locale),
    entryTitle(e, t),
    e.decision,
    t.t(e.approved ? 'decisions.minutes.approved' : 'decisions.minutes.draft'),
    t.t(`decisions.follow-up.${followUpState(e)}`, e.followUp),
  ];
}

export async function registerCsvFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  id: string,
  now = new Date(),
): Promise<DownloadFile | undefined> {
  const year = id === 'RALLE' ? undefined : /^R\d{4}$/.test(id) ? Number(id.slice(1)) : null;
  if (year === null) return undefined;
  const entries = searchDecisions(await decisionEntries(deps.store, now), {
    words: [],
    bodyIds: [],
    ...(year !== undefined && { year }),
  });
  const header = ['case', 'body', 'date', 'title', 'decision', 'minutes', 'follow-up'].map((k) =>
    deps.t.t(`decisions.csv.${k}`),
  );
  return {
    body: toCsv(
      header,
      entries.map((e) => decisionRow(deps.org, e, deps.t)),
    ),
    mediaType: 'text/csv; charset=utf-8',
    fileName: `vedtaksregister-${year ?? 'alle'}.csv`,
  };
}
