import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../src/adapters/organisation-file/yaml-organisation-source';

const sample = readFileSync(join(__dirname, '..', '..', 'config', 'organisation.yaml'), 'utf8');
const problemsOf = (text: string) => {
  const result = parseOrganisation(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.problems;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('organisation file', () => {
  it('loads the shipped sample: 21 municipalities, 9 bodies, a coordinator', () => {
    const result = parseOrganisation(sample);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.municipalities).toHaveLength(21);
    expect(result.value.bodies).toHaveLength(9);
    expect(result.value.members.filter((m) => m.coordinator).map((m) => m.name)).toEqual(['Ingrid Haugen']);
    const asker = result.value.municipalities.find((m) => m.name === 'Asker');
    expect(asker?.areas).toEqual(['baerum', 'drammen']);
  });

  it('names the field and line of an unknown body reference', () => {
    const text = sample.replace(
      '{ body: styret, role: member, municipality: "3324"',
      '{ body: styre, role: member, municipality: "3324"',
    );
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'ORGANISATION.UNKNOWN_BODY', params: { value: 'styre' } });
    expect(problem?.field).toMatch(/^members\[\d+\]\.memberships\[0\]\.body$/);
    expect(problem?.line).toBe(lineOf(text, 'body: styre,'));
  });

  it('names the line of a value of the wrong type', () => {
    const text = sample.replace('population: 4600', 'population: mange');
    const [problem] = problemsOf(text);
    expect(problem?.field).toMatch(/^municipalities\[\d+\]\.population$/);
    expect(problem?.line).toBe(lineOf(text, 'population: mange'));
  });

  it('reports a missing required field on its parent line', () => {
    const text = sample.replace('    email: ola.berg@ringerike.kommune.no\n', '');
    const problems = problemsOf(text);
    expect(problems.some((p) => p.field.endsWith('.email') && p.line === lineOf(text, 'id: ola-berg'))).toBe(true);
  });

  it('reports broken YAML with its line', () => {
    const text = sample.replace('areas:\n', 'areas:\n  - { id: oops\n');
    const [problem] = problemsOf(text);
    expect(problem?.code).toBe('ORGANISATION.YAML');
    expect(problem?.line).toBeGreaterThan(0);
  });

  it('catches duplicate municipality numbers and a term that ends before it starts', () => {
    const text = sample
      .replace('number: "3310", name: Hole', 'number: "3305", name: Hole')
      .replace(
        'from: "2025-01-01", to: "2026-12-31" }\n      - { body: osu, role: member, municipality: "3305"',
        'from: "2025-01-01", to: "2024-12-31" }\n      - { body: osu, role: member, municipality: "3305"',
      );
    const codes = problemsOf(text).map((p) => p.code);
    expect(codes).toContain('ORGANISATION.DUPLICATE');
    expect(codes).toContain('ORGANISATION.TERM_ENDS_BEFORE_START');
    // Hole's own respondent now points at a number no municipality has.
    expect(codes).toContain('ORGANISATION.UNKNOWN_MUNICIPALITY');
  });

  it('keeps the leading zero of a municipality number written as a number', () => {
    const text = sample
      .replace('number: "3201"', 'number: 301')
      .replace(/municipality: "3201"/g, 'municipality: "0301"')
      .replace(/"3201": /g, '"0301": ')
      .replace('["3201"]', '["0301"]');
    const result = parseOrganisation(text);
    expect(result.ok && result.value.municipalities.some((m) => m.number === '0301')).toBe(true);
  });

  it('refuses a seat that names both a municipality and a party', () => {
    const text = sample.replace(
      '{ body: osu, role: member, party: Vestre Viken HF',
      '{ body: osu, role: member, municipality: "3201", party: Vestre Viken HF',
    );
    expect(problemsOf(text).map((p) => p.code)).toContain('ORGANISATION.MUNICIPALITY_OR_PARTY');
  });
});
