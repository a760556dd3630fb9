import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { BALLOT_BOXES } from './vote-records';

/** What the store holds instead of a box: AES-256-GCM over the padded JSON, bound to the record. */
interface Sealed {
  readonly sealed: string;
}

const PAD = 512;
const NONCE = 12;
const TAG = 16;

/**
 * The ballot boxes sealed with a key from the environment (SAMRAD_BALLOT_KEY), so every version
 * a store or SharePoint's version history keeps is ciphertext to anyone without the key: no
 * two versions can be diffed to pair a voter with a choice. The JSON is padded to a multiple of
 * 512 bytes, so a count gaining a digit does not change the length; the length still grows
 * roughly with the number who have voted, which is shown to everyone anyway. Each record is
 * sealed with its list and id as associated data, so a sealed box cannot be moved to another
 * vote. Boxes written before the key was set are read as they are and sealed at their next write.
 */
export class SealedBallotBoxes implements RecordStore {
  private readonly key: Buffer;

  constructor(
    private readonly inner: RecordStore,
    secret: string,
    private readonly lists: ReadonlySet<ListName> = new Set([BALLOT_BOXES]),
  ) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'samrad', 'ballot boxes v1', 32));
  }

  async get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    const record = await this.inner.get<T | Sealed>(list, id);
    return record && this.opened(list, record);
  }

  async find<T>(list: ListName, where: Where = {}): Promise<StoredRecord<T>[]> {
    if (!this.lists.has(list)) return this.inner.find<T>(list, where);
    // Sealed values cannot be filtered in the store: open them all, then filter.
    const all = (await this.inner.find<T | Sealed>(list)).map((r) => this.opened<T>(list, r));
    return all.filter((r) =>
      // A value of null reads back as null.
      Object.entries(where).every(([f, v]) => ((r.value as Record<string, unknown> | null)?.[f] ?? null) === v),
    );
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    return { ...(await this.inner.create(list, id, this.sealed(list, id, value))), value };
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    return { ...(await this.inner.replace(list, id, this.sealed(list, id, value), ifMatch)), value };
  }

  remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    return this.inner.remove(list, id, ifMatch);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private sealed<T>(list: ListName, id: string, value: T): T | Sealed {
    if (!this.lists.has(list)) return value;
    const text = Buffer.from(JSON.stringify(value), 'utf8');
    const padded = Buffer.alloc(Math.ceil((text.length + 1) / PAD) * PAD, 0x20); // JSON ignores trailing spaces
    text.copy(padded);
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(`${list}/${id}`, 'utf8'));
    const body = Buffer.concat([cipher.update(padded), cipher.final()]);
    return { sealed: Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64') };
  }

  private opened<T>(list: ListName, record: StoredRecord<T | Sealed>): StoredRecord<T> {
    const value = record.value as Partial<Sealed> | null;
    if (!this.lists.has(list) || typeof value?.sealed !== 'string') return record as StoredRecord<T>;
    const raw = Buffer.from(value.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(`${list}/${record.id}`, 'utf8'));
    decipher.setAuthTag(raw.subarray(NONCE, NONCE + TAG));
    // A wrong key fails here, loudly: a box is never read as empty.
    const text = Buffer.concat([decipher.update(raw.subarray(NONCE + TAG)), decipher.final()]).toString('utf8');
    return { ...record, value: JSON.parse(text) as T };
  }
}
