import type { PositionGroup } from '../../domain/hearing-statement';
import type { JointStatement } from '../../domain/hearing-statement';
import { hearingPositions } from '../../domain/hearing-response';
import type { Hearing } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Block, ExportDocument, TextRun } from '../../ports/documents';
import { labelled, listOf, quoted, run } from './export-text';

/**
 * Felles høringsuttalelse, the draft the secretariat edits: the hearing's facts, the positions
 * counted, then per question every answer under the position its municipality took, with the
 * municipality's name; late responses are marked, silent municipalities named.
 */
export function jointStatementDocument(
  org: Organisation,
  h: Hearing,
  s: JointStatement,
  t: Translator,
): ExportDocument {
  const names = (ms: readonly string[]): string =>
    listOf(
      ms.map((m) => municipalityName(org, m)),
      t.locale,
    );
  const answered = h.municipalities.length - s.notAnswered.length;
  const when = (iso: string) => formatDateTime(new Date(iso), t.locale);
  const head: Block[] = [
    {
      kind: 'fields',
      rows: [
        { label: t.t('export.statement.issuer'), value: h.issuer },
        { label: t.t('export.statement.externalDeadline'), value: when(h.externalDeadline) },
        { label: t.t('export.statement.internalDeadline'), value: when(h.internalDeadline) },
        {
          label: t.t('export.statement.answers'),
          value: t.t('export.basis.answeredOf', { answered, asked: h.municipalities.length }),
        },
        ...(s.notAnswered.length > 0 ? [{ label: t.t('export.basis.notAnswered'), value: names(s.notAnswered) }] : []),
        ...(s.late.length > 0 ? [{ label: t.t('export.statement.lateLabel'), value: names(s.late) }] : []),
      ],
    },
    ...(h.background
      ? [
          { kind: 'heading', level: 2, text: t.t('export.statement.background') } as const,
          { kind: 'paragraph', runs: [run(h.background)] } as const,
        ]
      : []),
    { kind: 'heading', level: 2, text: t.t('export.statement.positions') },
    {
      kind: 'table',
      header: [t.t('export.basis.position'), t.t('export.basis.count')],
      rows: hearingPositions.map((p) => [t.t(`export.statement.position.${p}`), String(s.counts[p])]),
      numeric: [1],
    },
  ];
  const entryLine = (e: PositionGroup['entries'][number]): TextRun[] => [
    run(municipalityName(org, e.municipality), true),
    ...(e.late ? [run(` (${t.t('export.statement.late')})`)] : []),
    ...(e.text ? [run(`\n${quoted(e.text, t.locale)}`)] : []),
  ];
  const grouped = (groups: readonly PositionGroup[]): Block[] =>
    groups
      .filter((g) => g.entries.length > 0)
      .flatMap((g) => [
        {
          kind: 'heading',
          level: 3,
          text: t.t('export.statement.group', {
            position: t.t(`export.statement.position.${g.position}`),
            count: g.entries.length,
          }),
        } as const,
        { kind: 'list', items: g.entries.map(entryLine) } as const,
      ]);
  const overall: Block[] = [
    { kind: 'heading', level: 2, text: t.t('export.statement.overall') },
    ...grouped(s.overall),
  ];
  const questions = s.questions.flatMap((q, i): Block[] => [
    { kind: 'heading', level: 2, text: t.t('export.statement.question', { n: i + 1, text: q.question.text }) },
    ...grouped(q.groups),
    ...(q.blank.length > 0
      ? [{ kind: 'paragraph', runs: labelled(t.t('export.statement.blank'), names(q.blank)) } as const]
      : []),
    ...(s.notAnswered.length > 0
      ? [{ kind: 'paragraph', runs: labelled(t.t('export.basis.notAnswered'), names(s.notAnswered)) } as const]
      : []),
  ]);
  return {
    title: t.t('export.statement.title'),
    subtitle: h.title,
    locale: t.locale,
    blocks: [...head, ...overall, ...questions],
  };
}
