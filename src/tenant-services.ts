import type { TokenCredential } from '@azure/identity';
import { connectGraph } from './adapters/graph/graph-connection';
import { graphCalendarServices } from './adapters/graph-calendar/graph-calendar-services';
import { IcsCalendar } from './adapters/ics/ics-calendar.adapter';
import { FolderDocumentLibrary } from './adapters/local-folder/folder-document-library';
import { DriveDocumentLibrary } from './adapters/sharepoint/drive-document-library';
import { openSharePointStore } from './adapters/sharepoint/open-sharepoint-store';
import { SharePointResultLists } from './adapters/sharepoint/typed-lists/sharepoint-result-lists';
import type { Translator } from './i18n/catalogue';
import type { ResultLists } from './ports/result-lists';
import { SqliteStore } from './adapters/sqlite/sqlite-store';
import { MACHINERY_LISTS, tableClient } from './adapters/azure-tables/open-tables';
import { TableRecordStore } from './adapters/azure-tables/table-store';
import { TableWindowStore } from './adapters/azure-tables/table-windows';
import { RoutedStore } from './adapters/routed-store';
import type { RateWindows } from './app/scheduling/shared-windows';
import { SharedWindows } from './app/scheduling/shared-windows';
import { MeetingsFreeBusy } from './app/meetings/meetings-free-busy';
import type { OrganisationRegistry } from './app/organisation-registry';
import type { SignedLinks } from './app/exports/signed-links';
import type { Config } from './config';
import type { Logger } from './log';
import type { Calendar } from './ports/calendar';
import type { Clock } from './ports/clock';
import type { DocumentLibrary } from './ports/document-library';
import type { FreeBusy } from './ports/free-busy';
import type { RecordStore } from './ports/record-store';
import { samradVersion } from './version';

export interface TenantServices {
  readonly store: RecordStore;
  readonly documents: DocumentLibrary;
  /** Builds the calendar and free/busy once the store exists (the local ones read it). */
  calendarFor(deps: { store: RecordStore; clock: Clock; registry: OrganisationRegistry; publicUrl: () => string; links: SignedLinks }): { calendar: Calendar; freeBusy: FreeBusy };
  /** The typed result lists, when a tenant is configured with `SAMRAD_SHAREPOINT_LISTS=on`; choices written in `t`'s language. */
  readonly resultListsFor?: (t: Translator) => ResultLists;
  /** Teams' windows shared by every instance (present with Table Storage); otherwise each process paces itself. */
  readonly teamsBudget?: RateWindows;
}

/**
 * With Table Storage configured (several instances), the machinery goes there and Teams'
 * budget is shared through it; the records stay where they were (docs/storage.md).
 */
export function tenantServices(
  config: Config,
  options: { readonly log: Logger; readonly store?: RecordStore; readonly graphCredential?: TokenCredential },
): TenantServices {
  const services = recordServices(config, options);
  const tables = config.tables;
  if (!tables) return services;
  return {
    ...services,
    store: new RoutedStore(new TableRecordStore(tableClient(tables, tables.table)), services.store, MACHINERY_LISTS),
    teamsBudget: new SharedWindows(new TableWindowStore(tableClient(tables, tables.table))),
  };
}

/**
 * Microsoft 365 when a tenant is configured: records in a SharePoint list, documents in a
 * library, meetings in the organiser's Outlook calendar as Teams meetings, free/busy from
 * getSchedule. Without a tenant: SQLite, a folder, .ics files and Samråd's own meetings.
 */
function recordServices(
  config: Config,
  options: { readonly log: Logger; readonly store?: RecordStore; readonly graphCredential?: TokenCredential },
): TenantServices {
  const folder = () => new FolderDocumentLibrary(config.documentsDir ?? './data/documents');
  const local = (deps: Parameters<TenantServices['calendarFor']>[0]) => ({
    // The .ics links are signed like the downloads: the server checks them with the same keys.
    calendar: new IcsCalendar({ store: deps.store, clock: deps.clock, baseUrl: deps.publicUrl, links: deps.links }),
    // Without a tenant, free/busy comes from Samråd's own meetings, so `foreslå tid` works on a laptop.
    freeBusy: new MeetingsFreeBusy({ store: deps.store, organisation: () => deps.registry.organisation }),
  });
  const graphConfig = config.graph;
  if (!graphConfig) return { store: options.store ?? new SqliteStore(config.databaseFile), documents: folder(), calendarFor: local };
  const graph = connectGraph({
    baseUrl: graphConfig.baseUrl,
    credential: graphConfig.credential,
    version: samradVersion,
    throttle: { onWait: (wait) => options.log.warn('graph.throttled', wait) },
    ...(options.graphCredential && { tokenCredential: options.graphCredential }),
  });
  return {
    store: options.store ?? openSharePointStore(graph, graphConfig.siteId),
    ...(graphConfig.resultLists && { resultListsFor: (t: Translator) => new SharePointResultLists(graph.http, graphConfig.siteId, t, (event, details) => options.log.warn(event, details)) }),
    documents: graphConfig.documentsDriveId ? new DriveDocumentLibrary(graph.http, graphConfig.documentsDriveId) : folder(),
    // Without an organiser mailbox there is no calendar to write to; the .ics files stay.
    calendarFor: (deps) =>
      graphConfig.organiser ? graphCalendarServices({ client: graph.http.client, organiser: graphConfig.organiser, store: deps.store, clock: deps.clock }) : local(deps),
  };
}
