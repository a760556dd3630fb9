import { formatCaseNumber } from '../../domain/case-number';
import { summarizeInput } from '../../domain/input-summary';
import type { InputAnswer } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';

/** Agreement and divergence per case: what the municipal side must settle to speak with one voice. */
export function inputSummaryCard(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  request: InputRequest,
  answers: readonly InputAnswer[],
  links: { docx: string; markdown: string; library?: string | undefined },
): Reply {
  const summary = summarizeInput(meeting, request, answers);
  const names = (ms: readonly string[]) => ms.map((m) => municipalityName(org, m)).join(', ');
  const position = (p: string) => t.t(`input.position.${p}`);
  const answered = request.municipalities.length - summary.notAnswered.length;
  return card('input-summary', {
    shortenedNotice: t.t('safety.card-shortened.input-summary'),
    heading: t.t('summary.heading', { title: meeting.title }),
    progress: t.t('summary.progress', {
      answered,
      asked: request.municipalities.length,
      deadline: formatDateTime(new Date(request.deadline), t.locale),
    }),
    notAnswered:
      summary.notAnswered.length > 0 ? t.t('summary.not-answered', { names: names(summary.notAnswered) }) : '',
    // Positions per case at a glance where Teams draws charts; the same counts as a table where it cannot.
    chartTitle: t.t('summary.chart-title'),
    chart: summary.items.map((s) => {
      const item = meeting.agenda.find((i) => i.id === s.itemId);
      const counted = Object.entries(s.counts).filter(([, n]) => n > 0);
      return {
        title: item ? t.t('agenda.case', { caseNumber: formatCaseNumber(item.caseNumber) }) : s.itemId,
        segments: counted.map(([p, n]) => ({ legend: position(p), value: n })),
        line: counted.map(([p, n]) => `${position(p)} ${n}`).join(' · ') || '-',
      };
    }),
    items: summary.items.map((s) => {
      const item = meeting.agenda.find((i) => i.id === s.itemId);
      const majority =
        s.majority.kind === 'position'
          ? t.t('summary.majority', { position: position(s.majority.position) })
          : s.majority.kind === 'tie'
            ? t.t('summary.tie', { positions: s.majority.positions.map(position).join(', ') })
            : t.t('summary.no-majority');
      return {
        heading: item
          ? `${t.t('agenda.case', { caseNumber: formatCaseNumber(item.caseNumber) })} ${item.title}`
          : s.itemId,
        counts: Object.entries(s.counts)
          .map(([p, n]) => `${position(p)} ${n}`)
          .join(' · '),
        majority,
        diverging: s.diverging.map((d) => ({
          line: t.t('summary.diverging-line', {
            municipality: municipalityName(org, d.municipality),
            position: position(d.position),
            text: d.text || '-',
          }),
        })),
        divergingHeading: s.diverging.length > 0 ? t.t('summary.diverging') : '',
      };
    }),
    docxLabel: t.t('summary.download-docx'),
    markdownLabel: t.t('summary.download-markdown'),
    docx: links.docx,
    markdown: links.markdown,
    libraryLabel: t.t('documents.open-in-library'),
    library: links.library ?? '',
  });
}
