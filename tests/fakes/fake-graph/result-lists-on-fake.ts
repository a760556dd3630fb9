import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { SharePointResultLists } from '../../../src/adapters/sharepoint/typed-lists/sharepoint-result-lists';
import { provisionResultLists } from '../../../src/adapters/sharepoint/typed-lists/provision-result-lists';
import { openSharePointStore } from '../../../src/adapters/sharepoint/open-sharepoint-store';
import type { ThrottlePolicy } from '../../../src/adapters/graph/throttling';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { ProjectingStore } from '../../../src/app/projection/projecting-store';
import { projectionHandler, projectionPayload } from '../../../src/app/projection/project-job';
import { PROJECT } from '../../../src/app/projection/request-projection';
import type { Organisation } from '../../../src/domain/organisation';
import { Catalogue, type Translator } from '../../../src/i18n/catalogue';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import type { ResultLists } from '../../../src/ports/result-lists';
import type { FakeGraph } from './fake-graph-server';
import type { FakeList } from './list-routes';
import { graphOnFake } from './sharepoint-on-fake';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';

const idleTimer = { after: () => () => {} };

/** The rows of a typed list as a site reader sees them: fields by internal name, in key order. */
export const rowsOf = (fake: FakeGraph, internalName: string): Record<string, unknown>[] => {
  const list: FakeList | undefined = fake.lists.list(internalName);
  if (!list) throw new Error(`no list ${internalName} on the fake`);
  return [...list.items.values()]
    .map((i) => i.fields)
    .sort((a, b) => String(a.SamradKey).localeCompare(String(b.SamradKey)));
};

export interface ProjectionOnFake {
  readonly store: RecordStore;
  readonly records: RecordStore;
  readonly t: Translator;
  /** Runs every due job (only projections here) until none is left. */
  project(now?: Date): Promise<void>;
}

/** A provisioned site (records list and the typed lists), a projecting store on it, and a runner of projection jobs. */
export async function projectionOnFake(
  fake: FakeGraph,
  organisation: () => Organisation,
  options: {
    clock: Clock;
    throttle?: Partial<ThrottlePolicy>;
    wrap?: (store: RecordStore) => RecordStore;
    wrapLists?: (lists: ResultLists) => ResultLists;
  },
): Promise<ProjectionOnFake> {
  const graph = graphOnFake(fake, options.throttle);
  const t = Catalogue.load().for('nb');
  if (!fake.lists.list('SamradRecords')) await provisionSite(graph.http, fake.lists.siteId);
  await provisionResultLists(graph.http, fake.lists.siteId, t);
  const sharePoint = openSharePointStore(graph, fake.lists.siteId);
  const records = options.wrap ? options.wrap(sharePoint) : sharePoint;
  const store = new ProjectingStore(records, options.clock, () => undefined);
  const onSite = new SharePointResultLists(graph.http, fake.lists.siteId, t);
  const lists = options.wrapLists ? options.wrapLists(onSite) : onSite;
  const runner = new JobRunner({
    store: records,
    clock: options.clock,
    timer: idleTimer,
    owner: 'test-runner',
    backoff: { baseMs: 0, maxMs: 0 },
    handlers: jobRegistry(
      defineJob(
        PROJECT,
        projectionPayload,
        projectionHandler({
          store: records,
          lists,
          clock: options.clock,
          context: () => ({ organisation: organisation(), t }),
        }),
      ),
    ),
  });
  return {
    store,
    records,
    t,
    async project(now = options.clock.now()) {
      for (let pass = 0; pass < 10; pass++) {
        const summary = await runner.runDue(now);
        if (summary.done + summary.retried + summary.lost === 0) return;
      }
    },
  };
}
