import type { Body } from '../../domain/body';
import type { Organisation, Seat } from '../../domain/organisation';
import { memberById, seatsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';

import { card } from '../reply';
import type { Reply } from '../reply';
import { osloDate } from '../../domain/oslo-time';

/** Deputies and observers hold no seat of their own: "7 medlemmer og 1 vara", not "8 medlemmer". */
export function seatSummary(t: Translator, seats: readonly Seat[]): string {
  const count = (roles: readonly string[]) => seats.filter((s) => roles.includes(s.role)).length;
  return t.t('members.summary-seats', {
    members: count(['chair', 'member']),
    deputies: count(['deputy']),
    observers: count(['observer']),
  });
}

/** The members of one body as a card: shared by `styret` and `medlemmer <organ>`. */
export function seatsCard(org: Organisation, body: Body, t: Translator, now: Date): Reply {
  const seats = seatsOf(org, body.id, osloDate(now));
  return card('members', {
    title: body.name,
    summary: seatSummary(t, seats),
    empty: seats.length === 0 ? t.t('members.empty') : '',
    seats: seats.map((s) => ({
      name: s.member.name,
      role: s.deputyFor
        ? t.t('seat.deputy-for', { name: memberById(org, s.deputyFor)?.name ?? s.deputyFor })
        : t.t(`seat.${s.role}`),
      represents: s.represents,
      title: s.member.title ?? '',
    })),
  });
}
