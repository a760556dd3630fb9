import type { FeeSchedule } from '../../domain/fees';
import { feeSchedule } from '../../domain/fees';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import { formatKroner, plainKroner } from '../../i18n/money';
import type { DocumentRenderer, ExportDocument } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { toCsv } from '../exports/csv';
import type { DownloadFile } from '../input/basis-document-file';
import { loadWithdrawals } from './withdrawal-records';

interface Deps {
  store: RecordStore;
  org: Organisation;
  t: Translator;
}

/** Download ids are five capitals or digits: the fee list for 2027 is `K2027`. */
export const feeExportId = (year: number): string => `K${year}`;
const yearOf = (id: string): number | undefined => (/^K\d{4}$/.test(id) ? Number(id.slice(1)) : undefined);

const dateText = (iso: string, t: Translator) => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);

async function scheduleFor(deps: Deps, id: string): Promise<FeeSchedule | undefined> {
  const year = yearOf(id);
  if (year === undefined) return undefined;
  const schedule = feeSchedule(deps.org, await loadWithdrawals(deps.store), year);
  return schedule.ok ? schedule.value : undefined;
}

/** What a line's note says: left (pays nothing), no figure, or nothing. */
export function feeNote(line: FeeSchedule['lines'][number], t: Translator): string {
  if (line.leftOn) return t.t('fees.left', { date: dateText(line.leftOn, t) });
  if (line.population === undefined) return t.t('fees.no-figure');
  return '';
}

/** Where the figures come from, said the same way in the card and both files. */
export function feeBasis(s: FeeSchedule, t: Translator): string {
  return t.t(s.population.sample ? 'fees.basis-sample' : 'fees.basis', {
    year: s.population.year,
    source: s.population.source,
    rate: formatKroner(s.orePerInhabitant, t.locale),
    due: dateText(s.dueDate, t),
  });
}

/** For invoicing: one row per municipality, amounts as plain numbers a spreadsheet reads. */
export async function feeCsvFile(deps: Deps, id: string): Promise<DownloadFile | undefined> {
  const s = await scheduleFor(deps, id);
  if (!s) return undefined;
  const header = ['number', 'municipality', 'population', 'rate', 'amount', 'due', 'note'].map((k) =>
    deps.t.t(`fees.csv.${k}`),
  );
  const rows = s.lines.map((l) => [
    l.municipality,
    l.name,
    l.population === undefined ? '' : String(l.population),
    plainKroner(s.orePerInhabitant, deps.t.locale),
    plainKroner(l.ore, deps.t.locale),
    s.dueDate,
    feeNote(l, deps.t),
  ]);
  return { body: toCsv(header, rows), mediaType: 'text/csv; charset=utf-8', fileName: `kontingent-${s.year}.csv` };
}

export function feeDocument(org: Organisation, s: FeeSchedule, t: Translator): ExportDocument {
  return {
    title: t.t('fees.title', { year: s.year }),
    subtitle: org.cooperation.name,
    locale: t.locale,
    blocks: [
      { kind: 'paragraph', runs: [{ text: feeBasis(s, t) }] },
      {
        kind: 'table',
        header: ['number', 'municipality', 'population', 'amount', 'note'].map((k) => t.t(`fees.csv.${k}`)),
        rows: [
          ...s.lines.map((l) => [
            l.municipality,
            l.name,
            l.population === undefined ? '' : t.t('number', { value: l.population }),
            formatKroner(l.ore, t.locale),
            feeNote(l, t),
          ]),
          ['', t.t('fees.total'), '', formatKroner(s.totalOre, t.locale), ''],
        ],
        numeric: [2, 3],
      },
    ],
  };
}

export async function feeDocumentFile(
  deps: Deps,
  id: string,
  renderer: DocumentRenderer,
): Promise<DownloadFile | undefined> {
  const s = await scheduleFor(deps, id);
  if (!s) return undefined;
  return {
    body: await renderer.render(feeDocument(deps.org, s, deps.t)),
    mediaType: renderer.mediaType,
    fileName: `kontingent-${s.year}.${renderer.extension}`,
  };
}
