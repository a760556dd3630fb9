// Types only from the cloud packages: their code loads when the config asks for them (issue 13).
import type { TokenCredential } from '@azure/identity';
import { IcsCalendar } from './adapters/ics/ics-calendar.adapter';
import { FolderDocumentLibrary } from './adapters/local-folder/folder-document-library';
import type { Translator } from './i18n/catalogue';
import type { ResultLists } from './ports/result-lists';
import { SqliteStore } from './adapters/sqlite/sqlite-store';
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
import type { OrphanSweeper } from './ports/orphan-sweeper';
import type { RecordStore } from './ports/record-store';

export interface TenantServices {
  readonly store: RecordStore;
  readonly documents: DocumentLibrary;
  /** Builds the calendar and free/busy once the store exists (the local ones read it). */
  calendarFor(deps: {
    store: RecordStore;
    clock: Clock;
    registry: OrganisationRegistry;
    publicUrl: () => string;
    links: SignedLinks;
  }): { calendar: Calendar; freeBusy: FreeBusy };
  /** The typed result lists, when a tenant is configured with `SAMRAD_SHAREPOINT_LISTS=on`; choices written in `t`'s language. */
  readonly resultListsFor?: (t: Translator) => ResultLists;
  /** Teams' windows shared by every instance (present with Table Storage); otherwise each process paces itself. */
  readonly teamsBudget?: RateWindows;
  /** Leftover parts of large records, swept by retention (present on SharePoint). */
  readonly orphans?: OrphanSweeper;
}

interface TenantOptions {
  readonly log: Logger;
  readonly store?: RecordStore;
  readonly graphCredential?: TokenCredential;
}

/**
 * With Table Storage configured (several instances), the machinery goes there and Teams'
 * budget is shared through it; the records stay where they were (docs/storage.md).
 * The Table Storage adapters (and @azure/data-tables, @azure/identity) load only then.
 */
export async function tenantServices(config: Config, options: TenantOptions): Promise<TenantServices> {
  const services = await recordServices(config, options);
  const tables = config.tables;
  if (!tables) return services;
  const [{ MACHINERY_LISTS, tableClient }, { TableRecordStore }, { TableWindowStore }] = await Promise.all([
    import('./adapters/azure-tables/open-tables.js'),
    import('./adapters/azure-tables/table-store.js'),
    import('./adapters/azure-tables/table-windows.js'),
  ]);
  return {
    ...services,
    store: new RoutedStore(new TableRecordStore(tableClient(tables, tables.table)), services.store, MACHINERY_LISTS),
    teamsBudget: new SharedWindows(new TableWindowStore(tableClient(tables, tables.table))),
  };
}

/**
 * Microsoft 365 when a tenant is configured (src/graph-tenant-services.ts, loaded only then).
 * Without a tenant: SQLite, a folder, .ics files and Samråd's own meetings.
 */
async function recordServices(config: Config, options: TenantOptions): Promise<TenantServices> {
  const folder = () => new FolderDocumentLibrary(config.documentsDir ?? './data/documents');
  const local = (deps: Parameters<TenantServices['calendarFor']>[0]) => ({
    // The .ics links are signed like the downloads: the server checks them with the same keys.
    calendar: new IcsCalendar({ store: deps.store, clock: deps.clock, baseUrl: deps.publicUrl, links: deps.links }),
    // Without a tenant, free/busy comes from Samråd's own meetings, so `foreslå tid` works on a laptop.
    freeBusy: new MeetingsFreeBusy({ store: deps.store, organisation: () => deps.registry.organisation }),
  });
  const graphConfig = config.graph;
  if (!graphConfig)
    return { store: options.store ?? new SqliteStore(config.databaseFile), documents: folder(), calendarFor: local };
  const { graphTenantServices } = await import('./graph-tenant-services.js');
  return graphTenantServices(graphConfig, options, { folder, calendarFor: local });
}
