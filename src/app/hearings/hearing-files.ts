import { compileJointStatement } from '../../domain/hearing-statement';
import { countingResponse, statusOf } from '../../domain/hearing-response';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { DocumentRenderer } from '../../ports/documents';
import type { RecordStore } from '../../ports/record-store';
import { toCsv } from '../exports/csv';
import { jointStatementDocument } from '../exports/joint-statement';
import type { DownloadFile } from '../input/basis-document-file';
import type { HearingRecord } from './hearing-records';
import { hearingResponses, loadHearing } from './hearing-records';

interface Deps {
  store: RecordStore;
  org: Organisation;
  t: Translator;
}

/** The joint statement draft as it stands now, in the renderer's format. */
export async function jointStatementFile(
  deps: Deps,
  hearingId: string,
  renderer: DocumentRenderer,
): Promise<DownloadFile | undefined> {
  const h = await loadHearing(deps.store, hearingId);
  if (!h) return undefined;
  const statement = compileJointStatement(h, await hearingResponses(deps.store, h.id));
  return {
    body: await renderer.render(jointStatementDocument(deps.org, h, statement, deps.t)),
    mediaType: renderer.mediaType,
    fileName: `horingsuttalelse-${h.id}.${renderer.extension}`,
  };
}

/** Every asked municipality and question, one row each, with the response that counts (if any). */
export function responseRows(
  org: Organisation,
  h: HearingRecord,
  responses: Parameters<typeof countingResponse>[0],
  t: Translator,
): string[][] {
  const questions =
    h.questions.length > 0 ? h.questions.map((q, i) => ({ ...q, n: String(i + 1) })) : [{ id: '', text: '', n: '' }];
  return h.municipalities.flatMap((m) => {
    const r = countingResponse(responses, h.id, m);
    const status = t.t(`hearing.municipality-status.${statusOf(responses, h.id, m)}`);
    return questions.map((q) => [
      m,
      municipalityName(org, m),
      status,
      r?.position ? t.t(`hearing.position.${r.position}`) : '',
      q.n,
      q.text,
      r?.answers.find((a) => a.questionId === q.id)?.text ?? '',
      r?.text ?? '',
      r?.documents.join(' ') ?? '',
      r ? (memberById(org, r.givenBy)?.name ?? r.givenBy) : '',
      r ? t.t(`hearing.given-as.${r.givenAs}`) : '',
      r ? formatDateTime(new Date(r.at), t.locale) : '',
      r ? t.t(r.late ? 'hearing.csv.yes' : 'hearing.csv.no') : '',
    ]);
  });
}

export async function responsesCsvFile(deps: Deps, hearingId: string): Promise<DownloadFile | undefined> {
  const h = await loadHearing(deps.store, hearingId);
  if (!h) return undefined;
  const header = [
    'number',
    'municipality',
    'status',
    'position',
    'questionNumber',
    'question',
    'answer',
    'text',
    'documents',
    'givenBy',
    'givenAs',
    'at',
    'late',
  ].map((k) => deps.t.t(`hearing.csv.${k}`));
  return {
    body: toCsv(header, responseRows(deps.org, h, await hearingResponses(deps.store, h.id), deps.t)),
    mediaType: 'text/csv; charset=utf-8',
    fileName: `horingssvar-${h.id}.csv`,
  };
}
