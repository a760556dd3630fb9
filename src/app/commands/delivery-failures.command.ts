import { findMember } from '../../domain/organisation';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { DeliveryFailure } from '../delivery/delivery-failures';
import { recentDeliveryFailures } from '../delivery/delivery-failures';
import { text } from '../reply';
import type { Command } from './command';

const SHOWN = 20;

/** Whose conversation it was: the person's name when the organisation knows them. */
function recipient(org: Organisation, t: Translator, f: DeliveryFailure): string {
  if (f.aadObjectId) {
    const member = findMember(org, { aadObjectId: f.aadObjectId });
    if (member) return member.name;
  }
  if (f.conversationKind === 'channel') return t.t('delivery-failures.channel');
  if (f.conversationKind === 'groupChat') return t.t('delivery-failures.group-chat');
  return t.t('delivery-failures.unknown-person');
}

/**
 * `leveringsfeil`: the messages Teams refused for good (the bot blocked or removed), most
 * recent first, so the coordinator can reach those people another way.
 */
export const deliveryFailuresCommand: Command = {
  id: 'delivery-failures',
  audience: ['coordinator'],
  takesArgument: false,
  inMenu: false,
  async run({ org, t }, { store }) {
    const failures = await recentDeliveryFailures(store, SHOWN);
    if (failures.length === 0) return [text(t.t('delivery-failures.none'))];
    const lines = failures.map((f) =>
      t.t(f.operation === 'update' ? 'delivery-failures.line.update' : 'delivery-failures.line.send', {
        when: formatDateTime(new Date(f.at), t.locale),
        who: recipient(org, t, f),
        message: f.message,
      }),
    );
    return [text([t.t('delivery-failures.title', { count: failures.length }), ...lines.map((l) => `- ${l}`), t.t('delivery-failures.why')].join('\n\n'))];
  },
};
