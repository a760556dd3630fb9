import type { GraphConnection } from '../graph/graph-connection';
import { CallQueue } from './call-queue';
import { SharePointStore } from './sharepoint-store';

/** The store over a Graph connection; the site must have been provisioned (`npm run provision`). */
export const openSharePointStore = (graph: GraphConnection, siteId: string): SharePointStore =>
  new SharePointStore(new CallQueue(graph.http, graph.throttle), siteId);
