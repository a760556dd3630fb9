import type { Locale } from './locale';

const formats = new Map<Locale, Intl.NumberFormat>();

const format = (locale: Locale): Intl.NumberFormat => {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(locale, f);
  }
  return f;
};

/**
 * Kroner as Norwegians write them, "kr 1 234,50" (nb), or "NOK 1,234.50" (en). The spaces are
 * no-break spaces, so an amount never wraps inside itself. Amounts are kept in øre.
 */
export function formatKroner(ore: number, locale: Locale): string {
  const amount = format(locale)
    .format(ore / 100)
    .replace(/[\u202f ]/g, '\u00a0');
  return locale === 'nb' ? `kr\u00a0${amount}` : `NOK\u00a0${amount}`;
}

/** For spreadsheets: "1234,50" (nb) or "1234.50" (en), no grouping, so the cell stays a number. */
export function plainKroner(ore: number, locale: Locale): string {
  const text = (ore / 100).toFixed(2);
  return locale === 'nb' ? text.replace('.', ',') : text;
}
