import type { Body } from '../../domain/body';
import type { Organisation } from '../../domain/organisation';
import { seatsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { osloDate } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';

/** The members of one body as a card: shared by `styret` and `medlemmer <organ>`. */
export function seatsCard(org: Organisation, body: Body, t: Translator, now: Date): Reply {
  const seats = seatsOf(org, body.id, osloDate(now));
  return card('members', {
    title: body.name,
    summary: t.t('members.summary', { count: seats.length }),
    empty: seats.length === 0 ? t.t('members.empty') : '',
    seats: seats.map((s) => ({
      name: s.member.name,
      role: t.t(`seat.${s.role}`),
      represents: s.represents,
      title: s.member.title ?? '',
    })),
  });
}
