import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import { holdsSeatOn } from '../../domain/member';
import type { Attendance } from '../../domain/minutes';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Block, TextRun } from '../../ports/documents';
import { listOf, run } from './export-text';

/** Whom a person speaks for in the meeting's body on its date: a municipality or a party such as the trust. */
export interface Attendee {
  readonly name: string;
  readonly represents: string;
  readonly chair: boolean;
}

const seatOrder = { chair: 0, member: 1, deputy: 2, observer: 3 } as const;

export function attendee(org: Organisation, meeting: Meeting, memberId: string, t: Translator): Attendee {
  const member = memberById(org, memberId);
  const onDate = osloDate(meeting.start);
  const seat = member?.memberships
    .filter((s) => s.body === meeting.bodyId && holdsSeatOn(s, onDate))
    .sort((a, b) => seatOrder[a.role] - seatOrder[b.role])[0];
  const represents = !seat
    ? t.t('export.minutes.noSeat')
    : 'municipality' in seat.represents
      ? municipalityName(org, seat.represents.municipality)
      : seat.represents.party;
  return { name: member?.name ?? memberId, represents, chair: seat?.role === 'chair' };
}

/** One list line per municipality or party, sorted by its name, people in the order given. */
function grouped(
  entries: readonly { readonly represents: string; readonly text: string }[],
  t: Translator,
): TextRun[][] {
  const groups = new Map<string, string[]>();
  for (const e of entries) groups.set(e.represents, [...(groups.get(e.represents) ?? []), e.text]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nb'))
    .map(([represents, people]) => [run(`${represents}: `, true), run(listOf(people, t.locale))]);
}

/** Til stede, forfall and the deputies who met, as the minutes of a Norwegian body list them. */
export function attendanceBlocks(org: Organisation, meeting: Meeting, a: Attendance, t: Translator): Block[] {
  const who = (id: string) => attendee(org, meeting, id, t);
  const present = a.present.map((id) => {
    const p = who(id);
    return { represents: p.represents, text: p.chair ? t.t('export.minutes.chairMark', { name: p.name }) : p.name };
  });
  const absent = a.absent.map((x) => {
    const p = who(x.memberId);
    // No reason given: the name alone, not "Anne Moe ()".
    const reason = x.reason.trim();
    return {
      represents: p.represents,
      text: reason ? t.t('export.minutes.absentWithReason', { name: p.name, reason }) : p.name,
    };
  });
  const deputies = a.deputies.map((d) => {
    const p = who(d.memberId);
    return {
      represents: p.represents,
      text: t.t('export.minutes.deputyFor', { name: p.name, member: who(d.standsInFor).name }),
    };
  });
  const section = (key: string, entries: typeof present): Block[] =>
    entries.length === 0
      ? []
      : [
          { kind: 'heading', level: 3, text: t.t(key) },
          { kind: 'list', items: grouped(entries, t) },
        ];
  return [
    { kind: 'heading', level: 2, text: t.t('export.minutes.attendance') },
    ...section('export.minutes.present', present),
    ...section('export.minutes.absent', absent),
    ...section('export.minutes.deputies', deputies),
  ];
}
