import type { GraphCall, GraphReply } from '../graph/graph-client';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { StoreError } from '../../ports/record-store';
import type { CallQueue } from './call-queue';
import { FILTER_COLUMNS, LEAD_ORDER, RECORDS_LIST, filterText, fitted, odataString, recordKey } from './records-list';
import { oversizedField, refusalCode, refusalText } from './refusals';

interface ItemFields {
  readonly '@odata.etag'?: string;
  readonly id?: string;
  readonly RecordId?: string;
  readonly LongRecordId?: string;
  readonly Value?: string;
  readonly Created?: string;
  readonly Modified?: string;
}

interface ListItem {
  readonly '@odata.etag': string;
  readonly id: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly fields?: ItemFields;
}

const PAGE_SIZE = 999;

/**
 * The store on one SharePoint list through Microsoft Graph (see records-list.ts for the
 * columns and why one list). Every write is eTag-guarded with `If-Match`; a 412 becomes
 * `STORE.PRECONDITION_FAILED` and nothing is overwritten. Calls made together go out in
 * `$batch` requests (CallQueue).
 * Permissions: Sites.Selected with a `write` grant on the one site.
 */
export class SharePointListItems implements RecordStore {
  private readonly items: string;
  /** RecordKey → SharePoint item id. Item ids are never reused, so the cache only goes stale on removal. */
  private readonly itemIds = new Map<string, string>();

