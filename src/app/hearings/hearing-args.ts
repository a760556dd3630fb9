import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import { text } from '../reply';
import type { Reply } from '../reply';
import type { HearingRecord } from './hearing-records';
import { loadHearing, openHearings } from './hearing-records';

/**
 * What hearing commands take: `<command> [hearing id] [rest]`. Without an id, the one open
 * hearing if there is exactly one; otherwise the person is asked which.
 */
export async function hearingFromArgs(store: RecordStore, t: Translator, args: string): Promise<{ hearing: HearingRecord; rest: string } | { reply: Reply }> {
  const [first = '', ...words] = args.trim().split(/\s+/);
  const named = /^[A-Za-z0-9]{5}$/.test(first) ? await loadHearing(store, first) : undefined;
  if (named) return { hearing: named, rest: words.join(' ') };
  if (/^[A-Za-z0-9]{5}$/.test(first)) return { reply: text(t.t('error.HEARING.UNKNOWN', { id: first })) };
  const open = await openHearings(store);
  if (open.length === 1) return { hearing: open[0]!.value, rest: args.trim() };
  if (open.length === 0) return { reply: text(t.t('hearings.none')) };
  return { reply: text(t.t('hearings.which', { ids: open.map((h) => `${h.id} (${h.value.title})`).join(', ') })) };
}
