import type { MunicipalityNumber } from '../../domain/municipality';
import type { Organisation } from '../../domain/organisation';
import type { Withdrawal } from '../../domain/withdrawal';
import { memberMunicipalities } from '../../domain/withdrawal';
import type { RecordStore } from '../../ports/record-store';

/** One record per municipality that has given notice, keyed by its number: at most the cooperation's 26. */
export const WITHDRAWALS = 'withdrawals';

export async function loadWithdrawals(store: RecordStore): Promise<Withdrawal[]> {
  return (await store.find<Withdrawal>(WITHDRAWALS)).map((r) => r.value);
}

/** The municipalities to ask, count or charge on the date: the organisation's, less those that have left. */
export async function membersOn(store: RecordStore, org: Organisation, onDate: string): Promise<MunicipalityNumber[]> {
  return memberMunicipalities(org, await loadWithdrawals(store), onDate);
}
