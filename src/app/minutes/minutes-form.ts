import type { AgendaItem } from '../../domain/agenda-item';
import { activeItems } from '../../domain/agenda';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import { holdsSeatOn } from '../../domain/member';
import type { Attendance, ItemMinutes, MinutesContent } from '../../domain/minutes';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import { deputiesFor } from '../../domain/pre-meeting';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { itemHeading } from '../exports/export-text';
import { optionLabel } from '../exports/minutes-document';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { MinutesRecord } from './minutes-records';
import type { ItemVote } from './minutes-votes';

/** The members called to the meeting (chair and members with a seat on its date) and their deputies. */
export function calledTo(
  org: Organisation,
  meeting: Meeting,
): { members: string[]; deputies: { memberId: string; standsInFor: string }[] } {
  const onDate = osloDate(meeting.start);
  const members = org.members
    .filter((p) =>
      p.memberships.some(
        (s) => s.body === meeting.bodyId && (s.role === 'chair' || s.role === 'member') && holdsSeatOn(s, onDate),
      ),
    )
    .map((p) => p.id);
  const deputies = members.flatMap((m) =>
    deputiesFor(org, meeting.bodyId, m, onDate).map((d) => ({ memberId: d, standsInFor: m })),
  );
  return { members, deputies };
}

const name = (org: Organisation, id: string): string => memberById(org, id)?.name ?? id;
const field = (data: Readonly<Record<string, unknown>>, key: string): string =>
  typeof data[key] === 'string' ? data[key].trim() : '';

/** Cases the form writes minutes for, in agenda order: the card's inputs are numbered by this. */
export const formItems = (meeting: Meeting): AgendaItem[] => activeItems(meeting);

/** The vote lines of a case: named votes list each ballot, secret ones the counts. */
export function voteLines(org: Organisation, t: Translator, votes: ItemMinutes['votes']): string[] {
  return votes.map((v) => {
    const counts = Object.entries(v.counts)
      .map(([o, n]) => `${optionLabel(o, t)}: ${n}`)
      .join(', ');
    const who = v.named
      ? v.ballots.map((b) => `${name(org, b.memberId)} (${optionLabel(b.option, t)})`).join(', ')
      : t.t('minutes.form.secret');
    return t.t('minutes.form.vote', { proposal: v.proposal, counts, who });
  });
}

/** The form the coordinator writes the minutes in, filled with what is stored and what the votes decided. */
/**
 * The minutes form: filled from the stored minutes, or, when a save was refused, with what was
 * typed (`typed`, the form's own fields), so nothing written in the meeting is lost.
 */
