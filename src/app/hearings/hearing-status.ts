import type { HearingResponse } from '../../domain/hearing-response';
import { notAnswered, statusOf } from '../../domain/hearing-response';
import { isHearingClosed } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { coordinators, municipalityName } from '../../domain/organisation';
import type { RecordStore } from '../../ports/record-store';
import { teamsUserIds } from '../teams-users';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime, formatTime } from '../../i18n/dates';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import { card } from '../reply';
import type { Reply } from '../reply';
import { hearingFacts } from './hearing-card';
import type { HearingRecord } from './hearing-records';
import { osloDate } from '../../domain/oslo-time';

const when = (iso: string, t: Translator) => formatDateTime(new Date(iso), t.locale);

/** "17 av 26 har svart": submitted responses, late ones included. */
export function progressLine(h: HearingRecord, responses: readonly HearingResponse[], t: Translator): string {
  const asked = h.municipalities.length;
  return t.t('hearing.progress', { answered: asked - notAnswered(h, responses).length, asked });
}

/**
 * Who looks at the card. `coordinator`: her own view, with extend, close and compile. `shared`:
 * the card posted in a chat or channel, the same for everyone and so with none of the
 * coordinator's buttons; Teams refreshes it into her view for the listed users (at most 60).
 */
export type StatusViewer =
  | { readonly kind: 'coordinator' }
  | { readonly kind: 'other' }
  | { readonly kind: 'shared'; readonly refreshUserIds: readonly string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An example for "Ny frist", as the deadline reader takes it: a later time than the current
 * deadline (an extension is later), three days on, but before the hearing's own deadline.
 */
export function deadlineExample(h: HearingRecord, t: Translator): string {
  const internal = Date.parse(h.internalDeadline);
  const external = Date.parse(h.externalDeadline);
  const later = Math.min(internal + 3 * DAY_MS, internal + Math.max(0, external - internal) / 2);
  // On the hour, as people write deadlines; still after the current one.
  const hour = 60 * 60 * 1000;
  const rounded = Math.floor(later / hour) * hour;
  const at = new Date(rounded > internal ? rounded : later > internal ? later : internal + DAY_MS);
  return t.locale === 'nb' ? formatDateTime(at, 'nb') : `${osloDate(at)} ${formatTime(at, 'en')}`;
}

/** Teams refreshes a card automatically for at most 60 listed users (User-Specific-Views.md). */
const MAX_AUTO_REFRESH = 60;

/**
 * The hearing municipality by municipality: what `høring <id>` shows and the coordinator's
 * card in the channel, updated in place as responses come in. Only the coordinator's own view
 * offers her buttons; the server checks the role again when one is pressed.
 */
export function hearingStatusCard(
  org: Organisation,
  t: Translator,
  h: HearingRecord,
  responses: readonly HearingResponse[],
  notice: Notice | string = '',
  viewer: StatusViewer = { kind: 'other' },
): Reply {
  const closed = isHearingClosed(h);
  const rows = h.municipalities
    .map((m) => ({ name: municipalityName(org, m), status: statusOf(responses, h.id, m) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return card('hearing-status', {
    shortenedNotice: t.t('safety.card-shortened.hearing-status', { id: h.id }),
    ...hearingFacts(h, t),
    heading: t.t('hearing.status.heading', { id: h.id }),
    deadlines: t.t('hearing.deadlines', {
      internal: when(h.internalDeadline, t),
      external: when(h.externalDeadline, t),
    }),
    state: closed ? t.t('hearing.status.closed', { when: when(h.closedAt ?? h.internalDeadline, t) }) : '',
    progress: progressLine(h, responses, t),
    ...noticeFields(notice),
    open: !closed,
    coordinator: viewer.kind === 'coordinator',
    // An empty list turns Teams' automatic refresh off: a view already made for its reader stays so.
    refreshUserIds: viewer.kind === 'shared' ? viewer.refreshUserIds.slice(0, MAX_AUTO_REFRESH) : [],
    rows: rows.map((r) => ({ title: r.name, value: t.t(`hearing.municipality-status.${r.status}`) })),
    // How far the hearing has come, at a glance where Teams draws charts; a table where it cannot.
    chartTitle: t.t('hearing.chart-title'),
    byStatus: [...new Set(rows.map((r) => r.status))].sort().map((status) => {
      const value = rows.filter((r) => r.status === status).length;
      return { legend: t.t(`hearing.municipality-status.${status}`), value, number: String(value) };
    }),
    data: { hearingId: h.id, lang: t.locale },
    labels: {
      ...Object.fromEntries(
        ['newDeadline', 'extend', 'close', 'compile', 'refresh'].map((k) => [k, t.t(`hearing.status.${k}`)]),
      ),
      deadlineHint: t.t('hearing.status.deadline-example', { example: deadlineExample(h, t) }),
    },
  });
}

/** The shared card's refresh list: the coordinators Teams has told us about, at most 60. */
export async function coordinatorRefresh(store: RecordStore, org: Organisation): Promise<StatusViewer> {
  const ids = coordinators(org).map((m) => m.id);
  return { kind: 'shared', refreshUserIds: ids.length <= MAX_AUTO_REFRESH ? await teamsUserIds(store, ids) : [] };
}
