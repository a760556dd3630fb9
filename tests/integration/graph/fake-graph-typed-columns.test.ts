import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';

/*
 * The fake Graph refusing what SharePoint refuses for typed columns, asked over plain HTTP (no
 * product code), with the documented limits written here: a value of another type than its
 * column's, a field the list has no column for, a choice not offered, single-line text over 255
 * characters, multi-line over 63,999, a hyperlink not shaped { Url, Description } or with an
 * address over 255 characters, a date that is not ISO 8601, and the read-only built-ins.
 */
let fake: FakeGraph | undefined;
beforeEach(async () => {
  fake = await FakeGraph.start();
  const created = await call('POST', `${site()}/lists`, {
    displayName: 'Typed',
    columns: [
      { name: 'Line', text: { allowMultipleLines: false, maxLength: 255 } },
      { name: 'Note', text: { allowMultipleLines: true } },
      { name: 'Count', number: {} },
      { name: 'Flag', boolean: {} },
      { name: 'When', dateTime: { format: 'dateTime' } },
      { name: 'Day', dateTime: { format: 'dateOnly' } },
      { name: 'State', choice: { allowTextEntry: false, choices: ['Åpen', 'Lukket'] } },
      { name: 'Link', hyperlinkOrPicture: { isPicture: false } },
    ],
  });
  expect(created.status).toBe(201);
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${fake!.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const site = () => `/sites/${encodeURIComponent(fake!.lists.siteId)}`;
const create = (fields: Record<string, unknown>) => call('POST', `${site()}/lists/Typed/items`, { fields });

const good = {
  Title: 'Sak 6/2026',
  Line: 'x'.repeat(255),
  Note: 'y'.repeat(63_999),
  Count: 21,
  Flag: true,
  When: '2026-12-10T09:00:00Z',
  Day: '2026-12-10',
  State: 'Åpen',
  Link: { Url: 'https://contoso.sharepoint.com/doc.docx', Description: 'Saksdokument' },
};

describe('the fake Graph refuses what SharePoint refuses for typed columns', () => {
  it('takes a row whose every value fits its column, and null to clear one', async () => {
    expect((await create(good)).status).toBe(201);
    expect((await create({ ...good, Count: null, Link: null, State: null })).status).toBe(201);
  });

  it.each([
    ['a number as text', { Count: '21' }, /number column takes a number/],
    ['yes/no as text', { Flag: 'true' }, /yes\/no column takes true or false/],
    ['text as a number', { Line: 7 }, /text column takes text/],
    ['a date that is not ISO 8601', { When: '10.12.2026 10:00' }, /ISO 8601/],
    ['a choice not offered', { State: 'Open' }, /not one of the column's choices/],
    ['a hyperlink as a bare string', { Link: 'https://contoso.sharepoint.com/doc.docx' }, /\{ Url, Description \}/],
    ['a hyperlink with other keys', { Link: { url: 'https://a.b/c', description: 'x' } }, /\{ Url, Description \}/],
    [
      'a hyperlink address over 255 characters',
      { Link: { Url: `https://a.b/${'c'.repeat(250)}`, Description: 'x' } },
      /at most 255/,
    ],
    ['single-line text over 255 characters', { Line: 'x'.repeat(256) }, /takes at most 255/],
    ['multi-line text over 63,999 characters', { Note: 'y'.repeat(64_000) }, /takes at most 63999/],
    ['a field the list has no column for', { Colour: 'red' }, /not recognized/],
    ['the read-only ID', { ID: 5 }, /read-only/],
  ])('refuses %s with 400, on create and on update, and keeps nothing of it', async (_what, bad, message) => {
    const refused = await create({ ...good, ...bad });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(message);
    const list = fake!.lists.list('Typed')!;
    expect(list.items.size).toBe(0);
    const made = await create(good);
    const patched = await call('PATCH', `${site()}/lists/Typed/items/${made.body.id}/fields`, bad);
    expect(patched.status).toBe(400);
    expect(list.items.get(made.body.id)!.fields).toEqual(good);
  });

  it('keeps a list’s URL name when its display name changes, and refuses to change anything else', async () => {
    const lists = (await call('GET', `${site()}/lists`)).body.value as { id: string; name: string }[];
    const typed = lists.find((l) => l.name === 'Typed')!;
    expect((await call('PATCH', `${site()}/lists/${typed.id}`, { displayName: 'Møter' })).status).toBe(200);
    const after = (await call('GET', `${site()}/lists/${typed.id}`)).body;
    expect(after).toMatchObject({ name: 'Typed', displayName: 'Møter' });
    expect((await call('PATCH', `${site()}/lists/${typed.id}`, { name: 'Other' })).status).toBe(400);
  });
});
