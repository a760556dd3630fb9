import type { Locale } from '../domain/locale';

export { locales, type Locale } from '../domain/locale';

/**
 * Teams sends the client's locale ("nb-NO", "nn-NO", "en-US", ...). Norwegian of
 * every kind gets bokmål; English gets English; anything else the default.
 */
export function localeFrom(tag: string | undefined, fallback: Locale = 'nb'): Locale {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  if (lang === 'nb' || lang === 'nn' || lang === 'no') return 'nb';
  if (lang === 'en') return 'en';
  return fallback;
}
