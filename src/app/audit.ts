import { randomUUID } from 'node:crypto';
import type { RecordStore } from '../ports/record-store';

/** Who did what, kept in the store: the coordinator answers for the organisation's data. */
export interface AuditEntry {
  readonly kind: string;
  readonly memberId: string;
  readonly at: string;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export async function audit(store: RecordStore, entry: AuditEntry): Promise<void> {
  await store.create<AuditEntry>('auditLog', randomUUID(), entry);
}
