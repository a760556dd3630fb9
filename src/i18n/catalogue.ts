import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { packageRoot } from '../package-root';
import type { Locale } from './locale';
import { locales } from './locale';

export type Messages = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number | Date>>;

/** Looks up a message for one locale; `t` is what use cases and cards are given. */
export interface Translator {
  readonly locale: Locale;
  t(key: string, params?: Params): string;
  has(key: string): boolean;
}

const root = join(packageRoot, 'locales');

/**
 * One locale's messages: every `locales/<locale>/*.json` merged. The files are split by area so
 * that work on one area does not touch another's; a key in two files is a mistake, not an override.
 */
export function loadMessages(locale: Locale, dir = root): Messages {
  const messages: Record<string, string> = {};
  const origin = new Map<string, string>();
  for (const file of readdirSync(join(dir, locale))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(join(dir, locale, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(part)) {
      const earlier = origin.get(key);
      if (earlier) throw new Error(`message ${key} is in both ${locale}/${earlier} and ${locale}/${file}`);
      origin.set(key, file);
      messages[key] = text;
    }
  }
  return messages;
}

export class Catalogue {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(private readonly messages: Readonly<Record<Locale, Messages>>) {}

  static load(dir = root): Catalogue {
    return new Catalogue(Object.fromEntries(locales.map((l) => [l, loadMessages(l, dir)])) as Record<Locale, Messages>);
  }

  for(locale: Locale): Translator {
    return {
      locale,
      t: (key, params) => this.format(locale, key, params),
      has: (key) => key in this.messages[locale],
    };
  }

  keys(locale: Locale): string[] {
    return Object.keys(this.messages[locale]);
  }

  private format(locale: Locale, key: string, params?: Params): string {
    const source = this.messages[locale][key];
    // A missing key is a bug the catalogue test catches; show the key rather than fail the turn.
    if (source === undefined) return key;
    const cacheKey = `${locale}\u0000${key}`;
    let mf = this.compiled.get(cacheKey);
    if (!mf) {
      mf = new IntlMessageFormat(source, locale === 'nb' ? 'nb-NO' : 'en-GB', undefined, { ignoreTag: true });
      this.compiled.set(cacheKey, mf);
    }
    return String(mf.format(params));
  }
}
