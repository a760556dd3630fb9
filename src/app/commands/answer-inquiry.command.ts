import { z } from 'zod';
import type { Inquiry } from '../../domain/network';
import { answerInquiry } from '../../domain/network';
import { municipalityName } from '../../domain/organisation';
import { osloDate } from '../../domain/oslo-time';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { loadWithdrawals } from '../cooperation/withdrawal-records';
import { memberMunicipalities } from '../../domain/withdrawal';
import { errorText, refusalText } from '../error-text';
import { answerText } from '../networks/network-args';
import { inquiryReminderJobId } from '../networks/inquiry-reminder';
import { INQUIRIES, loadInquiry } from '../networks/network-records';
import { dayText, personName } from '../networks/network-view';
import { refusalWithUsage } from '../networks/usage-refusal';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

const args = z.object({ answer: arg.text() });

/**
 * `svar henvendelse <id> [for <kommuner>]: <svar>`: the secretariat's answer to a supplier, once,
 * on behalf of the municipalities named or, when none are, every member municipality.
 */
export const answerInquiryCommand = declareCommand({
  id: 'answer-inquiry',
  audience: ['coordinator'],
  inMenu: false,
  args,
  async run({ actor, org, t, input }, { store, clock, scheduler }) {
    const now = clock.now();
    const today = osloDate(now);
    const parsed = answerText(org, input.answer ?? '', t.t('network.and'));
    if (!parsed.ok) return [text(refusalWithUsage(t, 'answer-inquiry', parsed.error))];
    const { id, municipalities, text: answer } = parsed.value;
    const members = memberMunicipalities(org, await loadWithdrawals(store), today);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await loadInquiry(store, id);
      if (!current) return [text(refusalText(t, 'NETWORK.UNKNOWN_INQUIRY', { id }))];
      const answered = answerInquiry(
        current.value,
        { text: answer, municipalities },
        members,
        { by: actor.member.id, nameOf: (m) => personName(org, m) },
        now,
      );
      if (!answered.ok) {
        const p = answered.error.params ?? {};
        return [
          text(
            errorText(t, {
              ...answered.error,
              params: {
                ...p,
                ...(typeof p.date === 'string' && { date: dayText(p.date, t) }),
                ...(typeof p.municipality === 'string' && { municipality: municipalityName(org, p.municipality) }),
              },
            }),
          ),
        ];
      }
      try {
        // The eTag makes "answered once" hold when two coordinators answer at the same moment.
        await store.replace<Inquiry>(INQUIRIES, id, answered.value, current.etag);
      } catch (e) {
        if (isStoreError(e, 'STORE.PRECONDITION_FAILED')) continue;
        throw e;
      }
      // Answered: its reminder is not wanted (the reminder also checks, should this not be reached).
      await scheduler.cancel(inquiryReminderJobId(id));
      await audit(store, {
        kind: 'network.inquiry-answered',
        memberId: actor.member.id,
        at: now.toISOString(),
        details: { inquiryId: id },
      });
      const done = answered.value.answer!;
      return [
        text(
          t.t('network.answered', {
            id,
            supplier: answered.value.supplier,
            count: done.municipalities.length,
            names: done.municipalities.map((m) => municipalityName(org, m)).join(', '),
          }),
        ),
      ];
    }
    throw new Error('the inquiry kept changing while it was answered');
  },
});
