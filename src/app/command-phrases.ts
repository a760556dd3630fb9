import type { Catalogue } from '../i18n/catalogue';
import { locales } from '../i18n/locale';
import type { Command } from './commands/command';
import { foldText } from '../domain/fold-text';
import type { Phrase } from './parse-command';

/** Every way of saying every command, in both languages, from the catalogues. */
export function commandPhrases(commands: readonly Command[], catalogue: Catalogue): Phrase[] {
  const phrases: Phrase[] = [];
  for (const locale of locales) {
    const t = catalogue.for(locale);
    for (const command of commands) {
      const aliases = t.has(`command.${command.id}.aliases`) ? t.t(`command.${command.id}.aliases`).split('|') : [];
      for (const words of [t.t(`command.${command.id}.name`), ...aliases]) {
        phrases.push({ commandId: command.id, words: foldText(words), locale });
      }
    }
  }
  return phrases;
}
