import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphCalendar } from '../../src/adapters/graph-calendar/graph-calendar.adapter';
import { IcsCalendar } from '../../src/adapters/ics/ics-calendar.adapter';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { SqliteStore } from '../../src/adapters/sqlite/sqlite-store';
import type { RecordStore } from '../../src/ports/record-store';
import { describe, expect, it } from 'vitest';
import { FakeGraphCalendar } from '../fakes/fake-graph/calendar-routes';
import { inProcessGraphClient } from '../fakes/fake-graph/in-process-client';
import { adaptersImplementing } from './adapters-under-contract';
import { calendarContract } from './calendar.contract';

const onStore = (store: RecordStore) => ({
  calendar: new IcsCalendar({ store, baseUrl: 'https://samrad.example.no/' }),
  close: () => store.close(),
});

calendarContract('ICS files on the memory store', async () => onStore(new MemoryStore()));
calendarContract('ICS files on the SQLite store', async () =>
  onStore(new SqliteStore(join(mkdtempSync(join(tmpdir(), 'samrad-cal-')), 'store.db'))),
);

// Graph against the fake Graph's calendar routes, its records on the memory store.
calendarContract('Graph (fake Graph, memory store)', async () => {
  const store = new MemoryStore();
  const { client } = inProcessGraphClient(new FakeGraphCalendar());
  return {
    calendar: new GraphCalendar({ client, organiser: 'sekretariat@samhandling.example.no', store }),
    close: () => store.close(),
  };
});

describe('the calendar contract', () => {
  it('runs against every calendar adapter there is', () => {
    expect(adaptersImplementing('Calendar')).toEqual([
      'graph-calendar/graph-calendar.adapter.ts',
      'ics/ics-calendar.adapter.ts',
    ]);
  });
});
