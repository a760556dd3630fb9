import type { TokenCredential } from '@azure/identity';
import { connectGraph } from './adapters/graph/graph-connection';
import { graphCalendarServices } from './adapters/graph-calendar/graph-calendar-services';
import { DriveDocumentLibrary } from './adapters/sharepoint/drive-document-library';
import { openSharePointStore } from './adapters/sharepoint/open-sharepoint-store';
import { SharePointResultLists } from './adapters/sharepoint/typed-lists/sharepoint-result-lists';
import type { Translator } from './i18n/catalogue';
import type { GraphConfig } from './config';
import type { Logger } from './log';
import type { DocumentLibrary } from './ports/document-library';
import type { RecordStore } from './ports/record-store';
import type { TenantServices } from './tenant-services';
import { samradVersion } from './version';

/**
 * Microsoft 365 for a configured tenant: records in a SharePoint list, documents in a
 * library, meetings in the organiser's Outlook calendar as Teams meetings, free/busy from
 * getSchedule. Loaded only when a tenant is configured (issue 13: local mode loads no Graph
 * client and no Azure identity library).
 */
export function graphTenantServices(
  graphConfig: GraphConfig,
  options: { readonly log: Logger; readonly store?: RecordStore; readonly graphCredential?: TokenCredential },
  local: { readonly folder: () => DocumentLibrary; readonly calendarFor: TenantServices['calendarFor'] },
): TenantServices {
  const graph = connectGraph({
    baseUrl: graphConfig.baseUrl,
    credential: graphConfig.credential,
    version: samradVersion,
    throttle: { onWait: (wait) => options.log.warn('graph.throttled', wait) },
    ...(options.graphCredential && { tokenCredential: options.graphCredential }),
  });
  const own = options.store ? undefined : openSharePointStore(graph, graphConfig.siteId);
  return {
    store: options.store ?? own!,
    ...(own && { orphans: own }),
    ...(graphConfig.resultLists && {
      resultListsFor: (t: Translator) =>
        new SharePointResultLists(graph.http, graphConfig.siteId, t, (event, details) =>
          options.log.warn(event, details),
        ),
    }),
    documents: graphConfig.documentsDriveId
      ? new DriveDocumentLibrary(graph.http, graphConfig.documentsDriveId)
      : local.folder(),
    // Without an organiser mailbox there is no calendar to write to; the .ics files stay.
    calendarFor: (deps) =>
      graphConfig.organiser
        ? graphCalendarServices({
            client: graph.http.client,
            organiser: graphConfig.organiser,
            store: deps.store,
            clock: deps.clock,
          })
        : local.calendarFor(deps),
  };
}
