import type { ListName, Where } from '../../ports/record-store';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The fields with an index of their own (migrations.ts). Without statistics SQLite prefers the
 * primary key's `list = ?` for a query that reads the whole row, and so parses every record of
 * the list as JSON; an equality on one of these is always at least as narrow, so it is named.
 */
const INDEXES: Readonly<Record<string, string>> = {
  memberId: 'records_member',
  kind: 'records_kind',
  state: 'records_state',
  meetingId: 'records_meeting',
  hearingId: 'records_hearing',
};

/** `find`'s statement: every field an equality (or IS NULL) on its JSON value, oldest first. */
export function findQuery(list: ListName, where: Where = {}): { sql: string; params: unknown[] } {
  const clauses = ['list = ?'];
  const params: unknown[] = [list];
  for (const [field, value] of Object.entries(where)) {
    if (!FIELD.test(field)) throw new Error(`Not a field name: ${field}`);
    if (value === null) clauses.push(`json_extract(value, '$.${field}') IS NULL`);
    else {
      clauses.push(`json_extract(value, '$.${field}') = ?`);
      params.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  const index = Object.keys(where)
    .map((field) => INDEXES[field])
    .find((name) => name !== undefined);
  return {
    sql: `SELECT id, version, value, created, modified FROM records${index ? ` INDEXED BY ${index}` : ''} WHERE ${clauses.join(' AND ')} ORDER BY created, id`,
    params,
  };
}
