import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';

/*
 * The fake Graph refusing what Microsoft refuses, asked over plain HTTP (no product code), with
 * Microsoft's figures written here: the list view threshold of 5,000 on the first indexed
 * clause, 255 and 63,999 characters, 4 MB bodies, 20 requests a batch, getSchedule's 20
 * schedules and under 62 days, opaque paging tokens, 423 and 409 from the drive, and an event
 * made without a Teams link when the mailbox cannot host one.
 */
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body);
  const res = await fetch(path.startsWith('http') ? path : `${fake!.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined && !raw && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: raw ? (body as string) : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const site = () => `/sites/${encodeURIComponent(fake!.lists.siteId)}`;
const items = () => `${site()}/lists/Records/items`;
const filter = (f: string, extra = '') => `${items()}?$filter=${encodeURIComponent(f)}&$expand=fields${extra}`;

/** A list with an indexed Collection and State, a non-indexed Note, and a multi-line Value. */
async function recordsList(): Promise<void> {
  const created = await call('POST', `${site()}/lists`, {
    displayName: 'Records',
    columns: [
      { name: 'Collection', indexed: true, text: { allowMultipleLines: false, maxLength: 255 } },
      { name: 'State', indexed: true, text: {} },
      { name: 'Note', indexed: false, text: {} },
      { name: 'Value', indexed: false, text: { allowMultipleLines: true } },
    ],
  });
  expect(created.status).toBe(201);
}

/** Items put straight into the fake's memory: 5,001 HTTP creates would only test patience. */
function seed(count: number, fields: (i: number) => Record<string, unknown>): void {
  const list = fake!.lists.list('Records')!;
  for (let i = 0; i < count; i++) {
    const id = String(list.nextId++);
    list.items.set(id, {
      id,
      guid: randomUUID(),
      version: 1,
      fields: fields(i),
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
    });
  }
}

describe('the fake Graph: SharePoint list limits', () => {
  it("refuses a filter whose first indexed clause matches more than 5,000 items, with SharePoint's SPQueryThrottledException", async () => {
    fake = await FakeGraph.start();
    await recordsList();
    seed(5_000, (i) => ({ Collection: 'jobs', State: i === 0 ? 'pending' : 'done' }));
    expect((await call('GET', filter("fields/Collection eq 'jobs'", '&$top=1'))).status).toBe(200); // 5,000: at the threshold, allowed

    seed(1, () => ({ Collection: 'jobs', State: 'done' }));
    const refused = await call('GET', filter("fields/Collection eq 'jobs' and fields/State eq 'pending'"));
    expect(refused.status).toBe(500);
    expect(refused.body.error.message).toBe(
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
    expect(refused.body.error.innerError.code).toContain('Microsoft.SharePoint.SPQueryThrottledException');
    // The same filter led by the selective indexed clause passes: only the first one counts.
    const led = await call('GET', filter("fields/State eq 'pending' and fields/Collection eq 'jobs'"));
    expect(led.status).toBe(200);
    expect(led.body.value).toHaveLength(1);
  });

  it('holds a lowered threshold, for tests that cannot wait for 5,001 items', async () => {
    fake = await FakeGraph.start({ viewThreshold: 3 });
    await recordsList();
    for (let i = 0; i < 4; i++)
      expect((await call('POST', items(), { fields: { Collection: 'jobs' } })).status).toBe(201);
    expect((await call('GET', filter("fields/Collection eq 'jobs'"))).status).toBe(500);
  });

  it('refuses a non-indexed filter with 400 unless the Prefer header accepts it; then the whole list counts', async () => {
    fake = await FakeGraph.start({ viewThreshold: 3 });
    await recordsList();
    seed(3, () => ({ Collection: 'a', Note: 'x' }));
    const plain = await call('GET', filter("fields/Note eq 'x'"));
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toContain('not indexed');
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    expect((await call('GET', filter("fields/Note eq 'x'"), undefined, prefer)).status).toBe(200);
    seed(1, () => ({ Collection: 'b' }));
    expect((await call('GET', filter("fields/Note eq 'x'"), undefined, prefer)).status).toBe(500); // 4 items scanned
  });

  it('refuses text over 255 characters in a single-line column and over 63,999 in a multi-line one, on create and update', async () => {
    fake = await FakeGraph.start();
    await recordsList();
    expect(
      (
        await call('POST', items(), {
          fields: { Title: 't'.repeat(255), Collection: 'c'.repeat(255), Value: 'v'.repeat(63_999) },
        })
      ).status,
    ).toBe(201);
    const title = await call('POST', items(), { fields: { Title: 't'.repeat(256) } });
    expect(title.status).toBe(400);
    expect(title.body.error.message).toContain("'Title'");
    expect((await call('POST', items(), { fields: { Collection: 'c'.repeat(256) } })).status).toBe(400);
    expect((await call('POST', items(), { fields: { Value: 'v'.repeat(64_000) } })).status).toBe(400);
    const update = await call('PATCH', `${items()}/1/fields`, { Value: 'v'.repeat(64_000) });
    expect(update.status).toBe(400);
    expect(fake.lists.list('Records')!.items.get('1')!.fields.Value).toHaveLength(63_999); // unchanged
  });

  it('pages with opaque tokens: the nextLink works as given, a token the client made up or moved to another query is 400', async () => {
    fake = await FakeGraph.start({ maxPage: 2 });
    await recordsList();
    seed(5, (i) => ({ Collection: i < 4 ? 'a' : 'b' }));
    const first = await call('GET', filter("fields/Collection eq 'a'"));
    const next: string = first.body['@odata.nextLink'];
    const token = new URL(next).searchParams.get('$skiptoken')!;
    expect(token).not.toMatch(/^\d+$/);
    const second = await call('GET', next);
    expect(second.status).toBe(200);
    expect([...first.body.value, ...second.body.value].map((i: { id: string }) => i.id)).toEqual(['1', '2', '3', '4']);
    expect((await call('GET', filter("fields/Collection eq 'a'", '&$skiptoken=2'))).status).toBe(400);
    expect((await call('GET', filter("fields/Collection eq 'b'", `&$skiptoken=${token}`))).status).toBe(400);
  });
});

describe('the fake Graph: requests and $batch', () => {
  it('refuses a request body over 4 MB with 413', async () => {
    fake = await FakeGraph.start();
    await recordsList();
    const big = await call('POST', items(), { fields: { Value: 'v'.repeat(4 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(fake.lists.list('Records')!.items.size).toBe(0);
  });

  it('takes at most 20 requests a batch, and answers them in any order, each with its own id', async () => {
    fake = await FakeGraph.start();
    await recordsList();
    const requests = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `r${i}`,
        method: 'POST',
        url: `${site()}/lists/Records/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `t${i}` } },
      }));
    expect((await call('POST', '/$batch', { requests: requests(21) })).status).toBe(400);
    const answered = await call('POST', '/$batch', { requests: requests(20) });
    expect(answered.status).toBe(200);
    const ids = answered.body.responses.map((r: { id: string }) => r.id);
    expect([...ids].sort()).toEqual(
      requests(20)
        .map((r) => r.id)
        .sort(),
    );
    expect(ids).not.toEqual(requests(20).map((r) => r.id)); // shuffled
    for (const r of answered.body.responses) expect(r.body.fields.Title).toBe(`t${r.id.slice(1)}`);
  });

  it('answers 424 to a request whose dependsOn failed, and does not run it', async () => {
    fake = await FakeGraph.start();
    await recordsList();
    const answered = await call('POST', '/$batch', {
      requests: [
        {
          id: 'a',
          method: 'POST',
          url: `${site()}/lists/Records/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: 'x'.repeat(300) } },
        },
        {
          id: 'b',
          dependsOn: ['a'],
          method: 'POST',
          url: `${site()}/lists/Records/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: 'b' } },
        },
      ],
    });
    const byId = Object.fromEntries(
      answered.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ a: 400, b: 424 });
    expect(fake.lists.list('Records')!.items.size).toBe(0);
  });

  it('throttles a whole batch (429 on the envelope) or sub-requests inside a 200, with Retry-After in seconds, as a date, or absent', async () => {
    fake = await FakeGraph.start();
    await recordsList();
    const body = { requests: [{ id: '1', method: 'GET', url: `${site()}/lists/Records/items` }] };
    fake.faults.add({ status: 429, where: 'batch', retryAfter: '7' });
    const whole = await call('POST', '/$batch', body);
    expect([whole.status, whole.headers.get('retry-after')]).toEqual([429, '7']);
    fake.faults.add({ status: 429, where: 'sub', retryAfter: 'Mon, 23 Nov 2026 12:00:10 GMT' });
    const inside = await call('POST', '/$batch', body);
    expect(inside.status).toBe(200);
    expect(inside.body.responses[0]).toMatchObject({
      status: 429,
      headers: { 'Retry-After': 'Mon, 23 Nov 2026 12:00:10 GMT' },
    });
    fake.setThrottle({ share: 1, retryAfter: null });
    const bare = await call('GET', items());
    expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
  });
});

