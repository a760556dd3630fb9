import type { Organisation } from './organisation';
import { isMunicipalityNumber } from './municipality';

/** A rule the organisation breaks, with the path to the value at fault (for line numbers). */
export interface OrganisationProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Cross-reference rules a schema cannot see: every reference resolves, ids are unique,
 * terms end after they start. Each rule is named by its code.
 */
export function checkOrganisation(org: Organisation): OrganisationProblem[] {
  const problems: OrganisationProblem[] = [];
  const add = (path: (string | number)[], code: string, params: Record<string, string | number> = {}) =>
    problems.push({ path, code, params });

  const areaIds = new Set(org.areas.map((a) => a.id));
  const bodyIds = new Set(org.bodies.map((b) => b.id));
  const numbers = new Set<string>();
  org.municipalities.forEach((m, i) => {
    if (!isMunicipalityNumber(m.number))
      add(['municipalities', i, 'number'], 'ORGANISATION.BAD_NUMBER', { value: m.number });
    if (numbers.has(m.number)) add(['municipalities', i, 'number'], 'ORGANISATION.DUPLICATE', { value: m.number });
    numbers.add(m.number);
    m.areas.forEach((a, j) => {
      if (!areaIds.has(a)) add(['municipalities', i, 'areas', j], 'ORGANISATION.UNKNOWN_AREA', { value: a });
    });
  });
  org.areas.forEach((a, i) => {
    if (a.lsu && !bodyIds.has(a.lsu)) add(['areas', i, 'lsu'], 'ORGANISATION.UNKNOWN_BODY', { value: a.lsu });
  });
  duplicates(org.bodies.map((b) => b.id)).forEach((i) =>
    add(['bodies', i, 'id'], 'ORGANISATION.DUPLICATE', { value: org.bodies[i]!.id }),
  );
  if (org.bodies.filter((b) => b.kind === 'board').length > 1) add(['bodies'], 'ORGANISATION.ONE_BOARD');

  const memberIds = new Set(org.members.map((m) => m.id));
  duplicates(org.members.map((m) => m.id)).forEach((i) =>
    add(['members', i, 'id'], 'ORGANISATION.DUPLICATE', { value: org.members[i]!.id }),
  );
  duplicates(org.members.map((m) => m.email.toLowerCase())).forEach((i) =>
    add(['members', i, 'email'], 'ORGANISATION.DUPLICATE', { value: org.members[i]!.email }),
  );
  org.members.forEach((member, i) => {
    member.memberships.forEach((seat, j) => {
      const at = ['members', i, 'memberships', j];
      if (!bodyIds.has(seat.body)) add([...at, 'body'], 'ORGANISATION.UNKNOWN_BODY', { value: seat.body });
      if ('municipality' in seat.represents && !numbers.has(seat.represents.municipality))
        add([...at, 'municipality'], 'ORGANISATION.UNKNOWN_MUNICIPALITY', { value: seat.represents.municipality });
      if (seat.to !== undefined && seat.to < seat.from)
        add([...at, 'to'], 'ORGANISATION.TERM_ENDS_BEFORE_START', { value: seat.to });
      if (seat.deputyFor !== undefined && !memberIds.has(seat.deputyFor))
        add([...at, 'deputyFor'], 'ORGANISATION.UNKNOWN_MEMBER', { value: seat.deputyFor });
    });
    member.respondentFor.forEach((r, j) => {
      if (!numbers.has(r.municipality))
        add(['members', i, 'respondentFor', j, 'municipality'], 'ORGANISATION.UNKNOWN_MUNICIPALITY', {
          value: r.municipality,
        });
    });
  });
  (org.boardRules?.regions ?? []).forEach((r, i) =>
    r.municipalities.forEach((n, j) => {
      if (!numbers.has(n))
        add(['boardRules', 'regions', i, 'municipalities', j], 'ORGANISATION.UNKNOWN_MUNICIPALITY', { value: n });
    }),
  );
  duplicates((org.populations ?? []).map((p) => String(p.year))).forEach((i) =>
    add(['populations', i, 'year'], 'ORGANISATION.DUPLICATE', { value: org.populations![i]!.year }),
  );
  (org.populations ?? []).forEach((p, i) => {
    for (const n of Object.keys(p.counts))
      if (!numbers.has(n)) add(['populations', i, 'counts', n], 'ORGANISATION.UNKNOWN_MUNICIPALITY', { value: n });
  });
  duplicates((org.fees?.rates ?? []).map((r) => String(r.fromYear))).forEach((i) =>
    add(['fees', 'rates', i, 'from'], 'ORGANISATION.DUPLICATE', { value: org.fees!.rates[i]!.fromYear }),
  );
  duplicates((org.networks ?? []).map((n) => n.id)).forEach((i) =>
    add(['networks', i, 'id'], 'ORGANISATION.DUPLICATE', { value: org.networks![i]!.id }),
  );
  (org.networks ?? []).forEach((n, i) =>
    n.members.forEach((m, j) => {
      if (!numbers.has(m.municipality))
        add(['networks', i, 'members', j, 'municipality'], 'ORGANISATION.UNKNOWN_MUNICIPALITY', {
          value: m.municipality,
        });
    }),
  );
  duplicates((org.projects ?? []).map((p) => p.id)).forEach((i) =>
    add(['projects', i, 'id'], 'ORGANISATION.DUPLICATE', { value: org.projects![i]!.id }),
  );
  return problems;
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
