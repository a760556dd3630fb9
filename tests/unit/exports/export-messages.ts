import type { Translator } from '../../../src/i18n/catalogue';
import { Catalogue, loadMessages } from '../../../src/i18n/catalogue';
import type { Locale } from '../../../src/i18n/locale';

/** The export messages, as the product's catalogues have them. */
const onlyExports = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith('export.')));

export const exportMessages: Record<Locale, Record<string, string>> = {
  nb: onlyExports(loadMessages('nb')),
  en: onlyExports(loadMessages('en')),
};

/**
 * A translator over the export messages that fails on a key it does not have, so a builder
 * asking for a missing message fails its test instead of printing the key. Keys asked for
 * are recorded. `has` is how builders probe optional keys (vote options), so it does not fail.
 */
export function strictTranslator(locale: Locale, used = new Set<string>()): Translator {
  const inner = new Catalogue(exportMessages).for(locale);
  return {
    locale,
    has: (key) => inner.has(key),
    t: (key, params) => {
      if (!inner.has(key)) throw new Error(`missing message ${key} (${locale})`);
      used.add(key);
      return inner.t(key, params);
    },
  };
}
