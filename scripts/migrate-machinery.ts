import { MACHINERY_LISTS, tableClient } from '../src/adapters/azure-tables/open-tables';
import { TableRecordStore } from '../src/adapters/azure-tables/table-store';
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { RECORDS_LIST } from '../src/adapters/sharepoint/records-list';
import type { CollectionMove } from '../src/app/migration/move-machinery';
import { liveClaims, moveMachinery } from '../src/app/migration/move-machinery';
import { DEFAULT_RETENTION_DAYS } from '../src/app/scheduling/retention';
import type { RecordStore } from '../src/ports/record-store';
import type { MigrationContext, MigrationStep } from './migration-step';

/** The stores the machinery moves between: the records list, and the configured Azure Table. */
export interface MachineryStores {
  readonly source: RecordStore;
  readonly target: RecordStore;
}

const COLLECTIONS = [...MACHINERY_LISTS];

function openStores(c: MigrationContext): MachineryStores {
  const tables = c.config.tables!;
  return {
    source: openSharePointStore(c.graph, c.config.graph!.siteId),
    target: new TableRecordStore(tableClient(tables, tables.table, c.tokenCredential)),
  };
}

const options = (c: MigrationContext, apply: boolean) => ({
  apply,
  now: new Date(),
  retentionDays: c.config.retentionDays ?? DEFAULT_RETENTION_DAYS,
});

/** `12 jobs (2 already there), 3 conversations`: what a collection's move found. */
function summary(moves: readonly CollectionMove[]): string {
  return moves
    .map((m) => {
      const extra = [
        m.alreadyThere && `${m.alreadyThere} already there`,
        m.updated && `${m.updated} changed since an earlier run`,
        m.newerThere && `${m.newerThere} newer there, kept`,
      ].filter(Boolean);
      return `${m.moved + m.alreadyThere + m.updated + m.newerThere} ${m.collection}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    })
    .join(', ');
}

function warnings(c: MigrationContext, moves: readonly CollectionMove[]): void {
  for (const m of moves) {
    for (const query of m.refused)
      c.print(
        `  machinery: ${RECORDS_LIST} refused to list ${m.collection} ${query} (the list view threshold): those records stay in ${RECORDS_LIST}`,
      );
    if (m.changedMeanwhile)
      c.print(
        `  machinery: ${m.changedMeanwhile} ${m.collection} changed in ${RECORDS_LIST} during the run (is the bot stopped?): run again`,
      );
  }
}

/**
 * Moves the machinery (jobs and with them the outbox, retention's progress, conversation
 * references, identity links, Teams users, delivery failures) from `SamradRecords` to the
 * configured Azure Table (app/migration/move-machinery.ts): each record written there first,
 * removed from the list only after. Run with the bot stopped: a job under a live claim stops
 * the run before it writes anything.
 */
export function machineryStep(open: (c: MigrationContext) => MachineryStores = openStores): MigrationStep {
  return {
    name: 'machinery',
    async plan(c) {
      const { source, target } = open(c);
      const moves = await moveMachinery(source, target, COLLECTIONS, options(c, false));
      warnings(c, moves);
      const live = await liveClaims(source, new Date());
      if (live.length > 0)
        c.print(`  machinery: ${live.length} job(s) are claimed under a live lease: stop the bot before --apply`);
      const total = moves.reduce((n, m) => n + m.found, 0);
      const table = c.config.tables!.table;
      return total === 0 ? undefined : `move ${summary(moves)} from ${RECORDS_LIST} to the Azure Table ${table}`;
    },
    async apply(c) {
      const { source, target } = open(c);
      const moves = await moveMachinery(source, target, COLLECTIONS, options(c, true));
      warnings(c, moves);
      c.print(`  machinery: moved ${summary(moves)}`);
    },
  };
}
