import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import type { Reply } from '../reply';
import { hearingCandidate, pickedOrReply, pickHearing } from '../commands/pick';
import type { HearingRecord } from './hearing-records';

/**
 * What hearing commands take: `<command> [hearing] [rest]`. The first word names a hearing by
 * its id (or "neste"); without one, the one open hearing; several open are offered as buttons.
 */
export async function hearingFromArgs(
  store: RecordStore,
  t: Translator,
  args: string,
  commandId = 'hearing',
): Promise<{ hearing: HearingRecord; rest: string } | { reply: Reply }> {
  const [first = '', ...words] = args.trim().split(/\s+/);
  const named = /^[A-Za-z0-9]{5}$/.test(first) || /^(neste|next)$/i.test(first);
  const picked = pickedOrReply(
    await pickHearing(store, named ? first : undefined),
    t,
    {
      commandId,
      typedRef: named ? first : undefined,
      args: args.trim(),
      none: t.t('hearings.none'),
      unknown: (ref) => t.t('error.HEARING.UNKNOWN', { id: ref }),
      which: t.t('pick.hearing.which'),
    },
    hearingCandidate,
  );
  if ('reply' in picked) return picked;
  return { hearing: picked.record.value, rest: named ? words.join(' ') : args.trim() };
}
