import type { HearingResponse } from '../../domain/hearing-response';
import { hearingPositions } from '../../domain/hearing-response';
import { compileJointStatement } from '../../domain/hearing-statement';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { SignedLinks } from '../exports/signed-links';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { HearingRecord } from './hearing-records';
import { progressLine } from './hearing-status';

/** The files behind the statement card: the DOCX draft and the CSV of every response. */
export function statementLinks(links: SignedLinks, hearingId: string, locale: string, now: Date) {
  const file = (name: string) => `${links.link(`/exports/${hearingId}/${name}`, now)}&lang=${locale}`;
  return { docx: file('uttalelse.docx'), csv: file('svar.csv') };
}

/** `sammenstill høring`: the positions counted, who stands where per question, and the downloads. */
export function statementCard(
  org: Organisation,
  t: Translator,
  h: HearingRecord,
  responses: readonly HearingResponse[],
  links: { docx: string; csv: string; library?: string | undefined },
): Reply {
  const s = compileJointStatement(h, responses);
  const names = (ms: readonly string[]) => ms.map((m) => municipalityName(org, m)).join(', ');
  const position = (p: string) => t.t(`hearing.position.${p}`);
  return card('hearing-statement', {
    shortenedNotice: t.t('safety.card-shortened.hearing'),
    heading: t.t('hearing.statement.heading', { id: h.id }),
    title: h.title,
    progress: progressLine(h, responses, t),
    counts: hearingPositions.map((p) => `${position(p)} ${s.counts[p]}`).join(' · '),
    notAnswered: s.notAnswered.length > 0 ? t.t('hearing.statement.not-answered', { names: names(s.notAnswered) }) : '',
    late: s.late.length > 0 ? t.t('hearing.statement.late', { names: names(s.late) }) : '',
    questions: s.questions.map((q, i) => ({
      heading: t.t('hearing.question', { n: i + 1, text: q.question.text }),
      lines: q.groups
        .filter((g) => g.entries.length > 0)
        .map((g) => ({ line: `${position(g.position)}: ${names(g.entries.map((e) => e.municipality))}` })),
    })),
    docxLabel: t.t('hearing.statement.docx'),
    csvLabel: t.t('hearing.statement.csv'),
    docx: links.docx,
    csv: links.csv,
    libraryLabel: t.t('documents.open-in-library'),
    library: links.library ?? '',
  });
}