describe('the fake Graph: drive, events and getSchedule', () => {
  const upload = (path: string, query = '') =>
    call('PUT', `/drives/drive-1/root:/${path}:/content${query}`, 'bytes', { 'content-type': 'text/plain' });

  it('answers 423 to an upload onto a locked file and 409 on a conflict, and keeps the file as it was', async () => {
    fake = await FakeGraph.start();
    expect((await upload('a.txt')).status).toBe(201);
    fake.drive.locked.add('a.txt');
    expect((await upload('a.txt')).status).toBe(423);
    fake.drive.locked.delete('a.txt');
    fake.drive.conflictNext = 1;
    expect((await upload('a.txt')).status).toBe(409);
    expect((await upload('a.txt', '?@microsoft.graph.conflictBehavior=fail')).status).toBe(409);
    expect((await upload('a.txt')).status).toBe(200);
    expect(fake.drive.uploads).toBe(2);
  });

  it('creates an event with 201 but no join link when the mailbox cannot host Teams meetings', async () => {
    const calendar = new FakeGraphCalendar({ teamsMeetings: false });
    fake = await FakeGraph.start({ routes: [calendar] });
    const when = (h: number) => ({ dateTime: `2026-12-01T${h}:00:00`, timeZone: 'W. Europe Standard Time' });
    const made = await call('POST', '/users/org@contoso.no/events', {
      subject: 'Styremøte',
      start: when(10),
      end: when(12),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(made.status).toBe(201);
    expect(made.body.isOnlineMeeting).toBe(false);
    expect(made.body.onlineMeeting).toBeNull();
  });

  it('getSchedule takes at most 20 schedules and a window shorter than 62 days', async () => {
    fake = await FakeGraph.start({ routes: [new FakeGraphCalendar()] });
    const ask = (people: number, days: number) =>
      call('POST', '/users/org@contoso.no/calendar/getSchedule', {
        schedules: Array.from({ length: people }, (_, i) => `p${i}@contoso.no`),
        startTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' },
        endTime: {
          dateTime: new Date(Date.UTC(2026, 11, 1) + days * 86_400_000).toISOString().slice(0, 19),
          timeZone: 'UTC',
        },
      });
    expect((await ask(20, 61)).status).toBe(200);
    expect((await ask(21, 1)).status).toBe(400);
    expect((await ask(1, 62)).status).toBe(400);
  });
});
