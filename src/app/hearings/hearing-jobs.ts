import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import type { Clock } from '../../ports/clock';
import type { Messenger } from '../../ports/messenger';
import type { RecordStore } from '../../ports/record-store';
import type { JobScheduler } from '../scheduling/scheduler';

/** What the hearing use cases and their scheduled jobs need; the composition root provides it. */
export interface HearingDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
  readonly organisation: () => Organisation;
  /** Jobs write in the language the coordinator registered the hearing in. */
  readonly translator: (locale: Locale) => Translator;
  /** Updates the coordinator's card in place; absent where nothing is posted (some tests). */
  readonly messenger?: Messenger;
  /** A card that cannot be updated must not undo a stored response: it is logged instead. */
  readonly warn?: (event: string, details: Record<string, string>) => void;
}

export const HEARING_DISTRIBUTE = 'hearing.distribute';
export const HEARING_REMIND = 'hearing.remind';

export const distributeJobId = (hearingId: string): string => `hearing-distribute:${hearingId}`;
export const reminderJobId = (hearingId: string, at: string): string => `hearing-remind:${hearingId}:${at}`;
