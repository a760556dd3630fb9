import { z } from 'zod';
import type { NetworkMeeting } from '../../domain/network';
import { recordNetworkMeeting } from '../../domain/network';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { refusalText } from '../error-text';
import { pickNetwork } from '../networks/network-args';
import { NETWORK_MEETINGS, networksOf } from '../networks/network-records';
import { dayText } from '../networks/network-view';
import { refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { shortId } from '../short-id';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ date: arg.date(), meeting: arg.text() });

/**
 * `nettverksmøte <dato> [leverandør]: <tema>`: a meeting of the network, or with a supplier
 * before the colon a follow-up meeting with that supplier; held or planned, it goes in the log.
 */
export const networkMeetingCommand = declareCommand({
  id: 'network-meeting',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock }) {
    const now = clock.now();
    const { network, rest } = pickNetwork(networksOf(org), input.meeting ?? '');
    if (!network) return [text(refusalText(t, 'NETWORK.NONE'))];
    const colon = rest.indexOf(':');
    const supplier = colon > 0 ? rest.slice(0, colon).trim() : undefined;
    const subject = colon >= 0 ? rest.slice(colon + 1) : rest;
    for (let attempt = 0; attempt < 5; attempt++) {
      const made = recordNetworkMeeting(
        network,
        { date: input.date.date!, subject, ...(supplier && { supplier }) },
        { id: shortId(), by: actor.member.id },
        now,
      );
      if (!made.ok) return [text(refusalWithUsage(t, 'network-meeting', made.error))];
      const meeting = made.value;
      try {
        await store.create<NetworkMeeting>(NETWORK_MEETINGS, meeting.id, meeting);
      } catch (e) {
        if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
        throw e;
      }
      await audit(store, {
        kind: 'network.meeting-recorded',
        memberId: actor.member.id,
        at: now.toISOString(),
        details: { networkId: network.id, meetingId: meeting.id },
      });
      return [
        text(
          t.t(meeting.kind === 'supplier' ? 'network.supplier-meeting-recorded' : 'network.meeting-recorded', {
            network: network.name,
            supplier: meeting.supplier ?? '',
            date: dayText(meeting.date, t),
            subject: meeting.subject,
          }),
        ),
      ];
    }
    throw new Error('no free id for a network meeting after 5 attempts');
  },
});