  constructor(
    private readonly calls: CallQueue,
    siteId: string,
    listName: string = RECORDS_LIST,
  ) {
    this.items = `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listName)}/items`;
  }

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    const item = await this.lookup(list, id);
    return item && toRecord<T>(id, item);
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    const clauses: string[] = [];
    for (const [field, value] of Object.entries(where).sort(([a], [b]) => lead(a) - lead(b))) {
      const column = FILTER_COLUMNS[field];
      const text = filterText(value);
      if (column && text !== undefined) clauses.push(`fields/${column} eq ${odataString(text)}`);
    }
    // Last: the collection matches every record of it, the clause SharePoint must not judge by.
    clauses.push(`fields/Collection eq ${odataString(list)}`);
    const found: StoredRecord<T>[] = [];
    for (const item of await this.query(clauses.join(' and '), list, '')) {
      const id = item.fields?.LongRecordId ?? item.fields?.RecordId ?? '';
      this.itemIds.set(recordKey(list, id), item.id);
      const record = toRecord<T>(id, item);
      const value = record.value as Record<string, unknown> | null; // a Value of "null" reads back as null
      if (Object.entries(where).every(([f, v]) => (value?.[f] ?? null) === v)) found.push(record);
    }
    return found.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const fields: Record<string, unknown> = {
      Title: id.slice(0, 255),
      Collection: list,
      RecordKey: recordKey(list, id),
      RecordId: fitted(id),
      ...(fitted(id) !== id && { LongRecordId: id }),
      ...valueFields(value, false),
    };
    const reply = await this.send({ method: 'POST', url: this.items, body: { fields } }, list, id);
    // The unique RecordKey refuses a second item: 409 (or, as SharePoint words some
    // refusals, a 400 while the key is indeed taken).
    if (reply.status === 409 || (reply.status === 400 && !oversizedField(fields) && (await this.lookup(list, id))))
      throw new StoreError('STORE.ALREADY_EXISTS', list, id);
    const item = this.expect<ListItem>(reply, 201, list, id, fields);
    this.itemIds.set(recordKey(list, id), item.id);
    return toRecord<T>(id, item);
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    return this.onItem(list, id, async (itemId) => {
      const sent = valueFields(value, true);
      const reply = await this.send(
        { method: 'PATCH', url: `${this.items}/${itemId}/fields`, headers: { 'If-Match': ifMatch }, body: sent },
        list,
        id,
      );
      if (reply.status === 404) return undefined;
      if (reply.status === 412) throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
      const fields = this.expect<ItemFields>(reply, 200, list, id, sent);
      const etag = fields['@odata.etag'];
      if (!etag) return (await this.lookup(list, id).then((i) => i && toRecord<T>(id, i))) ?? undefined;
      return toRecord<T>(id, { '@odata.etag': etag, id: itemId, fields });
    });
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    await this.onItem(list, id, async (itemId) => {
      const reply = await this.send(
        {
          method: 'DELETE',
          url: `${this.items}/${itemId}`,
          ...(ifMatch !== undefined && { headers: { 'If-Match': ifMatch } }),
        },
        list,
        id,
      );
      if (reply.status === 404) return undefined;
      if (reply.status === 412) throw new StoreError('STORE.PRECONDITION_FAILED', list, id);
      this.expect(reply, 204, list, id);
      this.itemIds.delete(recordKey(list, id));
      return true;
    });
  }

  async close(): Promise<void> {
    this.itemIds.clear();
  }

  /** Runs `write` on the item's id; a stale cached id (404) is looked up once more. */
  private async onItem<R>(list: string, id: string, write: (itemId: string) => Promise<R | undefined>): Promise<R> {
    const key = recordKey(list, id);
    for (let attempt = 0; attempt < 2; attempt++) {
      const itemId = this.itemIds.get(key) ?? (await this.lookup(list, id))?.id;
      if (itemId === undefined) break;
      const result = await write(itemId);
      if (result !== undefined) return result;
      this.itemIds.delete(key);
    }
    throw new StoreError('STORE.NOT_FOUND', list, id);
  }

  private async lookup(list: string, id: string): Promise<ListItem | undefined> {
    const key = recordKey(list, id);
    const [item] = await this.query(`fields/RecordKey eq ${odataString(key)}`, list, id);
    if (item) this.itemIds.set(key, item.id);
    else this.itemIds.delete(key);
    return item;
  }

  /** All pages of a filtered query, following `@odata.nextLink`. */
  private async query(filter: string, list: string, id: string): Promise<ListItem[]> {
    const items: ListItem[] = [];
    const query = new URLSearchParams({
      $expand: 'fields($select=RecordId,LongRecordId,Value,Created,Modified)',
      $filter: filter,
      $top: String(PAGE_SIZE),
    });
    let url: string | undefined = `${this.items}?${query.toString().replace(/\+/g, '%20')}`;
    while (url) {
      const page: { value: ListItem[]; '@odata.nextLink'?: string } = this.expect<{
        value: ListItem[];
        '@odata.nextLink'?: string;
      }>(await this.send({ method: 'GET', url }, list, id), 200, list, id);
      items.push(...page.value);
      url = page['@odata.nextLink'];
    }
    return items;
  }

  private async send(call: GraphCall, list: string, id: string): Promise<GraphReply> {
    try {
      return await this.calls.send(call);
    } catch (e) {
      throw new StoreError('STORE.UNAVAILABLE', list, id, { cause: e });
    }
  }

  /** The body of the expected reply; otherwise the port's error, permanent where SharePoint's refusal is. */
  private expect<B>(reply: GraphReply, status: number, list: string, id: string, sent?: Record<string, unknown>): B {
    if (reply.status === status || (status === 200 && reply.status === 201)) return reply.body as B;
    throw new StoreError(refusalCode(reply, sent), list, id, { cause: new Error(refusalText(reply, sent)) });
  }
}

/** A where field's place in LEAD_ORDER; fields without a column go last (they are filtered here). */
const lead = (field: string): number => {
  const at = LEAD_ORDER.indexOf(field);
  return at < 0 ? LEAD_ORDER.length : at;
};

/** The Value column and the filter copies; on an update, cleared copies are sent as null. */
function valueFields(value: unknown, clear: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = { Value: JSON.stringify(value) };
  const object = (value ?? {}) as Record<string, unknown>;
  for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
    const text = filterText(object[field]);
    if (text !== undefined) fields[column] = text;
    else if (clear) fields[column] = null;
  }
  return fields;
}

function toRecord<T>(id: string, item: ListItem): StoredRecord<T> {
  const fields = item.fields ?? {};
  return {
    id,
    etag: item['@odata.etag'],
    value: JSON.parse(fields.Value ?? 'null') as T,
    created: fields.Created ?? item.createdDateTime ?? '',
    modified: fields.Modified ?? item.lastModifiedDateTime ?? '',
  };
}
