import { connectGraph } from '../../../src/adapters/graph/graph-connection';
import type { GraphConnection } from '../../../src/adapters/graph/graph-connection';
import type { ThrottlePolicy } from '../../../src/adapters/graph/throttling';
import { openSharePointStore } from '../../../src/adapters/sharepoint/open-sharepoint-store';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { CallQueue } from '../../../src/adapters/sharepoint/call-queue';
import { SharePointListItems } from '../../../src/adapters/sharepoint/sharepoint-list-items';
import type { SharePointStore } from '../../../src/adapters/sharepoint/sharepoint-store';
import type { FakeGraph } from './fake-graph-server';

/** Sleeps that do not wait: the waits asked for are recorded instead. */
export class RecordedSleeps {
  readonly waits: number[] = [];
  private clock = Date.parse('2026-11-23T12:00:00Z');
  readonly policy: Partial<ThrottlePolicy> = {
    now: () => this.clock,
    sleep: async (ms) => {
      this.waits.push(ms);
      this.clock += ms;
    },
  };
  total(): number {
    return this.waits.reduce((a, b) => a + b, 0);
  }
}

export function graphOnFake(
  fake: FakeGraph,
  throttle: Partial<ThrottlePolicy> = new RecordedSleeps().policy,
): GraphConnection {
  return connectGraph({ baseUrl: fake.baseUrl, version: '0.1.0-test', throttle });
}

/** A provisioned site on the fake and a store on it. */
export async function sharePointStoreOnFake(
  fake: FakeGraph,
  throttle?: Partial<ThrottlePolicy>,
): Promise<SharePointStore> {
  const graph = graphOnFake(fake, throttle);
  if (!fake.lists.list('SamradRecords')) await provisionSite(graph.http, fake.lists.siteId);
  return openSharePointStore(graph, fake.lists.siteId);
}

/** The list's items without the split of large records: SharePoint's own refusals, one item at a time. */
export async function listItemsOnFake(fake: FakeGraph): Promise<SharePointListItems> {
  const graph = graphOnFake(fake);
  if (!fake.lists.list('SamradRecords')) await provisionSite(graph.http, fake.lists.siteId);
  return new SharePointListItems(new CallQueue(graph.http, graph.throttle), fake.lists.siteId);
}
