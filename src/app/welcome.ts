import type { Organisation } from '../domain/organisation';
import type { Translator } from '../i18n/catalogue';
import type { Reply } from './reply';
import { card } from './reply';

/** Sent once when the bot is installed in a chat, a group chat or a team. */
export function welcome(org: Organisation, t: Translator): Reply {
  return card('welcome', {
    title: t.t('welcome.title'),
    intro: t.t('welcome.intro', { cooperation: org.cooperation.name }),
    start: t.t('welcome.start'),
    helpButton: t.t('welcome.help-button'),
    helpCommand: t.t('command.help.name'),
  });
}
