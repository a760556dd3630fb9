import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';
import { fieldsOf, jsonOf, recordOf, versionOf } from './table-entity';
import type { RecordFields } from './table-entity';
import { statusOf, storeErrorOf } from './table-errors';
import { indexPrefix, indexText, keyPart, rangeEnd, recordRow } from './table-keys';

/**
 * The fields each collection is queried by, kept as index rows beside the record in its
 * partition, so the query is a range query on RowKey and never a scan: the job runner's
 * `{ state: 'pending' }` reads only the pending jobs, however many finished ones the
 * partition holds. Other collections are small (people, chats) and read whole.
 */
export const MACHINERY_INDEXES: Readonly<Record<string, readonly string[]>> = { jobs: ['state', 'finishedDay'] };

type Entity = TableEntity<RecordFields> & { readonly etag?: string };

/**
 * The store on one Azure Table: a partition per collection, a row per record (`r:<id>`),
 * and for indexed fields a row per record and field (`i:<field>:<value>:<id>`) holding a
 * copy of the record. A record and its index rows change together in one entity group
 * transaction, guarded by the record row's eTag (If-Match): of two writers from the same
 * version exactly one wins, and the index never disagrees with the record.
 *
 * The store's eTag is the record's own version (`"<incarnation>.<count>"`), so that index
 * rows, which carry a copy, give the same eTag as the record row.
 * Permissions: the role Storage Table Data Contributor on the account (no keys).
 */
