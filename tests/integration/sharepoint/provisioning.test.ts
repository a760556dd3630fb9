import { afterEach, describe, expect, it } from 'vitest';
import { provisionSite } from '../../../src/adapters/sharepoint/provision';
import { RECORD_COLUMNS, SCHEMA_VERSION, columnsAt } from '../../../src/adapters/sharepoint/records-list';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { graphOnFake } from '../../fakes/fake-graph/sharepoint-on-fake';

let fake: FakeGraph | undefined;
afterEach(async () => fake?.close());

describe('provisioning the SharePoint site', () => {
  it('creates the list with every column, indexed as specified; a second run makes no writes', async () => {
    fake = await FakeGraph.start();
    const { http } = graphOnFake(fake);
    const first = await provisionSite(http, fake.lists.siteId);
    expect(first.listCreated).toBe(true);
    const list = fake.lists.list('SamradRecords')!;
    for (const spec of RECORD_COLUMNS) {
      const column = list.columns.find((c) => c.name === spec.name);
      expect(column, spec.name).toBeDefined();
      expect(column!.indexed, spec.name).toBe(spec.indexed);
    }
    expect(list.columns.find((c) => c.name === 'RecordKey')!.enforceUniqueValues).toBe(true);
    const writesAfterFirst = fake.writes();
    expect(writesAfterFirst).toBe(1);

    const second = await provisionSite(http, fake.lists.siteId);
    expect(second).toEqual({ listCreated: false, columnsAdded: [], columnsDiffering: [] });
    expect(fake.writes()).toBe(writesAfterFirst);
  });

  it('on a site made by an older version, adds just the missing columns, then is idempotent again', async () => {
    fake = await FakeGraph.start();
    const { http } = graphOnFake(fake);
    await provisionSite(http, fake.lists.siteId, columnsAt(1));
    const missing = RECORD_COLUMNS.filter((c) => c.since > 1).map((c) => c.name);
    expect(missing.length).toBeGreaterThan(0);
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    const before = fake.writes();

    const upgrade = await provisionSite(http, fake.lists.siteId);
    expect(upgrade.columnsAdded).toEqual(missing);
    expect(fake.writes() - before).toBe(missing.length);
    expect(fake.count('POST', /\/columns$/)).toBe(missing.length);

    const again = fake.writes();
    expect((await provisionSite(http, fake.lists.siteId)).columnsAdded).toEqual([]);
    expect(fake.writes()).toBe(again);
  });

  it('fails with a clear message when the site is not there (no grant, or a wrong id)', async () => {
    fake = await FakeGraph.start();
    const { http } = graphOnFake(fake);
    await expect(provisionSite(http, 'contoso.sharepoint.com,nope,nope')).rejects.toThrow(
      /^PROVISION.FAILED: could not read the lists: Graph answered 404 itemNotFound/,
    );
  });
});
