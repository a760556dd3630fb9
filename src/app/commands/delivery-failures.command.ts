import { z } from 'zod';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { DeliveryFailure } from '../delivery/delivery-failures';
import { recentDeliveryFailures } from '../delivery/delivery-failures';
import type { Recipient } from '../delivery/failure-recipients';
import { recipientsOf } from '../delivery/failure-recipients';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';

const SHOWN = 20;

/** Whose conversation it was, in words: the person and their municipalities when any record names them. */
function who(t: Translator, r: Recipient): string {
  switch (r.kind) {
    case 'member':
      return r.municipalities.length > 0
        ? t.t('delivery-failures.person-in', { name: r.name, municipalities: r.municipalities.join(', ') })
        : r.name;
    case 'channel':
      if (r.secretariat) return t.t('delivery-failures.secretariat-channel');
      return r.body ? t.t('delivery-failures.body-channel', { body: r.body }) : t.t('delivery-failures.channel');
    case 'groupChat':
      return t.t('delivery-failures.group-chat');
    case 'unknown':
      return r.objectId
        ? t.t('delivery-failures.unknown-person-id', { id: r.objectId })
        : t.t('delivery-failures.unknown-person');
  }
}

/** Why Teams refused, in words; records from before kinds were kept read as a plain refusal. */
const why = (t: Translator, f: DeliveryFailure): string => t.t(`delivery-failures.kind.${f.kind ?? 'forbidden'}`);

/**
 * `leveringsfeil`: the messages Teams refused for good (the bot blocked or removed, the
 * conversation gone, the message too large), most recent first, each with whom it was for and
 * why, so the coordinator can reach those people another way.
 */
export const deliveryFailuresCommand = declareCommand({
  id: 'delivery-failures',
  audience: ['coordinator'],
  args: z.object({}),
  inMenu: false,
  async run({ org, t }, { store, tenantDomains }) {
    const failures = await recentDeliveryFailures(store, SHOWN);
    if (failures.length === 0) return [text(t.t('delivery-failures.none'))];
    const recipient = await recipientsOf(store, org, failures, tenantDomains);
    const lines = failures.map((f) =>
      t.t(f.operation === 'update' ? 'delivery-failures.line.update' : 'delivery-failures.line.send', {
        when: formatDateTime(new Date(f.at), t.locale),
        who: who(t, recipient(f)),
        message: f.message,
        why: why(t, f),
      }),
    );
    return [
      text(
        [
          t.t('delivery-failures.title', { count: failures.length }),
          ...lines.map((l) => `- ${l}`),
          t.t('delivery-failures.why'),
        ].join('\n\n'),
      ),
    ];
  },
});