export class TableRecordStore implements RecordStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly table: TableClient,
    private readonly indexes: Readonly<Record<string, readonly string[]>> = MACHINERY_INDEXES,
  ) {}

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    const entity = await this.read(list, id);
    return entity && !entity.gone ? recordOf<T>(entity) : undefined;
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    await this.ensureTable();
    const fields = this.indexes[list] ?? [];
    const lead = Object.entries(where).find(
      ([field, value]) => fields.includes(field) && indexText(value) !== undefined,
    );
    const prefix = lead ? indexPrefix(lead[0], indexText(lead[1])!) : 'r:';
    const filter = odata`PartitionKey eq ${keyPart(list)} and RowKey ge ${prefix} and RowKey lt ${rangeEnd(prefix)}`;
    const found: StoredRecord<T>[] = [];
    try {
      for await (const entity of this.table.listEntities<RecordFields>({ queryOptions: { filter } })) {
        if (entity.gone) continue;
        const record = recordOf<T>(entity);
        const value = (record.value ?? {}) as Record<string, unknown>;
        if (Object.entries(where).every(([f, v]) => (value[f] ?? null) === v)) found.push(record);
      }
    } catch (e) {
      throw storeErrorOf(e, list, '');
    }
    return found.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const json = this.fit(list, id, value);
    const now = new Date().toISOString();
    const fields = fieldsOf(id, `${randomUUID().slice(0, 8)}.1`, json, now, now);
    const rows = this.indexRows(list, id, value);
    const actions: TransactionAction[] = [
      [
        'create',
        {
          partitionKey: keyPart(list),
          rowKey: recordRow(id),
          ...fields,
          ...(rows.length > 0 && { ix: JSON.stringify(rows) }),
        },
      ],
      ...rows.map((rowKey): TransactionAction => [
        'upsert',
        { partitionKey: keyPart(list), rowKey, ...fields },
        'Replace',
      ]),
    ];
    try {
      await this.submit(actions);
    } catch (e) {
      if (statusOf(e) !== 409) throw storeErrorOf(e, list, id);
      // Taken, unless by a record half removed: then it is written over, from its eTag.
      const existing = await this.read(list, id);
      if (!existing?.gone) throw new StoreError('STORE.ALREADY_EXISTS', list, id);
      await this.write(list, id, value, json, existing, fields.ver, now);
    }
    return recordOf<T>(fields);
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const json = this.fit(list, id, value);
    const current = await this.read(list, id);
    if (!current || current.gone) throw new StoreError('STORE.NOT_FOUND', list, id);
    if (current.ver !== versionOf(ifMatch)) throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
    const [incarnation, count] = current.ver.split('.');
    const fields = await this.write(
      list,
      id,
      value,
      json,
      current,
      `${incarnation}.${Number(count) + 1}`,
      current.created,
    );
    return recordOf<T>(fields);
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(list, id);
      if (!current || current.gone) throw new StoreError('STORE.NOT_FOUND', list, id);
      if (ifMatch !== undefined && current.ver !== versionOf(ifMatch))
        throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
      try {
        await this.removeRows(list, current);
        return;
      } catch (e) {
        // Changed since it was read: with an eTag that is the caller's conflict; without, read again.
        if (statusOf(e) !== 412 && statusOf(e) !== 404) throw storeErrorOf(e, list, id);
        if (ifMatch !== undefined || attempt >= 5)
          throw new StoreError('STORE.PRECONDITION_FAILED', list, id, { cause: e });
      }
    }
  }

  async close(): Promise<void> {
    // Nothing to close: the Table Storage client has no close, and each call is a request of its own.
  }

  /**
   * A record with index rows goes in two steps: first, in one transaction guarded by its
   * eTag, the record becomes a tombstone and its index rows go; then the tombstone goes.
   * A crash between leaves a tombstone, which reads as missing and may be created over.
   */
  private async removeRows(list: string, current: Entity): Promise<void> {
    const partitionKey = keyPart(list);
    const rows = JSON.parse(current.ix ?? '[]') as string[];
    if (rows.length === 0) {
      await this.table.deleteEntity(partitionKey, current.rowKey, { etag: current.etag! });
      return;
    }
    const tombstone = {
      partitionKey,
      rowKey: current.rowKey,
      id: current.id,
      ver: current.ver,
      created: current.created,
      modified: current.modified,
      n: 0,
      gone: true,
    };
    await this.submit([
      ['update', tombstone, 'Replace', { etag: current.etag! }],
      ...rows.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
    ]);
    const left = await this.read(list, current.id);
    if (left?.gone)
      await this.table.deleteEntity(partitionKey, left.rowKey, { etag: left.etag! }).catch(() => undefined);
  }

  /** Writes a new version over `current` (under its eTag) with its index rows; 412/404 mean someone was first. */
  private async write(
    list: string,
    id: string,
    value: unknown,
    json: string,
    current: Entity,
    ver: string,
    created: string,
  ): Promise<RecordFields> {
    const partitionKey = keyPart(list);
    const fields = fieldsOf(id, ver, json, created, new Date().toISOString());
    const rows = this.indexRows(list, id, value);
    const old = (JSON.parse(current.ix ?? '[]') as string[]).filter((r) => !rows.includes(r));
    const actions: TransactionAction[] = [
      [
        'update',
        { partitionKey, rowKey: recordRow(id), ...fields, ...(rows.length > 0 && { ix: JSON.stringify(rows) }) },
        'Replace',
        { etag: current.etag! },
      ],
      ...old.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
      ...rows.map((rowKey): TransactionAction => ['upsert', { partitionKey, rowKey, ...fields }, 'Replace']),
    ];
    try {
      await this.submit(actions);
      return fields;
    } catch (e) {
      const status = statusOf(e);
      if (status !== 412 && status !== 404) throw storeErrorOf(e, list, id);
      const now = await this.read(list, id);
      throw new StoreError(now && !now.gone ? 'STORE.PRECONDITION_FAILED' : 'STORE.NOT_FOUND', list, id, { cause: e });
    }
  }

  /** One action goes as a single request; more as one entity group transaction (all or nothing). */
  private async submit(actions: TransactionAction[]): Promise<void> {
    await this.ensureTable();
    if (actions.length > 1) {
      await this.table.submitTransaction(actions);
      return;
    }
    const [action] = actions;
    if (action![0] === 'create') await this.table.createEntity(action![1]);
    else if (action![0] === 'update') await this.table.updateEntity(action![1], action![2], action![3]);
    else if (action![0] === 'upsert') await this.table.upsertEntity(action![1], action![2]);
    else await this.table.deleteEntity(action![1].partitionKey, action![1].rowKey);
  }

  private async read(list: string, id: string): Promise<Entity | undefined> {
    await this.ensureTable();
    try {
      return (await this.table.getEntity<RecordFields>(keyPart(list), recordRow(id))) as Entity;
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw storeErrorOf(e, list, id);
    }
  }

  private indexRows(list: string, id: string, value: unknown): string[] {
    const object = (value ?? {}) as Record<string, unknown>;
    return (this.indexes[list] ?? []).flatMap((field) => {
      const text = indexText(object[field]);
      return text === undefined ? [] : [indexPrefix(field, text) + keyPart(id)];
    });
  }

  /** The value's JSON, or a permanent refusal naming the size (nothing is sent). */
  private fit(list: string, id: string, value: unknown): string {
    const json = jsonOf(value);
    if (json === undefined)
      throw new StoreError('STORE.TOO_LARGE', list, id, {
        cause: new Error(
          `the record's JSON passes what one Table Storage entity holds (${JSON.stringify(value).length} characters)`,
        ),
      });
    return json;
  }

  /** Creates the table on first use (it already exists where infra/ made it). */
  private ensureTable(): Promise<void> {
    this.ready ??= this.table.createTable().catch((e: unknown) => {
      this.ready = undefined;
      if (statusOf(e) !== 409) throw storeErrorOf(e, this.table.tableName, '');
    });
    return this.ready;
  }
}
