import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { KeyState, WindowStore } from '../../ports/window-store';
import { statusOf } from './table-errors';
import { keyPart } from './table-keys';

/**
 * The partition of Teams' shared budget: one row per limited key (the tenant, each
 * conversation). A `~` not followed by four hex digits: no collection's partition can be it.
 */
export const BUDGET_PARTITION = 'budget~teams';
/** Conflicts between instances booking at once are read again; beyond this the send fails and its job retries. */
const ATTEMPTS = 30;

interface BudgetRow {
  /** Booked times: the first in ms, then differences, base 36 (an hour of one conversation's 1,800 stays far under 64 KiB). */
  readonly s: string;
  readonly h?: number;
}

/**
 * Teams' windows in Azure Table Storage, shared by every instance. The rows a booking touches
 * (its conversation's and its tenant's, one partition) are written in one entity group
 * transaction, each under the eTag it was read with (If-Match), or created if new: two
 * instances booking at once cannot both win, and the loser books again from what the winner
 * wrote.
 */
export class TableWindowStore implements WindowStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly table: TableClient,
    private readonly random: () => number = Math.random,
  ) {}

  async update<R>(
    keys: readonly string[],
    change: (states: ReadonlyMap<string, KeyState>) => {
      readonly states: ReadonlyMap<string, KeyState>;
      readonly result: R;
    },
  ): Promise<R> {
    this.ready ??= this.table.createTable().catch((e: unknown) => {
      this.ready = undefined;
      if (statusOf(e) !== 409) throw e;
    });
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      const rows = await Promise.all(keys.map((key) => this.read(key)));
      const { states, result } = change(new Map(keys.map((key, i) => [key, rows[i]!.state])));
      const writes = keys.map((key, i) => ({
        entity: {
          partitionKey: BUDGET_PARTITION,
          rowKey: keyPart(key),
          ...encode(states.get(key) ?? { stamps: [] }),
        },
        etag: rows[i]!.etag,
      }));
      try {
        if (writes.length === 1) {
          const [{ entity, etag }] = writes as [(typeof writes)[number]];
          await (etag ? this.table.updateEntity(entity, 'Replace', { etag }) : this.table.createEntity(entity));
        } else
          await this.table.submitTransaction(
            writes.map(({ entity, etag }): TransactionAction =>
              etag ? ['update', entity, 'Replace', { etag }] : ['create', entity],
            ),
          );
        return result;
      } catch (e) {
        const status = statusOf(e);
        if ((status !== 412 && status !== 409 && status !== 404) || attempt >= ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.floor(this.random() * 5 * attempt)));
      }
    }
  }

  private async read(key: string): Promise<{ state: KeyState; etag?: string }> {
    try {
      const row = await this.table.getEntity<BudgetRow>(BUDGET_PARTITION, keyPart(key));
      return { state: decode(row), etag: row.etag };
    } catch (e) {
      if (statusOf(e) === 404) return { state: { stamps: [] } };
      throw e;
    }
  }
}

function encode(state: KeyState): BudgetRow {
  const stamps = [...state.stamps].sort((a, b) => a - b);
  const parts = stamps.map((t, i) => (i === 0 ? t : t - stamps[i - 1]!).toString(36));
  return { s: parts.join(','), ...(state.heldUntil !== undefined && { h: state.heldUntil }) };
}

function decode(row: Partial<BudgetRow>): KeyState {
  const stamps: number[] = [];
  for (const part of (row.s ?? '').split(',').filter((p) => p !== ''))
    stamps.push((stamps.at(-1) ?? 0) + parseInt(part, 36));
  return { stamps, ...(typeof row.h === 'number' && { heldUntil: row.h }) };
}
