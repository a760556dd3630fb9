import type { Inquiry, Network, NetworkMeeting } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';
import type { RecordStore } from '../../ports/record-store';

/**
 * A network's meetings: a few dozen a year, read whole and picked by network here, so no store
 * needs an index on the network (SharePoint indexes only the columns use cases filter on).
 */
export const NETWORK_MEETINGS = 'networkMeetings';
/** Suppliers' inquiries to a network: a few dozen a year, read whole. */
export const INQUIRIES = 'networkInquiries';

export const networksOf = (org: Organisation): readonly Network[] => org.networks ?? [];

export async function meetingsOf(store: RecordStore, networkId: string): Promise<NetworkMeeting[]> {
  return (await store.find<NetworkMeeting>(NETWORK_MEETINGS))
    .map((r) => r.value)
    .filter((m) => m.networkId === networkId);
}

export async function inquiriesOf(store: RecordStore, networkId: string): Promise<Inquiry[]> {
  return (await store.find<Inquiry>(INQUIRIES)).map((r) => r.value).filter((i) => i.networkId === networkId);
}

export async function loadInquiry(store: RecordStore, id: string) {
  return store.get<Inquiry>(INQUIRIES, id.trim().toUpperCase());
}
