import texts from 'samrad:texts';
import { formatDate, formatDateTime } from '../i18n/dates';

export type Locale = 'nb' | 'en';

export interface T {
  readonly locale: Locale;
  (key: string, params?: Readonly<Record<string, string | number>>): string;
  dateTime(iso: string): string;
  date(isoDay: string): string;
}

/** The tab's texts come from the same catalogues as the bot's; only simple `{name}` arguments are used here. */
export function translator(locale: Locale): T {
  const messages = texts[locale];
  const t = ((key: string, params: Readonly<Record<string, string | number>> = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_: string, name: string) =>
      String(params[name] ?? `{${name}}`),
    )) as T;
  return Object.assign(t, {
    locale,
    dateTime: (iso: string) => formatDateTime(new Date(iso), locale),
    // A due day (YYYY-MM-DD) is an Oslo date: noon UTC is that day in Oslo too.
    date: (day: string) => formatDate(new Date(day.length === 10 ? `${day}T12:00:00Z` : day), locale),
  });
}

/** Teams gives "nb-no", "nn-no", "en-us"…: Norwegian unless English. */
export const localeFrom = (teamsLocale: string | undefined): Locale => (/^en\b/i.test(teamsLocale ?? '') ? 'en' : 'nb');
