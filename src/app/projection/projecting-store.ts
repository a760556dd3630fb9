import type { Clock } from '../../ports/clock';
import type { ListName, RecordStore, StoredRecord, Where } from '../../ports/record-store';
import { isProjected } from './projectors';
import { requestProjection } from './request-projection';

/**
 * The records store, asking for a projection after every write to a collection the result
 * lists show. The records stay the source of truth; the lists follow within a runner's poll.
 * A request that fails is logged, never the writer's failure: the record is safely stored,
 * and `npm run provision -- --project-all` brings every list in step again.
 */
export class ProjectingStore implements RecordStore {
  constructor(
    private readonly inner: RecordStore,
    private readonly clock: Clock,
    private readonly warn: (event: string, details: Record<string, unknown>) => void,
  ) {}

  get<T>(list: ListName, id: string): Promise<StoredRecord<T> | undefined> {
    return this.inner.get<T>(list, id);
  }

  find<T>(list: ListName, where?: Where): Promise<StoredRecord<T>[]> {
    return this.inner.find<T>(list, where);
  }

  async create<T>(list: ListName, id: string, value: T): Promise<StoredRecord<T>> {
    const record = await this.inner.create(list, id, value);
    await this.request(list, id);
    return record;
  }

  async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const record = await this.inner.replace(list, id, value, ifMatch);
    await this.request(list, id);
    return record;
  }

  async remove(list: ListName, id: string, ifMatch?: string): Promise<void> {
    await this.inner.remove(list, id, ifMatch);
    await this.request(list, id);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async request(list: string, id: string): Promise<void> {
    if (!isProjected(list)) return;
    try {
      await requestProjection(this.inner, this.clock, { collection: list, id });
    } catch (e) {
      this.warn('projection.not-requested', {
        collection: list,
        id,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
