import { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { ResultLists, SyncReport } from '../../ports/result-lists';
import type { JobHandler } from '../scheduling/execute-job';
import type { RecordRef } from './projectors';
import { PROJECTORS } from './projectors';
import { requestProjection } from './request-projection';
import type { RowContext } from './row-context';

export interface ProjectionDeps {
  readonly store: RecordStore;
  readonly lists: ResultLists;
  readonly clock: Clock;
  readonly context: () => RowContext;
}

/**
 * Brings one record's rows in step: reads the record as stored now, maps it, and syncs each
 * list it feeds. Run twice, the second run finds nothing to change; a run cut short (a crash,
 * throttling past the client's retries) is retried by the runner and finishes the rest.
 */
export async function projectRecord(
  deps: ProjectionDeps,
  ref: RecordRef,
  options: { followOthers?: boolean } = {},
): Promise<SyncReport> {
  const projector = PROJECTORS[ref.collection];
  const total = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  if (!projector) return total;
  const projection = await projector.project(deps.store, ref.id, deps.context());
  for (const list of projector.lists) {
    const report = await deps.lists.sync(list, `${ref.collection}/${ref.id}`, projection.rows[list] ?? []);
    total.created += report.created;
    total.updated += report.updated;
    total.removed += report.removed;
    total.unchanged += report.unchanged;
  }
  if (options.followOthers !== false)
    for (const other of projection.also) await requestProjection(deps.store, deps.clock, other);
  return total;
}

export const projectionPayload: z.ZodType<RecordRef> = z.object({ collection: z.string(), id: z.string() });

export const projectionHandler =
  (deps: ProjectionDeps): JobHandler<RecordRef> =>
  async ({ job }) => {
    await projectRecord(deps, job.payload);
  };