export function minutesForm(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  record: MinutesRecord,
  votes: readonly ItemVote[],
  notice: Notice | string = '',
  typed?: Readonly<Record<string, unknown>>,
): Reply {
  const as = (key: string, stored: string): string => (typeof typed?.[key] === 'string' ? typed[key] : stored);
  const { minutes } = record;
  const { attendance } = minutes.content;
  const called = calledTo(org, meeting);
  const attendees = [...called.members, ...called.deputies.map((d) => d.memberId)];
  const locked = minutes.status === 'approved';
  return card('minutes-form', {
    heading: t.t('minutes.form.heading', { version: minutes.version }),
    title: meeting.title,
    ...noticeFields(notice),
    lockedNote: locked ? t.t('minutes.form.locked', { version: minutes.version + 1 }) : '',
    locked,
    attendanceLabel: t.t('minutes.form.attendance'),
    reasonLabel: t.t('minutes.form.absence-reason'),
    members: called.members.map((id) => {
      const absent = attendance.absent.find((a) => a.memberId === id);
      return {
        id,
        name: name(org, id),
        value: as(`att-${id}`, absent ? 'absent' : 'present'),
        reason: as(`reason-${id}`, absent?.reason ?? ''),
      };
    }),
    presence: [
      { title: t.t('minutes.form.present'), value: 'present' },
      { title: t.t('minutes.form.absent'), value: 'absent' },
    ],
    deputies: called.deputies.map((d) => ({
      id: d.memberId,
      title: t.t('minutes.form.deputy', { name: name(org, d.memberId), member: name(org, d.standsInFor) }),
      value: as(`dep-${d.memberId}`, attendance.deputies.some((x) => x.memberId === d.memberId) ? 'true' : 'false'),
    })),
    recommendationLabel: t.t('minutes.form.recommendation'),
    proposalLabel: t.t('minutes.form.new-proposal'),
    proposedByLabel: t.t('minutes.form.proposed-by'),
    decisionLabel: t.t('minutes.form.decision'),
    people: attendees.map((id) => ({ title: name(org, id), value: id })),
    items: formItems(meeting).map((item, n) => {
      const entry = minutes.content.items.find((i) => i.itemId === item.id);
      const mine = votes.filter((v) => v.itemId === item.id);
      return {
        n,
        heading: itemHeading(item, t),
        hint: item.kind === 'minutes-approval' ? t.t('minutes.form.approval-hint') : '',
        recommendation: as(
          `rec-${n}`,
          entry?.recommendation ?? (item.proposal.kind === 'text' ? item.proposal.text : ''),
        ),
        proposal: as(`prop-${n}`, ''),
        proposedBy: as(`propBy-${n}`, ''),
        proposals: (entry?.proposals ?? []).map((p) => ({ text: `${name(org, p.by)}: ${p.text}` })),
        votes: voteLines(org, t, entry?.votes.length ? entry.votes : mine.map((v) => v.recorded)).map((line) => ({
          text: line,
        })),
        decision: as(`decision-${n}`, entry?.decision || mine.find((v) => v.decision)?.decision || ''),
      };
    }),
    changeReasonLabel: t.t('minutes.form.change-reason'),
    changeReason: as('reason', ''),
    saveLabel: t.t(locked ? 'minutes.form.save-version' : 'minutes.form.save'),
    showLabel: t.t('minutes.form.show'),
    meetingId: meeting.id,
    revision: record.revision,
    lang: t.locale,
  });
}

/**
 * What the form sent, read against the meeting it was drawn from. Attendance is per member
 * called; a new proposal needs the person who made it; votes come from the closed Samråd votes.
 */
export function readMinutesForm(
  org: Organisation,
  meeting: Meeting,
  current: MinutesContent,
  data: Readonly<Record<string, unknown>>,
  votesFor: (attendance: Attendance) => readonly ItemVote[],
): Result<MinutesContent> {
  const called = calledTo(org, meeting);
  const absentIds = called.members.filter((id) => field(data, `att-${id}`) === 'absent');
  const attendance: Attendance = {
    present: called.members.filter((id) => !absentIds.includes(id)),
    absent: absentIds.map((id) => ({ memberId: id, reason: field(data, `reason-${id}`) })),
    deputies: called.deputies.filter((d) => field(data, `dep-${d.memberId}`) === 'true'),
  };
  const votes = votesFor(attendance);
  const written: ItemMinutes[] = [];
  for (const [n, item] of formItems(meeting).entries()) {
    const entry = current.items.find((i) => i.itemId === item.id);
    const proposal = field(data, `prop-${n}`);
    const by = field(data, `propBy-${n}`);
    if (proposal !== '' && by === '') return fail('MINUTES.PROPOSAL_BY_REQUIRED');
    const recommendation = field(data, `rec-${n}`);
    written.push({
      itemId: item.id,
      ...(recommendation !== '' && { recommendation }),
      proposals: [...(entry?.proposals ?? []), ...(proposal !== '' ? [{ by, text: proposal }] : [])],
      votes: votes.filter((v) => v.itemId === item.id).map((v) => v.recorded),
      decision: field(data, `decision-${n}`),
    });
  }
  const untouched = current.items.filter((i) => !written.some((w) => w.itemId === i.itemId));
  return ok({ attendance, items: [...written, ...untouched] });
}
