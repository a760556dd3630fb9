import type { AgreementChange } from '../../domain/agreement-change';
import type { RecordStore } from '../../ports/record-store';

/** Agreement changes: a handful in the agreement's lifetime, so the whole list is read. */
export const AGREEMENT_CHANGES = 'agreementChanges';

export async function loadChange(store: RecordStore, id: string): Promise<AgreementChange | undefined> {
  return (await store.get<AgreementChange>(AGREEMENT_CHANGES, id.trim().toUpperCase()))?.value;
}

export async function allChanges(store: RecordStore): Promise<AgreementChange[]> {
  return (await store.find<AgreementChange>(AGREEMENT_CHANGES))
    .map((r) => r.value)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
