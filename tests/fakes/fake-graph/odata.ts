import type { FakeGraphResponse } from './route';

/** Graph's error body: `{ error: { code, message } }`. */
export const graphError = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): FakeGraphResponse => ({
  status,
  ...(headers && { headers }),
  body: { error: { code, message } },
});

export const json = (status: number, body: unknown, headers?: Record<string, string>): FakeGraphResponse => ({
  status,
  body,
  ...(headers && { headers }),
});

/** One `fields/Name eq 'value'` clause; strings with '' for a quote, numbers, true/false. */
export interface EqualityClause {
  readonly field: string;
  readonly value: string | number | boolean;
}

const CLAUSE = /^fields\/([A-Za-z_][A-Za-z0-9_]*)\s+eq\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)$/;

/** The subset of OData `$filter` the store uses: equality clauses joined by `and`. */
export function parseFilter(filter: string): EqualityClause[] | string {
  const parts = filter.split(/\s+and\s+(?=fields\/)/);
  const clauses: EqualityClause[] = [];
  for (const part of parts) {
    const m = CLAUSE.exec(part.trim());
    if (!m) return `unsupported filter clause: ${part}`;
    const raw = m[2]!;
    const value = raw.startsWith("'")
      ? raw.slice(1, -1).replace(/''/g, "'")
      : raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : Number(raw);
    clauses.push({ field: m[1]!, value });
  }
  return clauses;
}

/** Deterministic pseudo-random numbers (mulberry32), so a throttled run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
