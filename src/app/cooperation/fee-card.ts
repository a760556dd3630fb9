import type { FeeSchedule } from '../../domain/fees';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatKroner } from '../../i18n/money';
import type { SignedLinks } from '../exports/signed-links';
import type { Reply } from '../reply';
import { card } from '../reply';
import { feeBasis, feeExportId, feeNote } from './fee-files';

/** `kontingent`: each municipality's fee, the total, and the files for invoicing. */
export function feeCard(org: Organisation, t: Translator, s: FeeSchedule, links: SignedLinks, now: Date): Reply {
  const file = (name: string) => `${links.link(`/exports/${feeExportId(s.year)}/${name}`, now)}&lang=${t.locale}`;
  return card('fees', {
    title: t.t('fees.title', { year: s.year }),
    basis: feeBasis(s, t),
    warning:
      s.missing.length > 0
        ? t.t('fees.missing', {
            year: s.population.year,
            names: s.missing.map((m) => municipalityName(org, m)).join(', '),
          })
        : '',
    headers: {
      name: t.t('fees.csv.municipality'),
      population: t.t('fees.csv.population'),
      amount: t.t('fees.csv.amount'),
      note: t.t('fees.csv.note'),
    },
    rows: s.lines.map((l) => ({
      name: l.name,
      population: l.population === undefined ? '–' : t.t('number', { value: l.population }),
      amount: formatKroner(l.ore, t.locale),
      note: feeNote(l, t),
    })),
    total: t.t('fees.total-line', {
      amount: formatKroner(s.totalOre, t.locale),
      count: s.lines.filter((l) => l.ore > 0).length,
    }),
    csvLabel: t.t('fees.csv-link'),
    docxLabel: t.t('fees.docx-link'),
    csv: file('kontingent.csv'),
    docx: file('kontingent.docx'),
  });
}
