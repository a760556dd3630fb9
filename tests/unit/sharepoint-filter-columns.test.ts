import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILTER_COLUMNS, RECORD_COLUMNS } from '../../src/adapters/sharepoint/records-list';

const src = join(__dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
  );

/** The field names in `store.find<T>(LIST, { a: x, b })` calls across the product. */
function filteredFields(): Set<string> {
  const fields = new Set<string>();
  for (const file of files(src)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\.find<[^>]*>\(\s*[^,()]+,\s*\{([^}]*)\}/g))
      for (const k of m[1]!.matchAll(/(?:^|,)\s*(\w+)\s*(?=:|,|$)/g)) fields.add(k[1]!);
  }
  return fields;
}

describe('SharePoint indexes what the product filters on', () => {
  it('every field a use case filters on has an indexed column', () => {
    const fields = filteredFields();
    expect(fields.size).toBeGreaterThanOrEqual(4); // state, kind, installed, bodyId, meetingId…
    expect([...fields].filter((f) => !(f in FILTER_COLUMNS))).toEqual([]);
    const indexed = new Set(RECORD_COLUMNS.filter((c) => c.indexed).map((c) => c.name));
    expect(Object.values(FILTER_COLUMNS).filter((c) => !indexed.has(c))).toEqual([]);
    expect(indexed.has('Collection') && indexed.has('RecordKey')).toBe(true);
  });
});
