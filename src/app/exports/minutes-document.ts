import type { AgendaItem } from '../../domain/agenda-item';
import type { Meeting } from '../../domain/meeting';
import type { ItemMinutes, Minutes, RecordedVote } from '../../domain/minutes';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import { ABSTAIN, AGAINST, FOR } from '../../domain/vote-option';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { Block, ExportDocument } from '../../ports/documents';
import { attendanceBlocks, attendee } from './attendance-blocks';
import {
  itemHeading,
  labelled,
  listOf,
  meetingName,
  meetingPlace,
  meetingSubtitle,
  meetingTime,
  proposalBlocks,
  quoted,
  run,
} from './export-text';

export interface MinutesDocumentSource {
  readonly org: Organisation;
  readonly meeting: Meeting;
  readonly minutes: Minutes;
  /** The body's meetings, to name the one that approved the minutes. */
  readonly meetings?: readonly Meeting[];
}

/**
 * Protokoll: the meeting, who was there, then per case the recommendation, the proposals and
 * votes of the meeting and the vedtak; the head says whether and how the minutes are approved.
 */
export function minutesDocument(src: MinutesDocumentSource, t: Translator): ExportDocument {
  const { org, meeting, minutes } = src;
  const head: Block = {
    kind: 'fields',
    rows: [
      { label: t.t('export.meeting.time'), value: meetingTime(meeting, t.locale) },
      { label: t.t('export.meeting.place'), value: meetingPlace(meeting, t) },
      { label: t.t('export.minutes.status'), value: statusText(src, t) },
      ...(minutes.change
        ? [
            {
              label: t.t('export.minutes.changed'),
              value: t.t('export.minutes.changedBy', {
                date: formatDate(new Date(minutes.change.at), t.locale),
                by: nameOf(org, minutes.change.by),
                reason: minutes.change.reason,
              }),
            },
          ]
        : []),
    ],
  };
  const items = meeting.agenda.flatMap((item) =>
    itemBlocks(
      item,
      minutes.content.items.find((m) => m.itemId === item.id),
      src,
      t,
    ),
  );
  return {
    title: t.t('export.minutes.title'),
    subtitle: meetingSubtitle(org, meeting, t),
    locale: t.locale,
    blocks: [
      head,
      ...attendanceBlocks(org, meeting, minutes.content.attendance, t),
      { kind: 'heading', level: 2, text: t.t('export.minutes.items') },
      ...items,
    ],
  };
}

const nameOf = (org: Organisation, id: string): string => memberById(org, id)?.name ?? id;

function statusText(src: MinutesDocumentSource, t: Translator): string {
  const { minutes } = src;
  if (minutes.status === 'draft' || !minutes.approval) return t.t('export.minutes.draft', { version: minutes.version });
  // A version changed after approval keeps the approval it corrects: say which version its
  // approvers approved, and who changed it since, so no one reads them as approving the change.
  const approvedVersion = minutes.earlier.find((e) => e.status === 'approved' && !e.change)?.version ?? minutes.version;
  const approved = approvalText(src, t, approvedVersion);
  if (!minutes.change || approvedVersion === minutes.version) return approved;
  return t.t('export.minutes.amended', { version: minutes.version, approved });
}

function approvalText(src: MinutesDocumentSource, t: Translator, version: number): string {
  const { minutes, org } = src;
  if (!minutes.approval) return t.t('export.minutes.draft', { version });
  const date = formatDate(new Date(minutes.approval.at), t.locale);
  const by = minutes.approval.by;
  if ('members' in by)
    return t.t('export.minutes.approvedByMembers', {
      date,
      version,
      members: listOf(
        by.members.map((id) => nameOf(org, id)),
        t.locale,
      ),
    });
  const approving = src.meetings?.find((m) => m.id === by.meeting);
  return approving
    ? t.t('export.minutes.approvedInMeeting', { date, version, meeting: meetingName(org, approving, t) })
    : t.t('export.minutes.approved', { date, version });
}

function itemBlocks(
  item: AgendaItem,
  entry: ItemMinutes | undefined,
  src: MinutesDocumentSource,
  t: Translator,
): Block[] {
  const heading: Block = { kind: 'heading', level: 3, text: itemHeading(item, t) };
  if (item.status === 'withdrawn')
    return [heading, { kind: 'paragraph', runs: [run(t.t('export.minutes.withdrawn'))] }];
  const decision = entry?.decision.trim() ?? '';
  return [
    heading,
    ...proposalBlocks(t.t('export.minutes.recommendation'), item, t, entry?.recommendation),
    ...(entry && entry.proposals.length > 0
      ? [
          { kind: 'paragraph', runs: [run(`${t.t('export.minutes.proposals')}:`, true)] } as const,
          {
            kind: 'list',
            items: entry.proposals.map((p) => {
              const a = attendee(src.org, src.meeting, p.by, t);
              return [run(`${a.name} (${a.represents}): `, true), run(quoted(p.text, t.locale))];
            }),
          } as const,
        ]
      : []),
    ...(entry?.votes ?? []).flatMap((v) => voteBlocks(v, src, t)),
    { kind: 'paragraph', runs: [run(`${t.t('export.minutes.decision')}:`, true)] },
    ...(decision !== ''
      ? decision.split(/\n\s*\n/).map((part): Block => ({ kind: 'paragraph', runs: [run(part.trim())] }))
      : [{ kind: 'paragraph', runs: [{ text: t.t('export.minutes.noDecision'), italic: true }] } as const]),
  ];
}

const standardOrder = [FOR, AGAINST, ABSTAIN];

export function optionLabel(option: string, t: Translator): string {
  return t.has(`export.vote.${option}`) ? t.t(`export.vote.${option}`) : option;
}

/** The counts in the order for, against, abstain, then any other options as recorded. */
function countsText(v: RecordedVote, t: Translator): string {
  const options = [
    ...standardOrder.filter((o) => o in v.counts),
    ...Object.keys(v.counts).filter((o) => !standardOrder.includes(o)),
  ];
  return options.map((o) => `${optionLabel(o, t)}: ${v.counts[o] ?? 0}`).join(', ');
}

function voteBlocks(v: RecordedVote, src: MinutesDocumentSource, t: Translator): Block[] {
  return [
    {
      kind: 'paragraph',
      runs: labelled(
        t.t('export.minutes.vote'),
        t.t('export.minutes.voteOn', { proposal: quoted(v.proposal, t.locale), counts: countsText(v, t) }),
      ),
    },
    ...(v.named
      ? [
          {
            kind: 'table',
            header: [t.t('export.minutes.voter'), t.t('export.minutes.represents'), t.t('export.minutes.ballot')],
            rows: v.ballots.map((b) => {
              const a = attendee(src.org, src.meeting, b.memberId, t);
              return [a.name, a.represents, optionLabel(b.option, t)];
            }),
          } as const,
        ]
      : []),
  ];
}
