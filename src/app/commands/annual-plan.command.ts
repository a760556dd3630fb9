import { annualPlan, yearlyMeetingsMissing } from '../../domain/annual-cycle';
import { bodyName } from '../../domain/organisation';
import { formatDate, formatTime } from '../../i18n/dates';
import { annualEntries } from '../annual/annual-entries';
import { z } from 'zod';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';
import { osloDate } from '../../domain/oslo-time';

/** A calendar subscription is re-read for months: its link lives a year, not an hour. */
export const SUBSCRIPTION_DAYS = 366;

/** `årshjul [år]`: the year's meetings, deadlines and fee day, and the same as a calendar to subscribe to. */
export const annualPlanCommand = declareCommand({
  id: 'annual-plan',
  audience: ['anyone-registered'],
  inMenu: false,
  args: z.object({ year: arg.year() }),
  async run({ org, t, input }, { store, clock, links }) {
    const now = clock.now();
    const year = input.year ?? Number(osloDate(now).slice(0, 4));
    const plan = annualPlan(year, await annualEntries(store, org, t, year));
    const lines = plan.map((e) => {
      const date = formatDate(new Date(e.start ?? `${e.date}T12:00:00Z`), t.locale);
      return `- ${e.start ? `${date} ${formatTime(new Date(e.start), t.locale)}` : date}: ${e.title}`;
    });
    const missing = yearlyMeetingsMissing(org, plan).map((id) => bodyName(org, id));
    const subscribe = `${links.link(`/exports/A${year}/arshjul.ics`, now, SUBSCRIPTION_DAYS * 24 * 60 * 60_000)}&lang=${t.locale}`;
    return [
      text(
        [
          t.t('annual.heading', { year, cooperation: org.cooperation.name }),
          lines.join('\n'),
          ...(missing.length > 0 ? [t.t('annual.missing', { year, bodies: missing.join(', ') })] : []),
          t.t('annual.subscribe', { url: subscribe }),
        ].join('\n\n'),
      ),
    ];
  },
});
