import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Catalogue } from '../i18n/catalogue';
import { localeFrom } from '../i18n/locale';
import type { Locale } from '../i18n/locale';
import { markData, secureCard, show } from './card-safety';
import { renderWithin } from './card-size';
import { packageRoot } from '../package-root';

export const cardsDir = join(packageRoot, 'cards');

/**
 * Adaptive Card templates from `cards/`, filled with data. Templates hold no user text; every
 * string the filled card shows is escaped for where it lands (card-safety.ts), and a card that
 * grows past Teams' message size is shortened with a sentence saying so (card-size.ts). Data may
 * carry `shortenedNotice`: that sentence, naming where the whole content is.
 */
export class CardRenderer {
  private readonly templates = new Map<string, ACData.Template>();

  /** The composition's catalogue; a renderer made without one (tests, tools) reads the files when first needed. */
  constructor(
    private readonly dir = cardsDir,
    private catalogue?: Catalogue,
  ) {}

  names(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  }

  render(name: string, data: object): Record<string, unknown> {
    const template = this.template(name);
    const marked = markData(data) as Record<string, unknown>;
    const expand = (d: object) => secureCard(template.expand({ $root: d })) as Record<string, unknown>;
    const notice = typeof marked.shortenedNotice === 'string' ? marked.shortenedNotice : '';
    const locale = localeFrom(typeof marked.lang === 'string' ? marked.lang : undefined);
    return renderWithin(expand, marked, () => show(notice || this.defaultNotice(locale), 'markdown'));
  }

  private template(name: string): ACData.Template {
    let template = this.templates.get(name);
    if (!template) {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a card name: ${name}`);
      template = new ACData.Template(JSON.parse(readFileSync(join(this.dir, `${name}.json`), 'utf8')));
      this.templates.set(name, template);
    }
    return template;
  }

  /** For a card whose builder named no document; in the card's language, else Norwegian. */
  private defaultNotice(locale: Locale): string {
    this.catalogue ??= Catalogue.load();
    return this.catalogue.for(locale).t('safety.card-shortened');
  }
}
