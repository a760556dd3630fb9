import type { Hearing } from '../../domain/hearing';
import type { HearingResponse } from '../../domain/hearing-response';
import type { Locale } from '../../i18n/locale';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import type { PostedCard } from '../voting/vote-records';

/** One record per hearing; one per hearing and municipality holding every version of its response. */
export const HEARINGS = 'hearings';
export const HEARING_RESPONSES = 'hearingResponses';

export type HearingRecord = Hearing & {
  /** Where the coordinator registered it: the secretariat's channel gets the notice there. */
  readonly registeredIn?: string;
  /** The coordinator's card there, updated in place as responses arrive. */
  readonly posted?: PostedCard;
  /** The language it was registered in: what its jobs and the posted card are written in. */
  readonly locale?: Locale;
};

export interface ResponseHistory {
  readonly hearingId: string;
  readonly municipality: string;
  readonly responses: readonly HearingResponse[];
}

export const responsesId = (hearingId: string, municipality: string): string => `${hearingId}:${municipality}`;

export async function loadHearing(store: RecordStore, id: string): Promise<HearingRecord | undefined> {
  return (await store.get<HearingRecord>(HEARINGS, id.trim().toUpperCase()))?.value;
}

/** Every version of every municipality's response to one hearing. */
export async function hearingResponses(store: RecordStore, hearingId: string): Promise<HearingResponse[]> {
  return (await store.find<ResponseHistory>(HEARING_RESPONSES, { hearingId })).flatMap((r) => r.value.responses);
}

/** Open hearings, the nearest internal deadline first. */
export async function openHearings(store: RecordStore): Promise<StoredRecord<HearingRecord>[]> {
  const open = await store.find<HearingRecord>(HEARINGS, { state: 'open' });
  return open.sort((a, b) => a.value.internalDeadline.localeCompare(b.value.internalDeadline));
}
