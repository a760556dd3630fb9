import type { Translator } from '../../i18n/catalogue';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import type { Reply } from '../reply';
import type { VoteRecord } from '../voting/vote-records';
import { echo } from './grammar/echo';
import { pickedOrReply, pickVote, voteCandidate } from './pick';

/**
 * The vote a command names by id, case number or title fragment. Without a name, the one open
 * vote; several open (or several matching) are offered as buttons.
 */
export async function findVote(
  store: RecordStore,
  t: Translator,
  args: string,
  usageKey: string,
): Promise<{ vote: StoredRecord<VoteRecord> } | { reply: Reply }> {
  const wanted = args.trim();
  const commandId = usageKey.replace(/^command\./, '').replace(/\.usage$/, '');
  const picked = pickedOrReply(
    await pickVote(store, wanted || undefined),
    t,
    {
      commandId,
      typedRef: wanted || undefined,
      args: wanted,
      none: t.t('vote.none-open', { usage: t.t(usageKey) }),
      unknown: (ref) => t.t('error.VOTE.UNKNOWN', { vote: ref }),
      which: wanted ? t.t('pick.vote.several', { ref: echo(wanted) }) : t.t('pick.vote.which'),
    },
    voteCandidate,
  );
  return 'record' in picked ? { vote: picked.record } : picked;
}
