import { agreementStatus } from '../../domain/agreement-change';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';

import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import type { DownloadFile } from '../input/basis-document-file';
import { loadChange } from './agreement-records';
import { dateText, decisionWord, progressLine } from './agreement-view';
import { osloDate } from '../../domain/oslo-time';

/** The change as it stands: the proposed text, every council's decision, and the result. */
export async function agreementFile(
  deps: { store: RecordStore; org: Organisation; t: Translator },
  id: string,
  renderer: DocumentRenderer,
  now = new Date(),
): Promise<DownloadFile | undefined> {
  const change = await loadChange(deps.store, id);
  if (!change) return undefined;
  const { t, org } = deps;
  const s = agreementStatus(change, await loadWithdrawals(deps.store), osloDate(now));
  const body = await renderer.render({
    title: t.t('agreement.document.title', { title: change.title }),
    subtitle: org.cooperation.name,
    locale: t.locale,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: t.t('agreement.document.result'), value: t.t(`agreement.state.${s.state}`) },
          { label: t.t('agreement.document.started'), value: dateText(change.startedAt.slice(0, 10), t) },
          { label: t.t('agreement.document.answer-by'), value: dateText(change.answerBy, t) },
        ],
      },
      { kind: 'paragraph', runs: [{ text: t.t('agreement.document.rule') }] },
      { kind: 'heading', level: 2, text: t.t('agreement.document.proposal') },
      { kind: 'quote', text: change.proposedText },
      { kind: 'heading', level: 2, text: t.t('agreement.document.decisions') },
      { kind: 'paragraph', runs: [{ text: progressLine(org, t, s) }] },
      {
        kind: 'table',
        header: ['municipality', 'decision', 'case-number', 'date', 'link'].map((k) => t.t(`agreement.column.${k}`)),
        rows: change.municipalities.map((m) => {
          const d = change.decisions[m];
          return [
            municipalityName(org, m),
            decisionWord(change, m, s, t),
            d?.caseNumber ?? '',
            d ? dateText(d.date, t) : '',
            d?.link ?? '',
          ];
        }),
      },
    ],
  });
  return { body, mediaType: renderer.mediaType, fileName: `avtaleendring-${change.id}.${renderer.extension}` };
}
