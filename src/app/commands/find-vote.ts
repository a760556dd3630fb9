import type { Translator } from '../../i18n/catalogue';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { text } from '../reply';
import type { Reply } from '../reply';
import type { VoteRecord } from '../voting/vote-records';
import { VOTES } from '../voting/vote-records';

/** The vote a command names by id or case number, or a prompt listing the open ones. */
export async function findVote(
  store: RecordStore,
  t: Translator,
  args: string,
  usageKey: string,
): Promise<{ vote: StoredRecord<VoteRecord> } | { reply: Reply }> {
  const wanted = args.trim();
  const all = await store.find<VoteRecord>(VOTES);
  const match =
    all.find((v) => v.id.toLowerCase() === wanted.toLowerCase()) ??
    // A case number names its latest vote: a case can be voted on again.
    [...all].reverse().find((v) => wanted !== '' && v.value.caseNumber === wanted);
  if (match) return { vote: match };
  const open = all.filter((v) => v.value.state === 'open').map((v) => `${v.id} (${v.value.title})`);
  if (wanted === '') return { reply: text(t.t('vote.which', { usage: t.t(usageKey), open: open.join(', ') || t.t('vote.none-open') })) };
  return { reply: text(t.t('error.VOTE.UNKNOWN', { vote: wanted })) };
}
