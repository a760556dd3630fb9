import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import type { HearingRecord } from '../hearings/hearing-records';
import type { Reply } from '../reply';
import { hearingCandidate, pickedOrReply, pickHearing } from './pick';

/** What a declared command knows of its `hearing` argument: the words read, as typed, and all the arguments. */
export interface HearingWords {
  readonly t: Translator;
  readonly args: string;
  readonly input: { readonly hearing?: string | undefined };
  readonly typed: Readonly<Record<string, string>>;
}

/**
 * The hearing a declared command names (id, title fragment or "neste"); without one, the one
 * open hearing; several are offered as buttons that type `commandId` again with the id.
 */
export async function pickedHearing(
  store: RecordStore,
  commandId: string,
  ctx: HearingWords,
): Promise<{ hearing: HearingRecord } | { reply: Reply }> {
  const { t } = ctx;
  const picked = pickedOrReply(
    await pickHearing(store, ctx.input.hearing),
    t,
    {
      commandId,
      typedRef: ctx.typed.hearing,
      args: ctx.args,
      none: t.t('hearings.none'),
      unknown: (ref) => t.t('error.HEARING.UNKNOWN', { id: ref }),
      which: t.t('pick.hearing.which'),
    },
    hearingCandidate,
  );
  return 'record' in picked ? { hearing: picked.record.value } : picked;
}
