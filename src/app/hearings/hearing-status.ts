import type { HearingResponse } from '../../domain/hearing-response';
import { notAnswered, statusOf } from '../../domain/hearing-response';
import { isHearingClosed } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';
import { hearingFacts } from './hearing-card';
import type { HearingRecord } from './hearing-records';

const when = (iso: string, t: Translator) => formatDateTime(new Date(iso), t.locale);

/** "17 av 26 har svart": submitted responses, late ones included. */
export function progressLine(h: HearingRecord, responses: readonly HearingResponse[], t: Translator): string {
  const asked = h.municipalities.length;
  return t.t('hearing.progress', { answered: asked - notAnswered(h, responses).length, asked });
}

/**
 * The hearing municipality by municipality: what `høring <id>` shows and the coordinator's
 * card in the channel, updated in place as responses come in. Its buttons check the role.
 */
export function hearingStatusCard(org: Organisation, t: Translator, h: HearingRecord, responses: readonly HearingResponse[], notice = ''): Reply {
  const closed = isHearingClosed(h);
  const rows = h.municipalities
    .map((m) => ({ name: municipalityName(org, m), status: statusOf(responses, h.id, m) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return card('hearing-status', {
    shortenedNotice: t.t('safety.card-shortened.hearing-status', { id: h.id }),
    ...hearingFacts(h, t),
    heading: t.t('hearing.status.heading', { id: h.id }),
    deadlines: t.t('hearing.deadlines', { internal: when(h.internalDeadline, t), external: when(h.externalDeadline, t) }),
    state: closed ? t.t('hearing.status.closed', { when: when(h.closedAt ?? h.internalDeadline, t) }) : '',
    progress: progressLine(h, responses, t),
    notice,
    open: !closed,
    rows: rows.map((r) => ({ title: r.name, value: t.t(`hearing.municipality-status.${r.status}`) })),
    // How far the hearing has come, at a glance where Teams draws charts; a table where it cannot.
    chartTitle: t.t('hearing.chart-title'),
    byStatus: [...new Set(rows.map((r) => r.status))].sort().map((status) => {
      const value = rows.filter((r) => r.status === status).length;
      return { legend: t.t(`hearing.municipality-status.${status}`), value, number: String(value) };
    }),
    data: { hearingId: h.id, lang: t.locale },
    labels: Object.fromEntries(['newDeadline', 'deadlineHint', 'extend', 'close', 'compile', 'refresh'].map((k) => [k, t.t(`hearing.status.${k}`)])),
  });
}
