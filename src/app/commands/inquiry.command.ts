import { z } from 'zod';
import type { Inquiry } from '../../domain/network';
import { openInquiries, receiveInquiry } from '../../domain/network';
import { osloDate } from '../../domain/oslo-time';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { refusalText } from '../error-text';
import { inquiryText, pickNetwork } from '../networks/network-args';
import { inquiryReminderJob } from '../networks/inquiry-reminder';
import { INQUIRIES, inquiriesOf, loadInquiry, networksOf } from '../networks/network-records';
import { dayText, inquiryLine, personName } from '../networks/network-view';
import { commandUsage, refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { shortId } from '../short-id';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ inquiry: arg.text() });

/**
 * `henvendelse`: the inquiries waiting for an answer; `henvendelse <id>` one of them;
 * `henvendelse [mottatt dato] <leverandør>: <spørsmål>` records one as it arrived.
 */
export const inquiryCommand = declareCommand({
  id: 'inquiry',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const now = clock.now();
    const today = osloDate(now);
    const usage = commandUsage(t, 'inquiry');
    const { network, rest } = pickNetwork(networksOf(org), input.inquiry ?? '');
    if (!network) return [text(refusalText(t, 'NETWORK.NONE'))];
    if (rest === '') {
      const open = openInquiries(await inquiriesOf(store, network.id));
      if (open.length === 0) return [text(t.t('network.none-open', { network: network.name, usage }))];
      return [
        text(
          [
            t.t('network.open-heading', { network: network.name, count: open.length }),
            ...open.map((i) => inquiryLine(org, t, i, today)),
          ].join('\n'),
        ),
      ];
    }
    if (/^[A-Za-z0-9]{5}$/.test(rest)) {
      const found = (await loadInquiry(store, rest))?.value;
      if (!found) return [text(refusalText(t, 'NETWORK.UNKNOWN_INQUIRY', { id: rest }))];
      const a = found.answer;
      return [
        text(
          [
            inquiryLine(org, t, found, today),
            found.text,
            a
              ? t.t('network.answer-shown', {
                  by: personName(org, a.answeredBy),
                  date: dayText(osloDate(a.answeredAt), t),
                  count: a.municipalities.length,
                  text: a.text,
                })
              : t.t('network.answer-how', { id: found.id }),
          ].join('\n'),
        ),
      ];
    }
    const parsed = inquiryText(rest, today);
    if (!parsed.ok) return [text(refusalWithUsage(t, 'inquiry', parsed.error))];
    for (let attempt = 0; attempt < 5; attempt++) {
      const made = receiveInquiry(network, parsed.value, { id: shortId(), by: actor.member.id }, now, today);
      if (!made.ok) return [text(refusalWithUsage(t, 'inquiry', made.error))];
      try {
        await store.create<Inquiry>(INQUIRIES, made.value.id, made.value);
      } catch (e) {
        if (isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
        throw e;
      }
      // Unanswered after 14 days, the coordinators are reminded once (its job id is the inquiry's).
      const reminder = inquiryReminderJob(made.value, now);
      if (reminder) await scheduler.schedule(reminder);
      await audit(store, {
        kind: 'network.inquiry-received',
        memberId: actor.member.id,
        at: now.toISOString(),
        details: { networkId: network.id, inquiryId: made.value.id },
      });
      return [
        text(
          t.t('network.inquiry-recorded', {
            id: made.value.id,
            supplier: made.value.supplier,
            received: dayText(made.value.received, t),
            network: network.name,
          }),
        ),
      ];
    }
    throw new Error('no free id for an inquiry after 5 attempts');
  },
});
