import type { Inquiry, Network, NetworkMeeting } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';
import type { RecordStore } from '../../ports/record-store';

/** A network's meetings: a few dozen a year, read whole. */
export const NETWORK_MEETINGS = 'networkMeetings';
/** Suppliers' inquiries to a network: a few dozen a year, read whole. */
export const INQUIRIES = 'networkInquiries';

export const networksOf = (org: Organisation): readonly Network[] => org.networks ?? [];

export async function meetingsOf(store: RecordStore, networkId: string): Promise<NetworkMeeting[]> {
  return (await store.find<NetworkMeeting>(NETWORK_MEETINGS, { networkId })).map((r) => r.value);
}

export async function inquiriesOf(store: RecordStore, networkId: string): Promise<Inquiry[]> {
  return (await store.find<Inquiry>(INQUIRIES, { networkId })).map((r) => r.value);
}

export async function loadInquiry(store: RecordStore, id: string) {
  return store.get<Inquiry>(INQUIRIES, id.trim().toUpperCase());
}
