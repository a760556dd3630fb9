import type { AgendaItem } from '../../domain/agenda-item';
import type { Position } from '../../domain/input';
import { positions } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import type { InputSummary, ItemSummary, MajorityPosition, MunicipalInput } from '../../domain/input-summary';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Block, ExportDocument, TextRun } from '../../ports/documents';
import {
  itemHeading,
  labelled,
  listOf,
  meetingPlace,
  meetingSubtitle,
  meetingTime,
  proposalBlocks,
  quoted,
  run,
} from './export-text';

/** What the grunnlagsdokument is made from: the meeting, whom it asked, and the summary of their input. */
export interface BasisDocumentSource {
  readonly org: Organisation;
  readonly meeting: Meeting;
  readonly request: InputRequest;
  readonly summary: InputSummary;
}

export const positionLabel = (p: Position, t: Translator): string => t.t(`export.position.${p}`);

/**
 * Grunnlagsdokument for the municipal side before a meeting: per case the proposed decision,
 * the positions counted, the majority, those who diverge with their input, and who is silent.
 */
export function basisDocument(src: BasisDocumentSource, t: Translator): ExportDocument {
  const { org, meeting, request, summary } = src;
  const names = (ms: readonly string[]): string =>
    listOf(
      ms.map((m) => municipalityName(org, m)),
      t.locale,
    );
  const answered = request.municipalities.length - summary.notAnswered.length;
  const head: Block[] = [
    {
      kind: 'fields',
      rows: [
        { label: t.t('export.meeting.time'), value: meetingTime(meeting, t.locale) },
        { label: t.t('export.meeting.place'), value: meetingPlace(meeting, t) },
        { label: t.t('export.basis.deadline'), value: formatDateTime(new Date(request.deadline), t.locale) },
        {
          label: t.t('export.basis.answers'),
          value: t.t('export.basis.answeredOf', { answered, asked: request.municipalities.length }),
        },
        ...(summary.notAnswered.length > 0
          ? [{ label: t.t('export.basis.notAnswered'), value: names(summary.notAnswered) }]
          : []),
      ],
    },
    { kind: 'paragraph', runs: [run(t.t('export.basis.intro'))] },
  ];
  const items = summary.items.flatMap((s) => {
    const item = meeting.agenda.find((i) => i.id === s.itemId);
    return item ? itemBlocks(item, s, src, t, names) : [];
  });
  return {
    title: t.t('export.basis.title'),
    subtitle: meetingSubtitle(org, meeting, t),
    locale: t.locale,
    blocks: [...head, ...items],
  };
}

function itemBlocks(
  item: AgendaItem,
  s: ItemSummary,
  src: BasisDocumentSource,
  t: Translator,
  names: (ms: readonly string[]) => string,
): Block[] {
  const inputLine = (i: MunicipalInput): TextRun[] => [
    run(municipalityName(src.org, i.municipality), true),
    run(` \u2013 ${positionLabel(i.position, t)}`),
    ...(i.text.trim() !== '' ? [run(`\n${quoted(i.text.trim(), t.locale)}`)] : []),
  ];
  const others = s.answered.filter((a) => !s.diverging.includes(a) && a.text.trim() !== '');
  return [
    { kind: 'heading', level: 2, text: itemHeading(item, t) },
    ...proposalBlocks(t.t('export.item.proposal'), item, t),
    {
      kind: 'table',
      header: [t.t('export.basis.position'), t.t('export.basis.count')],
      rows: positions.map((p) => [positionLabel(p, t), String(s.counts[p])]),
      numeric: [1],
    },
    { kind: 'paragraph', runs: labelled(t.t('export.basis.majority'), majorityText(s.majority, s, t)) },
    { kind: 'heading', level: 3, text: t.t('export.basis.diverging') },
    s.diverging.length > 0
      ? { kind: 'list', items: s.diverging.map(inputLine) }
      : { kind: 'paragraph', runs: [run(t.t('export.basis.noneDiverging'))] },
    ...(others.length > 0
      ? [
          { kind: 'heading', level: 3, text: t.t('export.basis.otherInput') } as const,
          { kind: 'list', items: others.map(inputLine) } as const,
        ]
      : []),
    {
      kind: 'paragraph',
      runs:
        s.notAnswered.length > 0
          ? labelled(t.t('export.basis.notAnswered'), names(s.notAnswered))
          : [run(t.t('export.basis.allAnswered'))],
    },
  ];
}

function majorityText(m: MajorityPosition, s: ItemSummary, t: Translator): string {
  if (m.kind === 'none') return t.t('export.basis.majorityNone');
  if (m.kind === 'tie')
    return t.t('export.basis.majorityTie', {
      positions: listOf(
        m.positions.map((p) => positionLabel(p, t).toLocaleLowerCase()),
        t.locale,
      ),
    });
  return t.t('export.basis.majorityOf', {
    position: positionLabel(m.position, t),
    count: s.counts[m.position],
    answered: s.answered.length,
  });
}
